package dev.glaze.emulator.identity

import dev.glaze.emulator.Profile
import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Keystone v3 tokens ({@code /v3/auth/tokens}) with {@code auth keystone}, in both profiles. */
class KeystoneTokensSpec extends Specification {
    static final String UNAUTHORIZED_BODY =
            '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}'
    static final String CLIENT_IN_ERROR = ' The server could not comply with the request since it is either ' +
            'malformed or otherwise incorrect. The client is assumed to be in error.'

    static Map passwordAuth(Map user, Object scope = null) {
        Map auth = [identity: [methods: ['password'], password: [user: user]]]
        if (scope != null) {
            auth.scope = scope
        }
        [auth: auth]
    }

    static Map alice(Map extra = [:]) {
        [name: 'alice', domain: [id: 'default'], password: 'alice-secret-pw'] + extra
    }

    def "a password sign-in by name and #domain answers 201, the token in X-Subject-Token, scoped to the user's project on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def r = target.post('/v3/auth/tokens', passwordAuth([name: 'alice', domain: domain, password: 'alice-secret-pw']))

        then:
        r.status == 201
        r.header('Content-Type') == 'application/json'
        r.header('X-Subject-Token') ==~ /[0-9a-f]{64}/
        !r.text.contains(r.header('X-Subject-Token'))
        with(r.json.token) {
            methods == ['password']
            project == [domain: [id: 'default', name: 'Default'], id: '1234', name: 'alice-project']
            is_domain == false
            user.name == 'alice'
            user.domain == [id: 'default', name: 'Default']
            user.id ==~ /[0-9a-f]{32}/
            roles*.name == ['member']
            audit_ids.size() == 1
            issued_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/
            expires_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/
            Duration.between(Instant.parse(issued_at), Instant.parse(expires_at)).toMinutes() == 24 * 60
            catalog*.type == ['image', 'object-store']
        }

        where:
        [profile, domain] << [Profile.values(), [[id: 'default'], [name: 'Default']]].combinations()
    }

    def "the catalog has image and object-store endpoints, public and internal, in every region, pointing here on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def catalog = target.post('/v3/auth/tokens', passwordAuth(alice())).json.token.catalog

        then:
        def image = catalog.find { it.type == 'image' }
        def store = catalog.find { it.type == 'object-store' }
        image.name == 'glance'
        store.name == 'swift'
        [image, store].every { s ->
            s.endpoints.size() == 6 &&
                    s.endpoints.collect { [it.region, it.interface] } as Set ==
                    [IdentityServices.REGIONS, ['public', 'internal']].combinations().collect { it } as Set &&
                    s.endpoints.every { it.region_id == it.region && it.id ==~ /[0-9a-f]{32}/ }
        }
        // several regions: each has its own root under the service's
        image.endpoints*.url.unique() == IdentityServices.REGIONS.collect { "${target.url}/${it}".toString() }
        store.endpoints*.url.unique() == IdentityServices.REGIONS.collect { "${target.url}/${it}/v1/AUTH_1234".toString() }

        where:
        profile << Profile.values()
    }

    def "a user named by id needs no domain, and gets the default roles when the file names none on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens',
                passwordAuth([id: 'c0ffee', password: 'carol-secret-pw']))

        then:
        r.status == 201
        r.json.token.user.id == 'c0ffee'
        r.json.token.user.name == 'carol'
        r.json.token.project.id == '5678'
        r.json.token.roles*.name == ['member', 'reader']

        where:
        profile << Profile.values()
    }

    def "scope #scope gives a token of the user's project on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens', passwordAuth(alice(), scope))

        then:
        r.status == 201
        r.json.token.project.id == '1234'
        r.json.token.catalog

        where:
        [profile, scope] << [Profile.values(), [
                [project: [id: '1234']],
                [project: [name: 'alice-project', domain: [id: 'default']]],
                [project: [name: 'alice-project', domain: [name: 'Default']]]]].combinations()
    }

    def "scope #scope, where the user has no role, is 401 on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens', passwordAuth(alice(), scope))

        then:
        r.status == 401
        r.text == UNAUTHORIZED_BODY

        where:
        [profile, scope] << [Profile.values(), [
                [project: [id: '5678']],
                [project: [id: 'no-such-project']],
                [project: [name: 'bob-project', domain: [id: 'default']]],
                [project: [name: 'alice-project', domain: [id: 'elsewhere']]],
                [domain: [id: 'default']],
                [system: [all: true]]]].combinations()
    }

    def "scope 'unscoped' gives a token with no project, roles or catalog on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens', passwordAuth(alice(), 'unscoped'))

        then:
        r.status == 201
        r.header('X-Subject-Token')
        r.json.token.keySet() == ['methods', 'expires_at', 'issued_at', 'audit_ids', 'user'] as Set

        where:
        profile << Profile.values()
    }

    def "a token for a token keeps the original's expiry, lists both methods and may scope an unscoped one on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def first = target.post('/v3/auth/tokens', passwordAuth(alice(), 'unscoped'))

        when:
        def r = target.post('/v3/auth/tokens', [auth: [identity: [methods: ['token'],
                token: [id: first.header('X-Subject-Token')]], scope: [project: [id: '1234']]]])

        then:
        r.status == 201
        r.header('X-Subject-Token') != first.header('X-Subject-Token')
        r.json.token.methods == ['token', 'password']
        r.json.token.expires_at == first.json.token.expires_at
        r.json.token.project.id == '1234'
        r.json.token.catalog

        where:
        profile << Profile.values()
    }

    def "#what is 401 with Keystone's body and WWW-Authenticate on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def r = target.post('/v3/auth/tokens', body, [Accept: 'text/html'])

        then:
        r.status == 401
        r.header('Content-Type') == 'application/json'
        r.header('WWW-Authenticate') == "Keystone uri=\"${target.url}\""
        r.text == UNAUTHORIZED_BODY

        where:
        [profile, row] << [Profile.values(), [
                [what: 'a wrong password', body: passwordAuth(alice(password: 'wrong'))],
                [what: "another user's password", body: passwordAuth(alice(password: 'bob-secret-pw'))],
                [what: 'an unknown user', body: passwordAuth(alice(name: 'mallory'))],
                [what: 'an unknown user id', body: passwordAuth([id: 'nobody', password: 'x'])],
                [what: 'a user of another domain', body: passwordAuth(alice(domain: [name: 'Other']))],
                [what: 'no password', body: passwordAuth([name: 'alice', domain: [id: 'default']])],
                [what: 'the API key as password', body: passwordAuth(alice(password: 'alice-secret-key'))],
                [what: 'an unsupported method', body: [auth: [identity: [methods: ['totp'], totp: [:]]]]],
        ]].combinations()
        what = row.what
        body = row.body
    }

    def "password and token methods of two different users are 401 on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def bob = IdentityServices.v3Token(target, 'bob', 'bob-secret-pw')

        when:
        def r = target.post('/v3/auth/tokens', [auth: [identity: [methods: ['password', 'token'],
                password: [user: alice()], token: [id: bob]]]])

        then:
        r.status == 401
        r.text == UNAUTHORIZED_BODY

        where:
        profile << Profile.values()
    }

    def "#problem is 400 in Keystone's shape, whatever the Accept, on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens', body, [Accept: 'text/html'])

        then:
        r.status == 400
        r.header('Content-Type') == 'application/json'
        r.json == [error: [code: 400, title: 'Bad Request', message: message]]

        where:
        [profile, row] << [Profile.values(), [
                [problem: 'bad JSON', body: '{"auth": ', message: 'Expecting to find valid JSON in request body.' + CLIENT_IN_ERROR],
                [problem: 'no body', body: '', message: 'Expecting to find auth in request body.' + CLIENT_IN_ERROR],
                [problem: 'a list', body: [1], message: 'Expecting to find auth in request body.' + CLIENT_IN_ERROR],
                [problem: 'no identity', body: [auth: [:]], message: "'identity' is a required property"],
                [problem: 'no methods', body: [auth: [identity: [:]]],
                 message: "Invalid input for field 'identity': 'methods' is a required property"],
                [problem: 'methods not a list', body: [auth: [identity: [methods: 'password']]],
                 message: "Invalid input for field 'identity/methods': not an array of strings"],
                [problem: 'no method data', body: [auth: [identity: [methods: ['password']]]],
                 message: 'Expecting to find password in identity.' + CLIENT_IN_ERROR],
                [problem: 'no user', body: [auth: [identity: [methods: ['password'], password: [:]]]],
                 message: 'Expecting to find user in password.' + CLIENT_IN_ERROR],
                [problem: 'a user without id or name', body: passwordAuth([password: 'x']),
                 message: 'Expecting to find id or name in user.' + CLIENT_IN_ERROR],
                [problem: 'a user name without domain', body: passwordAuth([name: 'alice', password: 'x']),
                 message: 'Expecting to find domain in user.' + CLIENT_IN_ERROR],
                [problem: 'a domain without id or name', body: passwordAuth([name: 'alice', domain: [:], password: 'x']),
                 message: 'Expecting to find id or name in domain.' + CLIENT_IN_ERROR],
                [problem: 'a numeric user name', body: passwordAuth([name: 42, domain: [id: 'default'], password: 'x']),
                 message: "Invalid input for field 'identity/password/user/name': not of type 'string'"],
                [problem: 'a project without id or name', body: passwordAuth(alice(), [project: [:]]),
                 message: 'Expecting to find id or name in project.' + CLIENT_IN_ERROR],
                [problem: 'a project name without domain', body: passwordAuth(alice(), [project: [name: 'alice-project']]),
                 message: 'Expecting to find domain in project.' + CLIENT_IN_ERROR],
                [problem: 'a scope of the wrong type', body: passwordAuth(alice(), 'everything'),
                 message: "Invalid input for field 'scope': must be an object or \"unscoped\""],
                [problem: 'a token without id', body: [auth: [identity: [methods: ['token'], token: [:]]]],
                 message: 'Expecting to find id in token.' + CLIENT_IN_ERROR],
        ]].combinations()
        problem = row.problem
        body = row.body
        message = row.message
    }

    def "a sign-in body over 1 MiB is 413 in each API's own shape on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def huge = '{"auth": "' + 'x' * (1 << 20) + '"}'

        expect:
        target.post('/v3/auth/tokens', huge).json == [error: [code: 413, title: 'Request Entity Too Large',
                message: 'Request is too large.']]
        target.post('/v2.0/tokens', huge).json == [overLimit: [code: 413, message: 'Request body too large.']]

        where:
        profile << Profile.values()
    }

    def "a body that is not application/json is 400 on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens', passwordAuth(alice()),
                ['Content-Type': 'text/plain'])

        then:
        r.status == 400
        r.json.error.message == 'Expecting to find application/json in Content-Type header.' + CLIENT_IN_ERROR

        where:
        profile << Profile.values()
    }

    def "a token for a token that does not exist is 404 without echoing it on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).post('/v3/auth/tokens',
                [auth: [identity: [methods: ['token'], token: [id: 'deadbeef-not-a-token']]]])

        then:
        r.status == 404
        r.json == [error: [code: 404, title: 'Not Found', message: 'Could not find token.']]

        where:
        profile << Profile.values()
    }

    def "GET validates a token for its owner and an admin, HEAD without body, nocatalog drops the catalog on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def issued = target.post('/v3/auth/tokens', passwordAuth([id: 'c0ffee', password: 'carol-secret-pw']))
        def carol = issued.header('X-Subject-Token')
        def ops = IdentityServices.v3Token(target, 'ops', 'ops-secret-pw')

        expect:
        with(validate(target, carol, carol)) {
            status == 200
            header('X-Subject-Token') == carol
            json == issued.json
        }
        validate(target, ops, carol).json == issued.json
        with(validate(target, carol, carol, 'HEAD')) {
            status == 200
            bytes.length == 0
        }
        !validate(target, carol, carol, 'GET', '?nocatalog').json.token.containsKey('catalog')

        where:
        profile << Profile.values()
    }

    def "validating needs a live X-Auth-Token (401), a live subject (404), and rights over it (403) on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def alice = IdentityServices.v3Token(target, 'alice', 'alice-secret-pw')
        def bob = IdentityServices.v3Token(target, 'bob', 'bob-secret-pw')

        expect:
        validate(target, null, bob).status == 401
        validate(target, 'not-a-token', bob).text == UNAUTHORIZED_BODY
        validate(target, bob, 'not-a-token').json.error == [code: 404, title: 'Not Found', message: 'Could not find token.']
        validate(target, bob, null).status == 404
        // bob is no admin: alice's token is none of his business
        validate(target, bob, alice).json.error == [code: 403, title: 'Forbidden',
                message: 'You are not authorized to perform the requested action: identity:validate_token.']

        where:
        profile << Profile.values()
    }

    def "DELETE revokes a token: it no longer validates nor opens the image service on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def token = IdentityServices.v3Token(target, 'bob', 'bob-secret-pw')

        when:
        def r = validate(target, token, token, 'DELETE')

        then:
        r.status == 204
        validate(target, token, token).status == 401
        target.get('/v2/images', ['X-Auth-Token': token]).status == 401

        where:
        profile << Profile.values()
    }

    def "GET /v3 is the identity version document on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def r = target.get('/v3')

        then:
        r.status == 200
        r.json.version.id == 'v3.14'
        r.json.version.status == 'stable'
        r.json.version.links == [[rel: 'self', href: "${target.url}/v3/".toString()]]
        target.get('/v3/no-such-thing').status == 404

        where:
        profile << Profile.values()
    }

    static Resp validate(Target target, String caller, String subject, String method = 'GET', String query = '') {
        target.send(method, '/v3/auth/tokens' + query, null, ['X-Auth-Token': caller, 'X-Subject-Token': subject])
    }
}
