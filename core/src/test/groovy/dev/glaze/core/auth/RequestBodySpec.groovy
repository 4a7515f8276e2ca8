package dev.glaze.core.auth

import dev.glaze.core.ConfigurationException
import dev.glaze.core.internal.auth.CatalogParser
import dev.glaze.core.internal.Timestamps
import dev.glaze.core.internal.json.Json
import spock.lang.Specification

import java.time.Instant

/**
 * The sign-in bodies as JSON, and the parsing of answers, without a server. The application credential method is
 * checked here: the embedded service answers only the password and token methods (docs/identity.md).
 */
class RequestBodySpec extends Specification {
    def "Keystone bodies: #method"() {
        expect:
        Json.write(builder.build().requestBody()) == json

        where:
        method                          | builder                                                                                     || json
        'password, user and project by name' | ks().username('alice').password('pw-123456').projectName('p')                         || '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"default"},"password":"pw-123456"}}},"scope":{"project":{"name":"p","domain":{"id":"default"}}}}}'
        'password, named domains'       | ks().username('alice').userDomainName('Users').password('pw-123456').projectName('p').projectDomainName('Projects') || '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"name":"Users"},"password":"pw-123456"}}},"scope":{"project":{"name":"p","domain":{"name":"Projects"}}}}}'
        'password, user and project by id' | ks().userId('u1').password('pw-123456').projectId('p1')                               || '{"auth":{"identity":{"methods":["password"],"password":{"user":{"id":"u1","password":"pw-123456"}}},"scope":{"project":{"id":"p1"}}}}'
        'password, domain scope'        | ks().username('alice').password('pw-123456').domainName('Default')                      || '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","domain":{"id":"default"},"password":"pw-123456"}}},"scope":{"domain":{"name":"Default"}}}}'
        'token, default project'        | ks().token('tok-123456')                                                                 || '{"auth":{"identity":{"methods":["token"],"token":{"id":"tok-123456"}}}}'
        'application credential by id'  | ks().applicationCredentialId('ac1').applicationCredentialSecret('s3cret-1').projectName('ignored') || '{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"ac1","secret":"s3cret-1"}}}}'
        'application credential by name' | ks().applicationCredentialName('ci').username('alice').userDomainId('d1').applicationCredentialSecret('s3cret-1') || '{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"name":"ci","user":{"name":"alice","domain":{"id":"d1"}},"secret":"s3cret-1"}}}}'
    }

    def "Rackspace bodies"() {
        expect:
        Json.write(Authenticators.rackspace('https://id.example/v2.0').username('me').apiKey('k-123456').tenantId('9').build().requestBody()) ==
                '{"auth":{"RAX-KSKEY:apiKeyCredentials":{"username":"me","apiKey":"k-123456"},"tenantId":"9"}}'
        Json.write(Authenticators.rackspacePassword('https://id.example', 'me', 'pw-123456').requestBody()) ==
                '{"auth":{"passwordCredentials":{"username":"me","password":"pw-123456"}}}'
    }

    def "the identity URL is normalised: #given"() {
        expect:
        Authenticators.keystone(given).token('t-123456').build().tokensUrl() == URI.create(keystone)
        Authenticators.rackspace(given.replace('/v3', '/v2.0')).username('me').apiKey('k-123456').build().tokensUrl() ==
                URI.create(keystone.replace('/v3/auth/tokens', '/v2.0/tokens'))

        where:
        given                                     || keystone
        'https://keystone.example:5000'           || 'https://keystone.example:5000/v3/auth/tokens'
        'https://keystone.example:5000/v3/'       || 'https://keystone.example:5000/v3/auth/tokens'
        'http://10.0.0.5/identity/v3'             || 'http://10.0.0.5/identity/v3/auth/tokens'
        ' http://10.0.0.5/identity// '            || 'http://10.0.0.5/identity/v3/auth/tokens'
    }

    def "incomplete credentials are refused when built: #problem"() {
        when:
        builder.build()

        then:
        ConfigurationException e = thrown()
        e.message.endsWith(problem)

        where:
        builder                                                                 || problem
        ks().password('pw-123456')                                              || 'a password needs a user: username(...) or userId(...)'
        ks().username('alice')                                                  || 'no credentials: give a password, a token or an application credential'
        ks().applicationCredentialId('ac1')                                     || 'an application credential needs its secret: applicationCredentialSecret(...)'
        ks().applicationCredentialName('ci').applicationCredentialSecret('s-123456') || 'an application credential given by name needs its user: username(...) or userId(...)'
        Authenticators.rackspace('https://id.example').username('me')           || 'no API key or password for me: apiKey(...) or password(...)'
        Authenticators.keystone('keystone.example').token('t-123456')           || "identity URL 'keystone.example' is not an absolute http(s) URL, e.g. https://keystone.example.com:5000/v3"
    }

    def "describe() and toString() name the URL and user, never the secret"() {
        given:
        def a = ks().username('alice').password('pw-secret-1').projectName('p').build()
        def r = Authenticators.rackspaceApiKey('https://id.example/v2.0', 'me', 'key-secret-1')
        def c = ks().applicationCredentialId('ac1').applicationCredentialSecret('ac-secret-1').build()

        expect:
        a.describe() == 'Keystone v3 password at https://keystone.example as alice, project p'
        r.describe() == 'Rackspace v2.0 API key at https://id.example/v2.0 as me'
        c.describe() == 'Keystone v3 application credential at https://keystone.example as application credential ac1'
        [a, r, c].every { !it.toString().contains('secret') && !it.describe().contains('secret') }
    }

    def "timestamps with and without fractions and zones"() {
        expect:
        Timestamps.parse(text) == (expected == null ? null : Instant.parse(expected))

        where:
        text                                || expected
        '2015-11-07T02:58:43.578887Z'       || '2015-11-07T02:58:43.578887Z'
        '2016-08-11T20:00:44.526Z'          || '2016-08-11T20:00:44.526Z'
        '2016-08-11T15:00:44.526-05:00'     || '2016-08-11T20:00:44.526Z'
        '2016-11-06T15:32:17.000000'        || '2016-11-06T15:32:17Z'
        '2016-11-06T15:32:17Z'              || '2016-11-06T15:32:17Z'
        'soon'                              || null
        null                                || null
    }

    def "both catalog shapes, skipping entries without a type or URL"() {
        given:
        def v3 = CatalogParser.keystone(Json.parse('''[
          {"type": "image", "name": "glance", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "http://23.253.248.171:9292"},
            {"interface": "internal", "region": "RegionTwo", "url": "http://10.0.0.1:9292/v2/"},
            {"interface": "admin", "region_id": "RegionOne", "url": "not a url"}]},
          {"name": "no type", "endpoints": [{"interface": "public", "url": "http://x"}]},
          {"type": "identity", "endpoints": [{"interface": "public", "url": "http://keystone:5000"}]}]'''))
        def v2 = CatalogParser.rackspace(Json.parse('''[
          {"name": "cloudImages", "type": "image", "endpoints": [
            {"publicURL": "https://iad.images.api.rackspacecloud.com/v2", "region": "IAD", "tenantId": "929418"},
            {"publicURL": "https://dfw.images.api.rackspacecloud.com/v2", "region": "DFW", "tenantId": "929418"}]},
          {"name": "cloudFiles", "type": "object-store", "endpoints": [
            {"publicURL": "https://storage101.iad3.clouddrive.com/v1/MossoCloudFS_929418",
             "internalURL": "https://snet-storage101.iad3.clouddrive.com/v1/MossoCloudFS_929418", "region": "IAD"}]},
          {"name": "cloudDNS", "type": "rax:dns", "endpoints": [{"publicURL": "https://dns.api.rackspacecloud.com/v1.0/929418"}]}]'''))

        expect:
        v3.endpoints()*.toString() == ['image@RegionOne/public=http://23.253.248.171:9292',
                                       'image@RegionTwo/internal=http://10.0.0.1:9292/v2/',
                                       'identity@null/public=http://keystone:5000']
        v3.regions('image') == ['RegionOne', 'RegionTwo']
        v3.find('image', 'regiontwo', 'internal').get().url() == URI.create('http://10.0.0.1:9292/v2/')
        !v3.find('image', 'RegionTwo', 'public').isPresent()
        v2.regions('image') == ['IAD', 'DFW']
        v2.find('image', 'DFW', 'publicURL').get().url() == URI.create('https://dfw.images.api.rackspacecloud.com/v2')
        v2.find('object-store', 'IAD', 'internal').get().url().host == 'snet-storage101.iad3.clouddrive.com'
        v2.find('rax:dns', 'IAD', null).get().region() == null   // a global service is found from any region
        CatalogParser.keystone(null).isEmpty()
        CatalogParser.rackspace(Json.parse('{"not": "a list"}')).isEmpty()
    }

    private static KeystoneAuthBuilder ks() {
        Authenticators.keystone('https://keystone.example')
    }
}
