package dev.glaze.emulator.identity

import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.Profile
import spock.lang.Specification

import java.util.logging.Handler
import java.util.logging.Level
import java.util.logging.LogRecord
import java.util.logging.Logger

/** The image service behind {@code auth keystone}: what keystonemiddleware would let through, in both profiles. */
class TokenAuthSpec extends Specification {
    static final String UNAUTHORIZED_BODY = KeystoneTokensSpec.UNAUTHORIZED_BODY

    def "GET /v2/images with token '#token' and Accept #accept is 401 in keystonemiddleware's JSON on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        when:
        def r = target.get('/v2/images', ['X-Auth-Token': token, Accept: accept])

        then:
        r.status == 401
        r.header('Content-Type') == 'application/json'
        r.header('WWW-Authenticate') == "Keystone uri=\"${target.url}\""
        r.text == UNAUTHORIZED_BODY

        where:
        [profile, token, accept] << [Profile.values(), [null, '', 'not-a-token', 'a' * 64],
                                     [null, '*/*', 'application/json', 'text/html']].combinations()
    }

    def "#method #path needs a token too on #profile"() {
        when:
        def r = IdentityServices.keystone(profile).send(method, path, body?.bytes)

        then:
        r.status == 401
        r.text == UNAUTHORIZED_BODY

        where:
        [profile, row] << [Profile.values(), [
                [method: 'POST', path: '/v2/images', body: '{"name": "x"}'],
                [method: 'GET', path: '/v2/images/00000000-0000-0000-0000-000000000000'],
                [method: 'DELETE', path: '/v2/images/00000000-0000-0000-0000-000000000000'],
                [method: 'GET', path: '/v2.0/images'],
                [method: 'GET', path: '/v2/no-such-route'],
        ]].combinations()
        method = row.method
        path = row.path
        body = row.body
    }

    def "the versions document and the health check need no token on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)

        expect:
        target.get('/').status == 300
        target.get('/versions').status == 200
        target.get('/healthcheck').status == 200

        where:
        profile << Profile.values()
    }

    def "a token opens the image service, also under /v2.0, and the project is the token's, not X-Project-Id's, on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def alice = IdentityServices.v3Token(target, 'alice', 'alice-secret-pw')

        when:
        def created = target.post('/v2/images', [name: 'alice-claims-bob', disk_format: 'raw', container_format: 'bare'],
                ['X-Auth-Token': alice, 'X-Project-Id': '5678', 'X-Roles': 'admin'])

        then:
        created.status == 201
        created.json.owner == '1234'
        target.get('/v2.0/images', ['X-Auth-Token': alice]).status == 200

        where:
        profile << Profile.values()
    }

    def "two users' projects see their own private images and not each other's on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def alice = ['X-Auth-Token': IdentityServices.v3Token(target, 'alice', 'alice-secret-pw')]
        // bob signs in the Rackspace way; carol shares his project
        def bob = ['X-Auth-Token': target.post('/v2.0/tokens',
                [auth: ['RAX-KSKEY:apiKeyCredentials': [username: 'bob', apiKey: 'bob-secret-key']]]).json.access.token.id]
        def carol = ['X-Auth-Token': IdentityServices.v3Token(target, 'carol', 'carol-secret-pw')]
        def alices = target.createImage([name: 'alice-private', visibility: 'private'], alice)
        def bobs = target.createImage([name: 'bob-private', visibility: 'private'], bob)

        expect:
        alices.owner == '1234'
        bobs.owner == '5678'
        ids(target.get('/v2/images?limit=1000', alice).json).contains(alices.id)
        !ids(target.get('/v2/images?limit=1000', alice).json).contains(bobs.id)
        !ids(target.get('/v2/images?limit=1000', bob).json).contains(alices.id)
        ids(target.get('/v2/images?limit=1000', carol).json).contains(bobs.id)
        target.get("/v2/images/${bobs.id}", carol).status == 200
        // an admin sees every project's images, as in Glance
        def ops = ['X-Auth-Token': IdentityServices.v3Token(target, 'ops', 'ops-secret-pw')]
        ids(target.get('/v2/images?limit=1000', ops).json).containsAll([alices.id, bobs.id])
        with(target.get("/v2/images/${alices.id}", bob)) {
            status == 404
            message == "No image found with ID ${alices.id}"
        }

        where:
        profile << Profile.values()
    }

    def "an unscoped token does not open the image service on #profile"() {
        given:
        def target = IdentityServices.keystone(profile)
        def unscoped = target.post('/v3/auth/tokens', KeystoneTokensSpec.passwordAuth(KeystoneTokensSpec.alice(), 'unscoped'))

        expect:
        target.get('/v2/images', ['X-Auth-Token': unscoped.header('X-Subject-Token')]).status == 401

        where:
        profile << Profile.values()
    }

    def "tokens of both APIs expire after the configured time on #profile"() {
        given:
        def service = IdentityServices.start(IdentityServices.config(profile, AuthMode.KEYSTONE)
                .tokenTtl(IdentityServices.SHORT_TTL))
        def target = IdentityServices.target(service, 'short-ttl')
        def v3 = IdentityServices.v3Token(target, 'alice', 'alice-secret-pw')
        def v2 = target.post('/v2.0/tokens', RackspaceTokensSpec.apiKey()).json.access.token.id

        expect:
        target.get('/v2/images', ['X-Auth-Token': v3]).status == 200
        target.get('/v2/images', ['X-Auth-Token': v2]).status == 200

        when:
        Thread.sleep(IdentityServices.SHORT_TTL.toMillis() + 300)

        then:
        target.get('/v2/images', ['X-Auth-Token': v3]).text == UNAUTHORIZED_BODY
        target.get('/v2/images', ['X-Auth-Token': v2]).status == 401
        KeystoneTokensSpec.validate(target, v3, v3).status == 401
        target.post('/v2.0/tokens', [auth: [token: [id: v2]]]).status == 401

        cleanup:
        IdentityServices.stop(service)

        where:
        profile << Profile.values()
    }

    def "passwords, API keys and tokens never reach a log record on #profile"() {
        given:
        def records = new java.util.concurrent.CopyOnWriteArrayList<LogRecord>()
        def handler = new Handler() {
            void publish(LogRecord record) { records << record }
            void flush() {}
            void close() {}
        }
        def root = Logger.getLogger('')
        def level = root.level
        root.level = Level.ALL
        root.addHandler(handler)
        def target = IdentityServices.keystone(profile)

        when:
        def token = IdentityServices.v3Token(target, 'alice', 'alice-secret-pw')
        target.post('/v3/auth/tokens', KeystoneTokensSpec.passwordAuth(KeystoneTokensSpec.alice(password: 'alice-secret-key')))
        def v2 = target.post('/v2.0/tokens', RackspaceTokensSpec.apiKey()).json.access.token.id
        target.post('/v2.0/tokens', RackspaceTokensSpec.password('alice', 'alice-secret-key'))
        target.get('/v2/images', ['X-Auth-Token': token])
        target.get('/v2/images/nope', ['X-Auth-Token': v2])
        KeystoneTokensSpec.validate(target, token, v2)
        target.send('POST', '/v3/auth/tokens', 'alice-secret-pw'.bytes)

        then:
        !records.isEmpty()   // the capture works: the JDK's HTTP server logs every exchange at this level
        def logged = records.collect { r -> [r.message, r.parameters, r.thrown?.toString()].toString() }.join('\n')
        ['alice-secret-pw', 'alice-secret-key', token, v2].every { !logged.contains(it) }

        cleanup:
        root.removeHandler(handler)
        root.level = level

        where:
        profile << Profile.values()
    }

    static List<String> ids(Map listing) {
        listing.images*.id
    }
}
