package dev.glaze.core.config

import dev.glaze.core.ConfigurationException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** clouds.yaml and secure.yaml written to a temporary folder, read as openstacksdk reads them. */
class CloudsYamlSpec extends Specification {
    static final String USERS = '''{"users": [{"name": "alice", "password": "yaml-secret-pass",
        "apiKey": "0123456789abcdef0123456789abcdef", "project": {"id": "1234", "name": "alice-project"}}]}'''

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS,
            regions: ['DFW', 'ORD'])

    @TempDir Path dir
    @TempDir Path other

    def "secure.yaml is merged over clouds.yaml, member by member"() {
        given:
        write(dir, 'clouds.yaml', """
            clouds:
              prod:
                auth:
                  auth_url: https://keystone.example:5000/v3
                  username: alice
                  project_name: alice-project
                  user_domain_name: Default
                region_name: RegionOne
                interface: internal
              rax:
                auth_type: rackspace_apikey
                auth:
                  username: me
                regions: [IAD, {name: ORD, values: {}}]
            """)
        write(dir, 'secure.yaml', """
            clouds:
              prod:
                auth:
                  password: from-secure-yaml
              rax:
                auth:
                  api_key: key-from-secure-yaml
            """)

        when:
        def prod = CloudConfig.named('prod', [:], [dir])
        def rax = CloudConfig.named('rax', [:], [dir])

        then:
        prod.authType == AuthType.V3_PASSWORD
        prod.authenticator.get().requestBody().toString().contains('"password":"from-secure-yaml"')
        prod.authenticator.get().describe() == 'Keystone v3 password at https://keystone.example:5000/v3 as alice, project alice-project'
        prod.region.get() == 'RegionOne'
        prod.interface == 'internal'
        prod.name.get() == 'prod'
        prod.source == "cloud 'prod' in ${dir.resolve('clouds.yaml')}, ${dir.resolve('secure.yaml')}"
        !prod.toString().contains('from-secure-yaml')
        rax.authType == AuthType.RACKSPACE_API_KEY
        rax.authenticator.get().describe() == 'Rackspace v2.0 API key at https://identity.api.rackspacecloud.com/v2.0 as me'
        rax.regions == ['IAD', 'ORD']
        rax.region.get() == 'IAD'
        CloudConfig.names([:], [dir]) == ['prod', 'rax']
    }

    def "a cloud from clouds.yaml signs in to the service and lists images in its region"() {
        given:
        write(dir, 'clouds.yml', """
            clouds:
              local:
                auth:
                  auth_url: ${glance.url}/v3/
                  username: alice
                  password: yaml-secret-pass
                  project-name: alice-project
                region_name: ORD
            """)
        def cloud = CloudConfig.named('local', [:], [dir]).toBuilder().build()
        cloud.images().create(name: 'from-yaml', disk_format: 'raw', container_format: 'bare')

        expect:
        cloud.displayName == 'local/ORD'
        cloud.images().toList()*.name == ['from-yaml']
        cloud.region('DFW').images().toList() == []

        cleanup:
        cloud?.images()?.toList()?.each { it.delete() }
    }

    def "OS_CLOUD picks the entry, and OS_* variables set beside it override it"() {
        given:
        def file = write(other, 'my-clouds.yaml', """
            clouds:
              prod:
                auth: {auth_url: 'https://keystone.example/v3', username: alice, project_id: p1}
                region_name: RegionOne
            """)
        def env = [OS_CLOUD: 'prod', OS_CLIENT_CONFIG_FILE: file.toString(), OS_PASSWORD: 'pw-from-env',
                   OS_REGION_NAME: 'RegionTwo', OS_PROJECT_NAME: 'other-project']

        when:
        def config = CloudConfig.fromEnvironment(env, [dir])

        then:
        config.region.get() == 'RegionTwo'
        config.authenticator.get().describe() == 'Keystone v3 password at https://keystone.example/v3 as alice, project other-project'
        config.authenticator.get().requestBody().toString().contains('"password":"pw-from-env"')
        config.projectId.isEmpty()   // the variable's project replaces the file's, by name or id
    }

    def "precedence: OS_CLOUD, then OS_AUTH_URL and friends, then OS_IMAGE_URL with OS_TOKEN, then API_ENDPOINT: #set"() {
        given:
        def file = write(dir, 'clouds.yaml', "clouds: {c: {auth: {auth_url: 'https://from-yaml.example/v3', token: tok-yaml-1}}}")
        def all = [OS_CLOUD: 'c', OS_CLIENT_CONFIG_FILE: file.toString(),
                   OS_AUTH_URL: 'https://from-env.example/v3', OS_USERNAME: 'alice', OS_PASSWORD: 'pw-000001',
                   OS_IMAGE_URL: 'http://127.0.0.1:1', OS_TOKEN: 'tok-000001',
                   API_ENDPOINT: 'http://127.0.0.1:2', AUTH_TOKEN: 'tok-000002']
        def env = all.subMap(set.split(' ').collectMany { group ->
            [c: ['OS_CLOUD', 'OS_CLIENT_CONFIG_FILE'], auth: ['OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD'],
             image: ['OS_IMAGE_URL', 'OS_TOKEN'], seed: ['API_ENDPOINT', 'AUTH_TOKEN']][group] })

        when:
        def config = CloudConfig.fromEnvironment(env, [other])

        then:
        config.authType == type
        config.authUrl.orElse(null) == authUrl
        config.imageEndpoint.map { it.toString() }.orElse(null) == endpoint

        where:
        set               || type                   | authUrl                       | endpoint
        'c seed'          || AuthType.V3_TOKEN      | 'https://from-yaml.example/v3' | null
        'c image seed'    || AuthType.V3_TOKEN      | 'https://from-yaml.example/v3' | 'http://127.0.0.1:1'   // OS_* beside OS_CLOUD override it
        'auth image seed' || AuthType.V3_PASSWORD   | 'https://from-env.example/v3'  | 'http://127.0.0.1:1'
        'auth seed'       || AuthType.V3_PASSWORD   | 'https://from-env.example/v3'  | null
        'image seed'      || AuthType.ENDPOINT      | null                           | 'http://127.0.0.1:1'
        'seed'            || AuthType.ENDPOINT      | null                           | 'http://127.0.0.1:2'
    }

    def "the first folder with a clouds.yaml wins; OS_CLIENT_SECURE_FILE names the secure file"() {
        given:
        write(dir, 'clouds.yaml', "clouds: {a: {auth_type: none, image_endpoint_override: 'http://127.0.0.1:1/v2'}}")
        write(other, 'clouds.yaml', "clouds: {b: {auth_type: none, image_endpoint_override: 'http://127.0.0.1:2'}}")
        def secure = write(other, 'elsewhere.yaml', "clouds: {a: {region_name: R1}}")

        expect:
        CloudConfig.names([:], [dir, other]) == ['a']
        CloudConfig.names([:], [other, dir]) == ['b']
        CloudConfig.named('a', [OS_CLIENT_SECURE_FILE: secure.toString()], [dir, other]).region.get() == 'R1'
        CloudConfig.named('a', [:], [dir]).authType == AuthType.ENDPOINT
        CloudConfig.named('a', [:], [dir]).toBuilder().build().imageEndpoint == URI.create('http://127.0.0.1:1')
        CloudConfig.names([:], [dir.resolve('none')]) == []
    }

    def "values stay the text written: a leading zero is kept, yes stays yes, null means not set"() {
        given:
        write(dir, 'clouds.yaml', """
            clouds:
              c:
                auth: {auth_url: 'https://k.example/v3', username: yes, password: 0777, project_id: 0123, project_name: null}
            """)

        when:
        def config = CloudConfig.named('c', [:], [dir])

        then:
        config.projectId.get() == '0123'
        config.projectName.isEmpty()
        config.user.get() == 'yes'
        config.authenticator.get().requestBody().toString().contains('"password":"0777"')
    }

    def "an unknown cloud lists the known names and the files read"() {
        given:
        write(dir, 'clouds.yaml', 'clouds: {dev: {auth_type: none, image_endpoint_override: "http://127.0.0.1:1"}, staging: {}}')

        when:
        CloudConfig.named('prod', [:], [dir])

        then:
        ConfigurationException e = thrown()
        e.message == "no cloud 'prod' in clouds.yaml (read ${dir.resolve('clouds.yaml')}); known clouds: dev, staging"
    }

    def "no clouds.yaml at all says where it was looked for"() {
        when:
        CloudConfig.named('prod', [:], [dir, other])

        then:
        ConfigurationException e = thrown()
        e.message == "no cloud 'prod' in clouds.yaml (no clouds.yaml found (looked for ${dir.resolve('clouds.yaml')}," +
                " ${other.resolve('clouds.yaml')}; OS_CLIENT_CONFIG_FILE names another)); known clouds: none"
    }

    def "a YAML syntax error names the file, line and column"() {
        given:
        def file = write(dir, 'clouds.yaml', """
            clouds:
              prod:
                auth:
                  auth_url: https://keystone.example/v3
                   username: alice
            """)

        when:
        CloudConfig.named('prod', [:], [dir])

        then:
        ConfigurationException e = thrown()
        e.message == "$file: not valid YAML at line 6, column 16: mapping values are not allowed here"
        // line 6 of the file (its first line is empty): "     username: alice", one space too far in
    }

    def "#problem"() {
        given:
        write(dir, 'clouds.yaml', yaml)

        when:
        CloudConfig.named('c', env, [dir])

        then:
        ConfigurationException e = thrown()
        e.message == message.replace('<file>', dir.resolve('clouds.yaml').toString())

        where:
        problem                      | env                                  | yaml                                                            || message
        'a password without a user'  | [:]                                  | 'clouds: {c: {auth: {auth_url: "https://k.example/v3", password: pw-123456}}}' || "cloud 'c' in <file>: auth.password is set but neither auth.username nor auth.user_id is: set one"
        'an unknown auth_type'       | [:]                                  | 'clouds: {c: {auth_type: saml2, auth: {auth_url: "https://k.example/v3"}}}'   || "cloud 'c' in <file>: auth_type 'saml2' is not a way glaze signs in; use one of: ${AuthType.known()}"
        'auth as a list'             | [:]                                  | 'clouds: {c: {auth: [a, b]}}'                                   || "cloud 'c' in <file>: auth must be a mapping (auth_url, username, ...)"
        'a cloud that is not a mapping' | [:]                               | 'clouds: {c: just-text}'                                        || "<file>: cloud 'c' must be a mapping of settings (auth, region_name, ...)"
        'a top level that is a list' | [:]                                  | '- clouds'                                                      || '<file>: expected a mapping with \'clouds:\' at the top'
        'a missing named file'       | [OS_CLIENT_CONFIG_FILE: '/nonexistent/clouds.yaml'] | 'clouds: {}'                                     || 'OS_CLIENT_CONFIG_FILE names /nonexistent/clouds.yaml, which is not a readable file'
    }

    private static Path write(Path folder, String name, String text) {
        Files.writeString(folder.resolve(name), text.stripIndent())
    }
}
