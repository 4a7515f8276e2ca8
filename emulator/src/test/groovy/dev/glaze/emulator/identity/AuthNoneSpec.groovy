package dev.glaze.emulator.identity

import dev.glaze.emulator.Profile
import spock.lang.Specification

/**
 * With {@code auth none} (the default) the image service takes any or no token, and the identity endpoints still
 * answer, for any credentials, with project {@code local}'s token and catalog.
 */
class AuthNoneSpec extends Specification {

    def "v3 sign-in with #what answers 201 with project local's token and catalog on #profile"() {
        given:
        def target = IdentityServices.open(profile)

        when:
        def r = target.post('/v3/auth/tokens', body)

        then:
        r.status == 201
        r.header('X-Subject-Token') ==~ /[0-9a-f]{64}/
        r.json.token.project.id == 'local'
        r.json.token.roles*.name == ['admin', 'member', 'reader']
        r.json.token.catalog.find { it.type == 'image' }.endpoints*.url.unique() ==
                IdentityServices.REGIONS.collect { "${target.url}/${it}".toString() }
        r.json.token.catalog.find { it.type == 'object-store' }.endpoints*.url.unique() ==
                IdentityServices.REGIONS.collect { "${target.url}/${it}/v1/AUTH_local".toString() }

        where:
        [profile, row] << [Profile.values(), [
                [what: 'any user and password', body: KeystoneTokensSpec.passwordAuth(
                        [name: 'whoever', domain: [id: 'default'], password: 'anything'])],
                [what: 'a user id', body: KeystoneTokensSpec.passwordAuth([id: 'u-1', password: 'x'])],
                [what: 'another domain', body: KeystoneTokensSpec.passwordAuth(
                        [name: 'whoever', domain: [name: 'Elsewhere'], password: 'x'])],
                [what: 'any project scope', body: KeystoneTokensSpec.passwordAuth(
                        [id: 'u-1', password: 'x'], [project: [id: '9999']])],
                [what: 'any token', body: [auth: [identity: [methods: ['token'], token: [id: 'made-up']]]]],
        ]].combinations()
        what = row.what
        body = row.body
    }

    def "v2.0 sign-in with any #kind answers 200 with tenant local and a /v2 images URL on #profile"() {
        given:
        def target = IdentityServices.open(profile)

        when:
        def r = target.post('/v2.0/tokens', body)

        then:
        r.status == 200
        r.json.access.token.tenant == [id: 'local', name: 'local']
        r.json.access.user.name == 'whoever'
        r.json.access.user.'RAX-AUTH:defaultRegion' == 'DFW'
        r.json.access.serviceCatalog.find { it.name == 'cloudImages' }.endpoints*.publicURL.unique() ==
                IdentityServices.REGIONS.collect { "${target.url}/${it}/v2".toString() }

        where:
        [profile, row] << [Profile.values(), [
                [kind: 'API key', body: RackspaceTokensSpec.apiKey('whoever', 'made-up')],
                [kind: 'password and tenant', body: RackspaceTokensSpec.password('whoever', 'x', [tenantId: '929418'])],
        ]].combinations()
        kind = row.kind
        body = row.body
    }

    def "a malformed sign-in is still 400 on #profile"() {
        given:
        def target = IdentityServices.open(profile)

        expect:
        target.post('/v3/auth/tokens', [auth: [identity: [methods: ['password'], password: [user: [name: 'x']]]]])
                .json.error.code == 400
        target.post('/v2.0/tokens', RackspaceTokensSpec.apiKey('whoever', 'x', [tenantId: '1', tenantName: 'n']))
                .json.badRequest.code == 400

        where:
        profile << Profile.values()
    }

    def "the image service takes token #token, and X-Project-Id names the caller, on #profile"() {
        given:
        def target = IdentityServices.open(profile)

        when:
        def created = target.post('/v2/images', [name: 'none-mode', disk_format: 'raw', container_format: 'bare'],
                ['X-Auth-Token': token, 'X-Project-Id': 'p-none'])

        then:
        target.get('/v2/images', ['X-Auth-Token': token]).status == 200
        created.status == 201
        created.json.owner == 'p-none'

        where:
        [profile, token] << [Profile.values(), [null, 'made-up']].combinations()
    }

    def "a token issued here validates without X-Auth-Token, and an unknown one is 404, on #profile"() {
        given:
        def target = IdentityServices.open(profile)
        def token = target.post('/v3/auth/tokens', KeystoneTokensSpec.passwordAuth([id: 'u', password: 'x']))
                .header('X-Subject-Token')

        expect:
        KeystoneTokensSpec.validate(target, null, token).status == 200
        KeystoneTokensSpec.validate(target, null, 'made-up').status == 404

        where:
        profile << Profile.values()
    }
}
