package dev.glaze.emulator.identity

import dev.glaze.emulator.Profile
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Rackspace Identity v2.0 tokens ({@code POST /v2.0/tokens}) with {@code auth keystone}, in both profiles. */
class RackspaceTokensSpec extends Specification {
    static final String UNPARSABLE =
            'Invalid request body: unable to parse Auth data. Please review XML or JSON formatting.'

    static Map apiKey(String user = 'alice', String key = 'alice-secret-key', Map extra = [:]) {
        [auth: ['RAX-KSKEY:apiKeyCredentials': [username: user, apiKey: key]] + extra]
    }

    static Map password(String user = 'alice', String pw = 'alice-secret-pw', Map extra = [:]) {
        [auth: [passwordCredentials: [username: user, password: pw]] + extra]
    }

    def "an API key sign-in answers 200 with the access object of contract 13.1 on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def r = target.post('/v2.0/tokens', apiKey())

        then:
        r.status == 200
        r.header('Content-Type') == 'application/json'
        with(r.json.access) {
            token.id ==~ /[0-9a-f]{64}/
            token.expires ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/
            Duration.between(Instant.now(), Instant.parse(token.expires)).toHours() == 23
            token.tenant == [id: '1234', name: 'alice-project']
            token.'RAX-AUTH:authenticatedBy' == ['APIKEY']
            user.name == 'alice'
            user.'RAX-AUTH:defaultRegion' == 'ORD'
            user.roles*.name == ['member']
            user.roles.every { it.tenantId == '1234' && it.id && it.description }
            serviceCatalog*.name == ['cloudImages', 'cloudFiles']
        }

        where:
        profile << Profile.values()
    }

    def "the catalog's cloudImages URL ends in /v2 and cloudFiles has public and internal URLs in every region on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def catalog = target.post('/v2.0/tokens', apiKey()).json.access.serviceCatalog

        then:
        def images = catalog.find { it.name == 'cloudImages' }
        def files = catalog.find { it.name == 'cloudFiles' }
        images.type == 'image'
        images.endpoints == IdentityServices.REGIONS.collect {
            [publicURL: "${target.url}/${it}/v2".toString(), region: it, tenantId: '1234']
        }
        files.type == 'object-store'
        files.endpoints == IdentityServices.REGIONS.collect {
            [publicURL: "${target.url}/${it}/v1/AUTH_1234".toString(), internalURL: "${target.url}/${it}/v1/AUTH_1234".toString(),
             region: it, tenantId: 'AUTH_1234']
        }

        where:
        profile << Profile.values()
    }

    def "a password sign-in says PASSWORD, and the user's default region defaults to the first region on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v2.0/tokens', password('bob', 'bob-secret-pw'))

        then:
        r.status == 200
        r.json.access.token.'RAX-AUTH:authenticatedBy' == ['PASSWORD']
        r.json.access.token.tenant.id == '5678'
        r.json.access.user.'RAX-AUTH:defaultRegion' == 'DFW'
        r.json.access.user.roles*.name == ['member', 'reader']

        where:
        profile << Profile.values()
    }

    def "#tenant names the user's own tenant on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v2.0/tokens', apiKey('alice', 'alice-secret-key', tenant))

        then:
        r.status == 200
        r.json.access.token.tenant.id == '1234'

        where:
        [profile, tenant] << [Profile.values(), [[tenantId: '1234'], [tenantId: 1234], [tenantName: 'alice-project']]]
                .combinations()
    }

    def "a token credential answers the same token, and refuses another tenant, on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def first = target.post('/v2.0/tokens', password()).json.access

        when:
        def same = target.post('/v2.0/tokens', [auth: [token: [id: first.token.id], tenantId: '1234']])
        def other = target.post('/v2.0/tokens', [auth: [token: [id: first.token.id], tenantId: '5678']])
        def unknown = target.post('/v2.0/tokens', [auth: [token: [id: 'not-a-token']]])

        then:
        same.status == 200
        same.json.access == first
        other.status == 401
        other.json == [unauthorized: [code: 401, message: "Token doesn't belong to Tenant with Id/Name: '5678'"]]
        unknown.status == 401
        unknown.json.unauthorized.message == 'Unable to authenticate user with credentials provided.'

        where:
        profile << Profile.values()
    }

    def "#what is 401 in Rackspace's shape on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v2.0/tokens', body, [Accept: 'text/html'])

        then:
        r.status == 401
        r.header('Content-Type') == 'application/json'
        r.json == [unauthorized: [code: 401, message: message]]

        where:
        [profile, row] << [Profile.values(), [
                [what: 'a wrong API key', body: apiKey('alice', 'wrong')],
                [what: 'the password as API key', body: apiKey('alice', 'alice-secret-pw')],
                [what: 'a wrong password', body: password('alice', 'alice-secret-key')],
                [what: 'an unknown user', body: apiKey('mallory', 'x')],
                [what: 'a user without API key', body: apiKey('carol', 'carol-secret-pw')],
                [what: "another user's tenant id", body: apiKey('alice', 'alice-secret-key', [tenantId: '5678']),
                 message: "Tenant with Name/Id: '5678' is not valid for User 'alice' (id: '${aliceId()}')"],
                [what: "another user's tenant name", body: apiKey('alice', 'alice-secret-key', [tenantName: 'bob-project']),
                 message: "Tenant with Name/Id: 'bob-project' is not valid for User 'alice' (id: '${aliceId()}')"],
        ]].combinations()
        what = row.what
        body = row.body
        message = (row.message ?: 'Unable to authenticate user with credentials provided.').toString()
    }

    def "#problem is 400 in Rackspace's shape on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v2.0/tokens', body)

        then:
        r.status == 400
        r.header('Content-Type') == 'application/json'
        r.json == [badRequest: [code: 400, message: message]]

        where:
        [profile, row] << [Profile.values(), [
                [problem: 'bad JSON', body: '{"auth"', message: UNPARSABLE],
                [problem: 'no body', body: '', message: UNPARSABLE],
                [problem: 'no auth', body: [foo: 1], message: UNPARSABLE],
                [problem: 'no credentials', body: [auth: [tenantId: '1234']], message: UNPARSABLE],
                [problem: 'two kinds of credentials', body: [auth: [passwordCredentials: [username: 'alice', password: 'x'],
                        'RAX-KSKEY:apiKeyCredentials': [username: 'alice', apiKey: 'x']]], message: UNPARSABLE],
                [problem: 'credentials that are no object', body: [auth: [passwordCredentials: 'alice']], message: UNPARSABLE],
                [problem: 'a numeric user name', body: [auth: ['RAX-KSKEY:apiKeyCredentials': [username: 7, apiKey: 'x']]],
                 message: UNPARSABLE],
                [problem: 'a tenant id that is an object', body: apiKey('alice', 'alice-secret-key', [tenantId: [id: 1]]),
                 message: UNPARSABLE],
                [problem: 'tenantId and tenantName', body: apiKey('alice', 'alice-secret-key',
                        [tenantId: '1234', tenantName: 'alice-project']),
                 message: 'Invalid request. Specify tenantId OR tenantName, not both.'],
                [problem: 'no user name', body: apiKey('', 'x'), message: 'Expecting username'],
                [problem: 'no API key', body: apiKey('alice', ''), message: 'Expecting apiKey'],
                [problem: 'no password', body: password('alice', null), message: 'Expecting password'],
        ]].combinations()
        problem = row.problem
        body = row.body
        message = row.message
    }

    static String aliceId() {
        Account.stableId('user', 'alice')
    }
}
