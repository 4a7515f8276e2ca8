package dev.glaze.emulator.identity

import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration

/** The users file of {@code auth keystone}, and the identity settings of {@link ServiceConfig}. */
class UsersFileSpec extends Specification {
    static final Map ALICE = [name: 'alice', password: 's3cret-pw', apiKey: 's3cret-key', project: [id: '1', name: 'p1']]

    def "the example users file of the docs starts a service its users sign in to"() {
        given:
        def example = Paths.get(System.getProperty('user.dir')).resolveSibling('docs/examples/users.json')
        def dir = Files.createTempDirectory('glaze-users-example')
        def service = ImageService.start(ServiceConfig.builder(dir).port(0).auth(AuthMode.KEYSTONE)
                .usersFile(example).regions(['DFW', 'ORD', 'IAD']).build())
        def target = new Target('example', 'rackspace', service.url(), false)

        expect:
        IdentityServices.v3Token(target, 'alice', 'correct-horse-battery')
        target.post('/v2.0/tokens', RackspaceTokensSpec.apiKey('bob', 'fedcba9876543210fedcba9876543210'))
                .json.access.user.'RAX-AUTH:defaultRegion' == 'ORD'

        cleanup:
        IdentityServices.stop(service)
    }

    def "a users file with #problem stops the start with one message naming the file and the problem"() {
        given:
        def dir = Files.createTempDirectory('glaze-users-bad')
        def dataDir = dir.resolve('data')
        Path file = content == null ? dir.resolve('missing.json') : IdentityServices.writeUsers(dir, content)

        when:
        ImageService.start(ServiceConfig.builder(dataDir).port(0).auth(AuthMode.KEYSTONE).usersFile(file)
                .regions(['DFW', 'ORD']).build())

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "users file ${file}: ${message}".toString()
        !e.message.contains('s3cret')
        !Files.exists(dataDir)   // nothing was started or created

        cleanup:
        dir.toFile().deleteDir()

        where:
        problem                    | content                                                        || message
        'no file'                  | null                                                           || 'cannot be read (NoSuchFileException)'
        'bad JSON'                 | '{"users": [\n  {"name": "alice", "password": "s3cret-pw" "x"'  || 'not valid JSON (near line 2, column 47)'
        'no users array'           | [[name: 'alice']]                                              || 'expected a JSON object with a "users" array: {"users": [{"name": ...}]}'
        'no users'                 | [users: []]                                                    || 'no users: with auth keystone nobody could sign in'
        'a user that is a string'  | [users: ['alice']]                                             || 'users[0] must be an object'
        'a user without name'      | [users: [ALICE - [name: 'alice']]]                             || 'users[0]: "name" must be a non-empty string'
        'no secret'                | [users: [ALICE - [password: 's3cret-pw', apiKey: 's3cret-key']]] || 'users[0] (alice) needs a "password" or an "apiKey" (or both) to sign in with'
        'a numeric password'       | [users: [ALICE + [password: 12345]]]                           || 'users[0] (alice): "password" must be a non-empty string'
        'a misspelt key'           | [users: [ALICE + [apikey: 's3cret-key']]]                      || 'users[0] (alice) has an unknown key "apikey" (known: apiKey, defaultRegion, id, name, password, project, roles)'
        'no project'               | [users: [ALICE - [project: ALICE.project]]]                    || 'users[0] (alice) needs a "project" object: {"id": "1234", "name": "my-project"}'
        'a project without id'     | [users: [ALICE + [project: [name: 'p1']]]]                     || 'users[0] (alice).project: "id" must be a non-empty string'
        'a numeric project id'     | [users: [ALICE + [project: [id: 1]]]]                          || 'users[0] (alice).project: "id" must be a non-empty string'
        'roles not a list'         | [users: [ALICE + [roles: 'admin']]]                            || 'users[0] (alice): "roles" must be an array of role names, e.g. ["admin"]'
        'an unknown region'        | [users: [ALICE + [defaultRegion: 'LON']]]                      || 'users[0] (alice) has defaultRegion LON, which is not one of the regions [DFW, ORD]'
        'a user twice'             | [users: [ALICE, ALICE]]                                        || 'user alice is listed twice'
        'an id twice'              | [users: [ALICE + [id: 'x'], ALICE + [name: 'bob', id: 'x']]]   || 'two users have the id x'
        'a project with two names' | [users: [ALICE, ALICE + [name: 'bob', project: [id: '1', name: 'other']]]] || 'project 1 is named both p1 and other'
        'a name for two projects'  | [users: [ALICE, ALICE + [name: 'bob', project: [id: '2', name: 'p1']]]]   || 'two projects are named p1 (ids 1 and 2): a project name must say which project it is'
    }

    def "ServiceConfig refuses #what"() {
        when:
        change(ServiceConfig.builder(Paths.get('/tmp/unused'))).build()

        then:
        def e = thrown(IllegalArgumentException)
        e.message == message

        where:
        what                               | change                                                      || message
        'keystone without users file'      | { it.auth(AuthMode.KEYSTONE) }                              || 'auth keystone needs a users file (see docs/identity.md)'
        'a users file without keystone'    | { it.usersFile(Paths.get('/u.json')) }                      || 'a users file is given but auth is none: set auth keystone to use /u.json'
        'no regions'                       | { it.regions([]) }                                          || 'regions must name at least one region'
        'a region twice'                   | { it.regions(['DFW', 'DFW']) }                              || 'region DFW is listed twice'
        'a region with a slash'            | { it.regions(['DFW/1']) }                                   || "region name 'DFW/1' is not allowed: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        'a zero token lifetime'            | { it.tokenTtl(Duration.ZERO) }                              || 'tokenTtl must be positive, not PT0S'
    }

    def "the defaults are auth none, one region 'local' and tokens of 24 hours"() {
        when:
        def config = ServiceConfig.builder(Paths.get('/tmp/unused')).build()

        then:
        config.auth() == AuthMode.NONE
        config.usersFile() == null
        config.regions() == ['local']
        config.tokenTtl() == Duration.ofHours(24)
        config.toBuilder().build().regions() == ['local']
        AuthMode.fromName(' Keystone ') == AuthMode.KEYSTONE
    }

    def "with the default region the catalog lists region local on #profile"() {
        given:
        def service = ImageService.start(ServiceConfig.builder(Files.createTempDirectory('glaze-local-region'))
                .port(0).profile(profile).build())
        def target = new Target('default', profile.id(), service.url(), false)

        expect:
        target.post('/v2.0/tokens', RackspaceTokensSpec.apiKey('x', 'y')).json.access.serviceCatalog
                .every { it.endpoints*.region == ['local'] }

        cleanup:
        IdentityServices.stop(service)

        where:
        profile << Profile.values()
    }
}
