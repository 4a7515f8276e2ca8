package dev.glaze.plugin.testing

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.plugins.Plugins
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * A plugin nobody built into glaze: plugins/example (the guide's plugin) compiled and jarred here, found on a
 * class path that holds its jar, and used by a script against the embedded image service. (Its own spec, which
 * extends PluginContractSpec, runs in its module.)
 */
class ThirdPartyPluginSpec extends Specification {
    @Shared @TempDir Path dir
    @Shared Path jar
    @Shared @AutoCleanup URLClassLoader loader
    @Shared @AutoCleanup ImageService service

    def setupSpec() {
        jar = ExampleJar.build(dir)
        loader = new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader)
        service = ImageService.start(ServiceConfig.builder(dir.resolve('data')).port(0).profile(Profile.OPENSTACK)
                .build())
    }

    def "the jar is discovered from the class path; without it there is no such plugin"() {
        expect:
        Plugins.load(loader).ids() == ['example']
        Plugins.load(getClass().classLoader).ids() == []
    }

    def "a script reads and writes the plugin's typed properties"() {
        given:
        def cloud = Cloud.builder().endpoint(service.url()).project('local').plugins(Plugins.load(loader)).build()
        def shell = new GroovyShell(new Binding(images: cloud.images()))

        when:
        def result = shell.evaluate('''
            def image = images.create(name: 'web', 'com.example.expires': '2025-06-30', 'com.example.approved': 'no',
                    'com.example.build': '1207')
            image.approved = true
            image.expires = image.expires.plusMonths(6)
            image.ownerTeam = 'web'       // absent until now: the alias adds it
            image.save()
            image.refresh()
            [image['com.example.approved'], image['com.example.expires'], image['com.example.owner_team'],
             image.approved, image.expires.year, image.buildNumber]
        ''')

        then:
        result == ['yes', '2025-12-30', 'web', true, 2025, 1207L]

        when:
        shell.evaluate("images.find { it.name == 'web' }.buildNumber = 1208")

        then:
        def e = thrown(GlazeException)
        e.message.endsWith("'buildNumber' (com.example.build) is read-only: the provider sets it (plugin example)")
    }

    def "docs/writing-plugins.md shows the plugin, its services file and its spec exactly as they are built and run"() {
        given:
        def doc = java.nio.file.Files.readString(ExampleJar.ROOT.resolve('docs/writing-plugins.md'))
        def files = ['src/main/java/com/example/glaze/ExamplePlugin.java',
                     'src/main/resources/META-INF/services/dev.glaze.core.spi.GlazePlugin',
                     'src/test/groovy/com/example/glaze/ExamplePluginSpec.groovy']

        expect:
        files.findAll { !doc.contains('\n' + java.nio.file.Files.readString(ExampleJar.SOURCES.resolve(it)) + '```') } == []
    }
}
