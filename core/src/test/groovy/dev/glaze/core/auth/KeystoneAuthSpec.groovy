package dev.glaze.core.auth

import dev.glaze.core.AuthenticationException
import dev.glaze.core.Cloud
import dev.glaze.core.ConnectionException
import dev.glaze.core.internal.http.Transport
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

class KeystoneAuthSpec extends Specification {
    static final String PASSWORD = 'correct-horse-battery'
    static final String USERS = '''{"users": [
      {"name": "alice", "id": "a11ce000a11ce000a11ce000a11ce000", "password": "correct-horse-battery",
       "project": {"id": "1234", "name": "alice-project"}, "roles": ["admin"], "defaultRegion": "ORD"},
      {"name": "bob", "password": "bobs-own-password", "project": {"id": "5678", "name": "bob-project"}}
    ]}'''

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS,
            regions: ['DFW', 'ORD', 'IAD'])

    def "password sign-in by name gives the token, its project, user, expiry and catalog"() {
        when:
        def token = Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')
                .authenticate(Transport.builder().build())

        then:
        token.id() ==~ /[0-9a-f]{64}/
        token.projectId().get() == '1234'
        token.projectName().get() == 'alice-project'
        token.userId().get() == 'a11ce000a11ce000a11ce000a11ce000'
        token.expiresAt().get().isAfter(java.time.Instant.now().plusSeconds(23 * 3600))
        token.catalog().regions('image') == ['DFW', 'ORD', 'IAD']
        token.catalog().find('image', 'ORD', 'public').get().url() == URI.create("$glance.url/ORD")
        token.catalog().find('object-store', 'IAD', 'internal').get().url() == URI.create("$glance.url/IAD/v1/AUTH_1234")
        !token.toString().contains(token.id())
    }

    def "the identity URL may be given as #form"() {
        expect:
        Authenticators.keystone(url(form)).username('alice').password(PASSWORD).projectName('alice-project').build()
                .authenticate(Transport.builder().build()).projectId().get() == '1234'

        where:
        form << ['<base>', '<base>/', '<base>/v3', '<base>/v3/', '<base>/v3/auth/tokens']
    }

    def "users and projects by id, names with explicit domains, and the user's default project"() {
        expect:
        sign(Authenticators.keystone("$glance.url/v3").userId('a11ce000a11ce000a11ce000a11ce000').password(PASSWORD)
                .projectId('1234')).projectId().get() == '1234'
        sign(Authenticators.keystone("$glance.url").username('alice').userDomainName('Default').password(PASSWORD)
                .projectName('alice-project').projectDomainId('default')).projectId().get() == '1234'
        sign(Authenticators.keystone("$glance.url").username('bob').password('bobs-own-password'))
                .projectName().get() == 'bob-project'
    }

    def "the token method signs in with a token from elsewhere"() {
        given:
        def first = Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')
                .authenticate(Transport.builder().build())

        when:
        def second = Authenticators.keystoneToken("$glance.url/v3", first.id(), '1234').authenticate(Transport.builder().build())

        then:
        second.id() != first.id()
        second.projectId().get() == '1234'
        second.expiresAt() == first.expiresAt()   // a token made from a token ends with it
    }

    def "a wrong password is one line naming the URL and the user, never the password"() {
        given:
        def wrong = 'not-the-password-42'

        when:
        Authenticators.keystonePassword("$glance.url", 'alice', wrong, 'alice-project').authenticate(Transport.builder().build())

        then:
        AuthenticationException e = thrown()
        e.message == "could not sign in to $glance.url/v3/auth/tokens as alice: 401 Unauthorized: The request you have" +
                " made requires authentication. (check the user name, password, domain and project)"
        !e.message.contains(wrong)
        !e.message.contains('\n')
    }

    def "a project the user has no role on, and an unknown token, are refused as authentication failures"() {
        when:
        Authenticators.keystonePassword("$glance.url", 'bob', 'bobs-own-password', 'alice-project')
                .authenticate(Transport.builder().build())

        then:
        AuthenticationException e = thrown()
        e.message.contains('as bob: 401 Unauthorized')

        when:
        def unknown = 'f' * 64
        Authenticators.keystoneToken("$glance.url", unknown, null).authenticate(Transport.builder().build())

        then:
        AuthenticationException gone = thrown()
        gone.message == "could not sign in to $glance.url/v3/auth/tokens as the given token: 404 Not Found:" +
                " Could not find token. (the token may have expired; check it and the project)"
        !gone.message.contains(unknown)
    }

    def "a #status from the identity service is #kind.simpleName: #message"() {
        given: 'a small server answering every request with one status and body'
        def web = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        web.createContext('/') { ex ->
            byte[] page = body.bytes
            ex.responseHeaders.add('Content-Type', body.startsWith('{') ? 'application/json' : 'text/html')
            ex.sendResponseHeaders(status, page.length)
            ex.responseBody.withCloseable { it.write(page) }
        }
        web.start()
        def url = "http://127.0.0.1:$web.address.port/www"

        when:
        Authenticators.rackspacePassword(url, 'alice', 'pw-never-shown').authenticate(Transport.builder().build())

        then:
        Exception e = thrown()
        kind.isInstance(e)
        e.message == message.replace('<url>', "$url/v2.0/tokens")
        !e.message.contains('pw-never-shown')

        cleanup:
        web?.stop(0)

        where:
        status | body                                                                      || kind                                  | message
        400    | '{"badRequest": {"code": 400, "message": "Expecting password"}}'          || AuthenticationException               | 'could not sign in to <url> as alice: 400 Bad Request: Expecting password'
        403    | '{"forbidden": {"code": 403, "message": "User \'alice\' is disabled."}}'  || AuthenticationException               | "could not sign in to <url> as alice: 403 Forbidden: User 'alice' is disabled."
        404    | '<html><body><h1>404 Not Found</h1></body></html>'                        || AuthenticationException               | 'could not sign in to <url> as alice: 404 Not Found: 404 Not Found (is the identity URL right?)'
        503    | '{"serviceUnavailable": {"code": 503, "message": "Down for maintenance"}}' || dev.glaze.core.ServerErrorException   | 'POST <url>: 503 Service Unavailable: Down for maintenance'
        200    | '<html>a login page</html>'                                               || AuthenticationException               | 'the identity service at <url> answered 200 with something that is not a JSON object (is the identity URL right?)'
        200    | '{"access": {}}'                                                          || AuthenticationException               | 'the identity service at <url> answered without access.token.id (is the identity URL right?)'
    }

    def "a service that is not there stays a connection failure"() {
        given:
        def closed = new ServerSocket(0)
        int port = closed.localPort
        closed.close()

        when:
        Authenticators.keystonePassword("http://127.0.0.1:$port/v3", 'alice', PASSWORD, 'p')
                .authenticate(Transport.builder().retry(dev.glaze.core.internal.http.RetryPolicy.NEVER).build())

        then:
        ConnectionException e = thrown()
        e.message.startsWith("POST http://127.0.0.1:$port/v3/auth/tokens: connection refused")
    }

    def "a cloud signed in with a password lists the images of each region, and finds the object store in the catalog"() {
        given:
        def cloud = Cloud.builder().authenticator(
                Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')).build()
        ['DFW', 'ORD', 'IAD'].each { r ->
            cloud.region(r).images().create(name: "in-$r", disk_format: 'raw', container_format: 'bare')
        }

        expect:
        cloud.regions() == ['DFW', 'ORD', 'IAD']
        cloud.getRegion().get() == 'DFW'       // the first region that offers images (Keystone names no default)
        cloud.region('ORD').images().toList()*.name == ['in-ORD']
        cloud.allRegions().collect { it.images().toList()*.name } == [['in-DFW'], ['in-ORD'], ['in-IAD']]
        cloud.region('IAD').context().objectStore() == URI.create("$glance.url/IAD/v1/AUTH_1234")
        cloud.region('IAD').getImageEndpoint() == URI.create("$glance.url/IAD")
        cloud.getProjectId().get() == '1234'
        cloud.context().session().get().signIns() == 1   // one sign-in shared by every region

        cleanup:
        cloud?.allRegions()?.each { c -> c.images().toList().each { it.delete() } }
    }

    def "the internal interface picks the internal endpoints"() {
        given:
        def cloud = Cloud.builder().iface('internal').region('ORD').authenticator(
                Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')).build()

        expect:
        cloud.context().objectStore() == URI.create("$glance.url/ORD/v1/AUTH_1234")
        cloud.images().toList() == []
    }

    private static String urlOf(String base, String form) {
        form.replace('<base>', base)
    }

    private String url(String form) {
        urlOf(glance.url.toString(), form)
    }

    private static AuthToken sign(KeystoneAuthBuilder b) {
        b.build().authenticate(Transport.builder().build())
    }
}
