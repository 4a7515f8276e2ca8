package dev.glaze.core.plugins

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.spi.PropertyCodec
import dev.glaze.core.spi.PropertySpec
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDateTime
import java.util.concurrent.CopyOnWriteArrayList

/** Plugin-typed image properties through aliases and wire names, against the embedded service (upstream profile). */
class TypedPropertiesSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @Shared List<String> log = new CopyOnWriteArrayList()

    static final TestPlugin EXAMPLE = new TestPlugin(id: 'example', specs: [
            PropertySpec.named('com.example.built').alias('built').codec(PropertyCodec.dateTime('yyyy-MM-dd_HH-mm-ss'))
                    .description('when the image was built').build(),
            PropertySpec.named('com.example.release').alias('release').codec(PropertyCodec.integerAsString()).build(),
            PropertySpec.named('com.example.cached').alias('cached').codec(PropertyCodec.booleanAsString('True', 'False'))
                    .build(),
            PropertySpec.named('com.example.core').alias('core').codec(PropertyCodec.booleanAsString('1', '0'))
                    .readOnly().build(),
            PropertySpec.named('com.example.meta').alias('meta').codec(PropertyCodec.json()).build(),
            PropertySpec.prefix('hw_').build()])

    Cloud cloud(Plugins plugins) {
        Cloud.builder().endpoint(glance.url).project('local').plugins(plugins).httpLog({ log << it }).build()
    }

    def image(Cloud cloud) {
        cloud.images().create(name: 'typed', disk_format: 'raw', container_format: 'bare',
                'com.example.built': '2014-03-19_10-50-10', 'com.example.release': '1003',
                'com.example.cached': 'True', 'com.example.core': '1', 'com.example.meta': '{"a":[1,2]}',
                hw_disk_bus: 'scsi', other: 'x')
    }

    int patches() {
        log.count { it.startsWith('> PATCH') }
    }

    def setup() {
        log.clear()
    }

    def "aliases read typed values; the wire names still read the provider's text"() {
        given:
        def image = image(cloud(Plugins.of(EXAMPLE)))

        expect:
        image.built == LocalDateTime.of(2014, 3, 19, 10, 50, 10)
        image.release == 1003L
        image.cached == true
        image.core == true
        image.meta == [a: [1, 2]]
        image.hwDiskBus == 'scsi'
        image['com.example.built'] == '2014-03-19_10-50-10'
        image['com.example.cached'] == 'True'
        image.typed('com.example.release') == 1003L
        image.typed('release') == 1003L
        image.other == 'x'                      // no spec: reachable by its wire name, as before
        image['other'] == 'x'
    }

    def "assigning a typed value writes the provider's exact text, in one minimal patch; the same value again sends nothing"() {
        given:
        def image = image(cloud(Plugins.of(EXAMPLE)))

        when:
        image.built = LocalDateTime.of(2015, 1, 2, 3, 4, 5)
        image.cached = false
        image.release = 1004

        then:
        image.pendingPatch().toJson().toString() == '[{"op":"replace","path":"/com.example.built","value":"2015-01-02_03-04-05"},' +
                '{"op":"replace","path":"/com.example.cached","value":"False"},' +
                '{"op":"replace","path":"/com.example.release","value":"1004"}]'

        when:
        image.save()

        then:
        patches() == 1
        image.built == LocalDateTime.of(2015, 1, 2, 3, 4, 5)
        image.refresh()['com.example.cached'] == 'False'

        when:
        image.built = image.built
        image.cached = false
        image.release = '1004'
        image.save()

        then:
        image.pendingPatch().empty
        patches() == 1
    }

    def "a read-only property refuses assignment, by alias and by wire name, in one line naming it"() {
        given:
        def image = image(cloud(Plugins.of(EXAMPLE)))

        when:
        image.core = false

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: 'core' (com.example.core) is read-only: the provider sets it (plugin example)"

        when:
        image['com.example.core'] = '0'

        then:
        def wire = thrown(GlazeException)
        wire.message == "image ${image.id}: 'core' (com.example.core) is read-only: the provider sets it (plugin example)"
        image.pendingPatch().empty
    }

    def "a value of the wrong type is refused at once, naming the property and the form it takes"() {
        given:
        def image = image(cloud(Plugins.of(EXAMPLE)))

        when:
        image.built = 5

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: 'built' (com.example.built) takes a date and time as yyyy-MM-dd_HH-mm-ss," +
                " not Integer 5; nothing was changed"

        when:
        image.cached = 'maybe'

        then:
        def flag = thrown(GlazeException)
        flag.message == "image ${image.id}: 'cached' (com.example.cached) is neither 'True' nor 'False': 'maybe';" +
                " nothing was changed"
        image.pendingPatch().empty
    }

    def "a wire text not of the declared form is an error when read by alias, and readable by wire name"() {
        given:
        def cloud = cloud(Plugins.of(EXAMPLE))
        def id = cloud.images().create(name: 'odd', 'com.example.release': 'v3').id
        def image = cloud.images().byId(id)

        when:
        image.release

        then:
        def e = thrown(GlazeException)
        e.message == "image ${id}: 'release' (com.example.release) is not a whole number: 'v3' (plugin example);" +
                " read the text with image['com.example.release']"
        image['com.example.release'] == 'v3'
    }

    def "without plugins, or where the plugin does not apply, aliases are unknown and wire names work as before"() {
        given:
        def plain = image(cloud(plugins))

        when:
        plain.built

        then:
        thrown(MissingPropertyException)
        plain['com.example.built'] == '2014-03-19_10-50-10'

        where:
        plugins << [Plugins.none(), Plugins.of(new TestPlugin(id: 'example', specs: EXAMPLE.specs, applies: { false }))]
    }

    def "a known alias the image lacks reads null, and assigning it adds the property"() {
        given:
        def cloud = cloud(Plugins.of(EXAMPLE))
        def image = cloud.images().create(name: 'bare')

        expect:
        image.built == null

        when:
        image.update { it.release = 7 }

        then:
        image.refresh()['com.example.release'] == '7'
        image.release == 7L
    }
}
