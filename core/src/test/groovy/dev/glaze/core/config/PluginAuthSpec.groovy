package dev.glaze.core.config

import dev.glaze.core.ConfigurationException
import dev.glaze.core.auth.Authenticator
import dev.glaze.core.auth.Authenticators
import dev.glaze.core.spi.AuthMethod
import dev.glaze.core.spi.GlazePlugin
import dev.glaze.core.spi.PluginContext
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** An auth_type glaze does not know, answered by a plugin found on the class path; real sign-in at the service. */
class PluginAuthSpec extends Specification {
    static final String USERS = '''{"users": [{"name": "alice", "apiKey": "0123456789abcdef0123456789abcdef",
        "project": {"id": "1234", "name": "alice-project"}}]}'''

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS)
    @TempDir Path dir
    ClassLoader before = Thread.currentThread().contextClassLoader
    URLClassLoader withPlugin

    /** The plugin: a company's name for Rackspace API-key sign-in, with the key under another setting. */
    static class CompanyAuthPlugin implements GlazePlugin {
        String id() { 'company' }

        boolean appliesTo(PluginContext cloud) { false }

        Optional<AuthMethod> authMethod() {
            Optional.of(new AuthMethod() {
                List<String> authTypes() { ['company_key'] }

                List<String> requiredSettings() { ['auth_url', 'username', 'company_key'] }

                Authenticator authenticator(Map<String, String> s) {
                    Authenticators.rackspaceApiKey(s.auth_url, s.username, s.company_key)
                }
            })
        }
    }

    def setup() {
        // the plugin is on the class path only through this loader's services file, as a plugin jar would be
        Path services = Files.createDirectories(dir.resolve('cp/META-INF/services'))
        Files.writeString(services.resolve(GlazePlugin.name), CompanyAuthPlugin.name + '\n')
        withPlugin = new URLClassLoader([dir.resolve('cp').toUri().toURL()] as URL[], getClass().classLoader)
        Files.writeString(dir.resolve('clouds.yaml'), """
            clouds:
              work:
                auth_type: company_key
                auth:
                  auth_url: ${glance.url}/v2.0
                  username: alice
                  company_key: 0123456789abcdef0123456789abcdef
              broken:
                auth_type: company_key
                auth:
                  auth_url: ${glance.url}/v2.0
                  username: alice
            """.stripIndent())
    }

    def cleanup() {
        Thread.currentThread().contextClassLoader = before
        withPlugin?.close()
    }

    def "a plugin's auth_type signs in, and the cloud works"() {
        given:
        Thread.currentThread().contextClassLoader = withPlugin

        when:
        def config = CloudConfig.named('work', [:], [dir])
        def cloud = config.toBuilder().build()

        then:
        config.authType == AuthType.PLUGIN
        cloud.images().toList() == []
        cloud.projectId.get() == '1234'
    }

    def "a setting the plugin needs is named; without the plugin the auth_type is unknown"() {
        when:
        Thread.currentThread().contextClassLoader = withPlugin
        CloudConfig.named('broken', [:], [dir])

        then:
        def missing = thrown(ConfigurationException)
        missing.message == "cloud 'broken' in ${dir.resolve('clouds.yaml')}: auth.company_key is not set: give it," +
                " auth_type company_key (from a plugin) needs it"

        when:
        Thread.currentThread().contextClassLoader = before
        CloudConfig.named('work', [:], [dir])

        then:
        def unknown = thrown(ConfigurationException)
        unknown.message.contains("'company_key' is not a way glaze signs in")
    }
}
