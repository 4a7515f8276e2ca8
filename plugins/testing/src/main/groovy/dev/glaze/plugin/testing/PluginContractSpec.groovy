package dev.glaze.plugin.testing

import dev.glaze.core.ServiceProfile
import dev.glaze.core.auth.ServiceCatalog
import dev.glaze.core.images.Image
import dev.glaze.core.spi.GlazePlugin
import dev.glaze.core.spi.PluginContext
import dev.glaze.core.spi.PropertySpec
import spock.lang.Shared
import spock.lang.Specification

/**
 * What every glaze plugin promises, checked against the plugin as {@link ServiceLoader} finds it. A plugin's spec
 * extends this one and names its class:
 *
 * <pre>
 * class ExamplePluginSpec extends PluginContractSpec {
 *     Class&lt;? extends GlazePlugin&gt; pluginClass() { ExamplePlugin }
 * }
 * </pre>
 *
 * and adds features of its own (against the embedded image service) for what the plugin does.
 */
abstract class PluginContractSpec extends Specification {
    static final String SERVICES = 'META-INF/services/' + GlazePlugin.name

    @Shared GlazePlugin plugin

    /** The plugin under test; its jar (or classes folder) must list it in {@value #SERVICES}. */
    abstract Class<? extends GlazePlugin> pluginClass()

    def setupSpec() {
        plugin = ServiceLoader.load(GlazePlugin, pluginClass().classLoader).find { it.getClass() == pluginClass() }
    }

    List<PropertySpec> specs() {
        plugin == null ? [] : plugin.properties()
    }

    def "the plugin is listed in its own META-INF/services file, so ServiceLoader finds it"() {
        given:
        URL home = pluginClass().protectionDomain.codeSource.location
        def listing = pluginClass().classLoader.getResources(SERVICES).toList()
                .find { it.toString().contains(home.toString()) || it.toString().contains(home.path) }

        expect:
        listing != null
        listing.text.readLines()*.replaceAll(/#.*/, '')*.trim().contains(pluginClass().name)
        plugin != null
    }

    def "its id is lower case, and no other plugin on the class path has it"() {
        expect:
        GlazePlugin.isValidId(plugin.id())
        ServiceLoader.load(GlazePlugin, pluginClass().classLoader).findAll { it.id() == plugin.id() }.size() == 1
    }

    def "it is built for this SPI or an older one"() {
        expect:
        plugin.spiVersion() >= 1
        plugin.spiVersion() <= GlazePlugin.SPI_VERSION
    }

    def "deciding whether it applies to a cloud never fails, whatever the cloud"() {
        when:
        def answers = ServiceProfile.values().collect { profile ->
            plugin.appliesTo(new FixedContext(endpoint: URI.create('http://127.0.0.1:9292'), profile: profile))
        }

        then:
        answers.every { it instanceof Boolean }
    }

    def "every alias is a Groovy identifier that Image does not already have, and is given once"() {
        given:
        def aliases = specs().findResults { it.alias().orElse(null) }
        def imageOwn = Image.metaClass.properties*.name as Set

        expect:
        aliases.findAll { !PropertySpec.isValidAlias(it) } == []
        aliases.findAll { imageOwn.contains(it) } == []
        aliases.countBy { it }.findAll { it.value > 1 }.keySet() == [] as Set
    }

    def "every wire name or prefix is declared once, and each has a description"() {
        expect:
        specs().countBy { it.name() + (it.prefix ? '*' : '') }.findAll { it.value > 1 }.keySet() == [] as Set
        specs().findAll { !it.description() } == []
    }

    def "#spec.name() round-trips '#wire' through #spec.type().simpleName"() {
        when:
        def value = spec.decode(wire)

        then:
        spec.type().isInstance(value)
        spec.encode(value) == wire

        where:
        [spec, wire] << specs().collectMany { s -> s.examples().collect { [s, it] } }
    }

    /** A cloud that answers from fields: no request is made. */
    static class FixedContext implements PluginContext {
        URI endpoint
        ServiceProfile profile
        ServiceCatalog catalog = ServiceCatalog.EMPTY
        String displayName = 'contract'

        URI endpoint() { endpoint }

        Optional<ServiceCatalog> catalog() { Optional.of(catalog) }

        ServiceProfile profile() { profile }

        String displayName() { displayName }
    }
}
