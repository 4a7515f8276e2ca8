package dev.glaze.core.plugins

import dev.glaze.core.Cloud
import dev.glaze.core.ConfigurationException
import dev.glaze.core.GlazeException
import dev.glaze.core.images.Image
import dev.glaze.core.spi.GlazePlugin
import dev.glaze.core.spi.OpenStackTaskFlow
import dev.glaze.core.spi.PropertyCodec
import dev.glaze.core.spi.PropertySpec
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Choosing plugins: SPI versions, ids, --plugin, which applies to a cloud, clashes by priority, task flows. */
class PluginsSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @AutoCleanup LogCapture log = new LogCapture()

    Cloud connect(Plugins plugins) {
        Cloud.builder().endpoint(glance.url).project('local').plugins(plugins).build()
    }

    static PropertySpec flag(String wire, String alias, String yes) {
        PropertySpec.named(wire).alias(alias).codec(PropertyCodec.booleanAsString(yes, yes == '1' ? '0' : 'False'))
                .build()
    }

    def "a plugin built for a newer SPI is skipped with one warning, however often plugins are chosen"() {
        given:
        def future = new TestPlugin(id: 'future', spiVersion: GlazePlugin.SPI_VERSION + 1)
        def now = new TestPlugin(id: 'now')

        when:
        def plugins = Plugins.of(future, now)
        Plugins.of(future, now)

        then:
        plugins.ids() == ['now']
        plugins.excluded() == [future: "built for plugin SPI ${GlazePlugin.SPI_VERSION + 1}, this glaze has ${GlazePlugin.SPI_VERSION}".toString()]
        log.lines.findAll { it.contains("'future'") } == ["glaze: plugin 'future' (${TestPlugin.name}) skipped:" +
                " built for plugin SPI 2, this glaze has 1; use a newer glaze or an older plugin".toString()]
    }

    def "ids must be lower case and unique; the first plugin with an id stays"() {
        when:
        def first = new TestPlugin(id: 'same', priority: 1)
        def plugins = Plugins.of(first, new TestPlugin(id: 'same'), new TestPlugin(id: 'Upper'))

        then:
        plugins.list() == [first]
        log.lines.any { it.contains("another plugin already has the id 'same'") }
        log.lines.any { it.contains("its id 'Upper' is not lower-case") }
    }

    def "--plugin keeps only the plugins named; an unknown id is a one-line error listing those there are"() {
        given:
        def plugins = Plugins.of(new TestPlugin(id: 'a', priority: 5), new TestPlugin(id: 'b'))

        expect:
        plugins.only(['b']).ids() == ['b']
        plugins.only(['b']).excluded() == [a: 'not chosen (--plugin b)']

        when:
        plugins.only(['c'])

        then:
        def e = thrown(ConfigurationException)
        e.message == "no plugin 'c' on the class path; plugins: [a, b]"
    }

    def "two plugins claiming one property: the higher priority wins, and the clash is reported once"() {
        given:
        def low = new TestPlugin(id: 'low', specs: [flag('com.x.core', 'core', 'True')])
        def high = new TestPlugin(id: 'high', priority: 10, specs: [flag('com.x.core', 'xcore', '1')])
        def plugins = Plugins.of(low, high)
        def image = connect(plugins).images().create(name: 'clash', 'com.x.core': '1')

        when:
        def again = connect(plugins).images().byId(image.id)     // another cloud: the same clash, not reported again

        then:
        image.xcore == true
        again.xcore == true
        again['com.x.core'] == '1'
        log.lines.findAll { it.contains('both claim') } == ["glaze: plugins 'high' and 'low' both claim image" +
                " property 'com.x.core': 'high' wins (priority 10 over 0)"]

        when:
        image.core

        then:
        thrown(MissingPropertyException)   // the loser's alias went with its claim
    }

    def "only the plugins that apply to a cloud are active there; the others say why in the status"() {
        given:
        def here = new TestPlugin(id: 'here', applies: { it.endpoint().host == '127.0.0.1' },
                specs: [flag('com.x.a', 'a', '1')])
        def there = new TestPlugin(id: 'there', applies: { it.endpoint().host.endsWith('.example.com') })
        def cloud = connect(Plugins.of(here, there).only(['here']))

        expect:
        cloud.plugins().ids() == ['here']
        cloud.pluginStatus().collect { [it.id(), it.active(), it.reason(), it.properties()] } == [
                ['here', true, "applies to ${cloud.displayName}".toString(), 1],
                ['there', false, 'not chosen (--plugin here)', 0]]
        connect(Plugins.of(here, there)).pluginStatus()*.reason() == ["applies to ${cloud.displayName}".toString(),
                "does not apply to ${cloud.displayName}".toString()]
    }

    def "a plugin's task flow is the one tasks use; without one the profile's"() {
        given:
        def refusing = new OpenStackTaskFlow() {
            @Override
            void checkExport(Cloud c, Image image, String container) {
                throw new GlazeException('exports need the plugin\'s say-so')
            }

            @Override
            dev.glaze.core.spi.TaskBody exportTask(Image image, String container) {
                new dev.glaze.core.spi.TaskBody('export', jakarta.json.Json.createObjectBuilder().build())
            }
        }
        def cloud = connect(Plugins.of(new TestPlugin(id: 'flows', flow: refusing)))
        def image = cloud.images().create(name: 'flow')

        expect:
        cloud.tasks().flow().is(refusing)
        connect(Plugins.none()).tasks().flow() instanceof OpenStackTaskFlow

        when:
        image.export('exports')

        then:
        def e = thrown(GlazeException)
        e.message == "exports need the plugin's say-so"
    }
}
