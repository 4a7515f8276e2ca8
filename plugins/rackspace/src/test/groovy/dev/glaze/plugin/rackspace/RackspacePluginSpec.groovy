package dev.glaze.plugin.rackspace

import dev.glaze.plugin.testing.EmbeddedService
import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.plugins.Plugins
import dev.glaze.core.tasks.AwaitOptions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.LocalDateTime
import java.util.concurrent.CopyOnWriteArrayList

/** The Rackspace plugin on the embedded service's Rackspace profile: seed 000's image, typed; its task flow. */
class RackspacePluginSpec extends Specification {
    /** The properties of the Ubuntu 12.04 image in Rackspace's "Use images" guide, as it lists them. */
    static final Map<String, String> UBUNTU = [
            'auto_disk_config'                    : 'disabled',
            'cache_in_nova'                       : 'True',
            'com.rackspace__1__build_core'        : '1',
            'com.rackspace__1__build_managed'     : '1',
            'com.rackspace__1__build_rackconnect' : '1',
            'com.rackspace__1__options'           : '0',
            'com.rackspace__1__platform_target'   : 'PublicCloud',
            'com.rackspace__1__release_build_date': '2014-03-19_10-50-10',
            'com.rackspace__1__release_id'        : '1003',
            'com.rackspace__1__release_version'   : '3',
            'com.rackspace__1__source'            : 'kickstart',
            'com.rackspace__1__visible_core'      : '1',
            'com.rackspace__1__visible_managed'   : '0',
            'com.rackspace__1__visible_rackconnect': '1',
            'image_type'                          : 'base',
            'org.openstack__1__architecture'      : 'x64',
            'org.openstack__1__os_distro'         : 'com.ubuntu',
            'org.openstack__1__os_version'        : '12.04',
            'os_distro'                           : 'ubuntu',
            'os_type'                             : 'linux',
            'vm_mode'                             : 'hvm']
    static final byte[] VHD = ('conectix' + 'x' * 1000).bytes

    @Shared @AutoCleanup EmbeddedService rackspace = new EmbeddedService(profile: 'rackspace')
    @Shared @AutoCleanup EmbeddedService openstack = new EmbeddedService(profile: 'openstack')
    @Shared List<String> log = new CopyOnWriteArrayList()
    @Shared Cloud cloud = rackspace.cloud(log: { log << it })
    @Shared def fast = AwaitOptions.builder().poll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(60)).build()

    def setupSpec() {
        def exports = cloud.containers().create('exports')
        exports.upload('web.vhd', new ByteArrayInputStream(VHD), VHD.length)
        byte[] qcow = ('QFI' * 200).bytes
        exports.upload('disk.qcow2', new ByteArrayInputStream(qcow), qcow.length)
    }

    def setup() {
        log.clear()
    }

    def ubuntu() {
        def image = cloud.images().create(name: 'Ubuntu 12.04 LTS (Precise Pangolin) (PVHVM)', disk_format: 'vhd',
                container_format: 'ovf')
        rackspace.provide(image.id, UBUNTU)
        image.refresh()
    }

    int sent(String method) {
        log.count { it.startsWith("> $method") }
    }

    def "the plugin is active on Rackspace Cloud Images and not on upstream Glance"() {
        expect:
        cloud.plugins().ids() == ['rackspace']
        openstack.cloud().plugins().ids() == []
        Cloud.connect('https://iad.images.api.rackspacecloud.com/v2', 'token').plugins().ids() == ['rackspace']
    }

    def "every property of the guide's example image reads typed through its alias"() {
        given:
        def image = ubuntu()

        expect:
        image.releaseBuildDate == LocalDateTime.of(2014, 3, 19, 10, 50, 10)
        image.releaseId == 1003L
        image.releaseVersion == 3L
        image.options == 0L
        [image.buildCore, image.buildManaged, image.buildRackconnect] == [true, true, true]
        [image.visibleCore, image.visibleManaged, image.visibleRackconnect] == [true, false, true]
        image.platformTarget == 'PublicCloud'
        image.source == 'kickstart'
        image.architecture == 'x64'
        image.distro == 'com.ubuntu'
        image.distroVersion == '12.04'
        image.autoDiskConfig == 'disabled'
        image.cacheInNova == true
        image.imageType == 'base'
        image.osType == 'linux'
        image.vmMode == 'hvm'
        image['com.rackspace__1__build_core'] == '1'          // the wire names give Rackspace's text
        image['com.rackspace__1__release_build_date'] == '2014-03-19_10-50-10'
        image.os_distro == 'ubuntu'                           // a property no spec types, by wire name
    }

    def "Rackspace's own properties are read-only: assigning one fails at once, naming it, and sends nothing"() {
        given:
        def image = ubuntu()

        when:
        image.releaseBuildDate = LocalDateTime.of(2020, 1, 1, 0, 0)

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: 'releaseBuildDate' (com.rackspace__1__release_build_date) is read-only:" +
                " the provider sets it (plugin rackspace)"
        image.pendingPatch().empty
        sent('PATCH') == 0
    }

    def "a typed assignment is written in Rackspace's spelling; the same value again sends nothing"() {
        given:
        def image = ubuntu()

        when:
        image.cacheInNova = false
        image.autoDiskConfig = 'True'
        image.distroVersion = '14.04'

        then:
        image.pendingPatch().toJson().toString() == '[{"op":"replace","path":"/auto_disk_config","value":"True"},' +
                '{"op":"replace","path":"/cache_in_nova","value":"False"},' +
                '{"op":"replace","path":"/org.openstack__1__os_version","value":"14.04"}]'

        when:
        image.save()
        image.cacheInNova = false
        image.autoDiskConfig = 'True'
        image.save()

        then:
        sent('PATCH') == 1
        image.refresh()['cache_in_nova'] == 'False'
        image.cacheInNova == false

        when:
        image.autoDiskConfig = 'false'

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: 'autoDiskConfig' (auto_disk_config) is not one of 'True', 'False'," +
                " 'disabled': 'false'; nothing was changed"
    }

    def "an import from Cloud Files, then an export back to it"() {
        when:
        def image = cloud.tasks().importImage(from: 'exports/web.vhd', name: 'web').await(fast).image
        def exported = image.export('exports').await(fast)

        then:
        image.status == 'active'
        exported.exportLocation == "exports/${image.id}.vhd".toString()
    }

    def "pre-flight checks fail before any task is created: #why"() {
        given:
        def queued = cloud.images().create(name: 'queued', disk_format: 'vhd', container_format: 'ovf')
        int before = sent('POST /v2/tasks')

        when:
        start(cloud, queued)

        then:
        def e = thrown(GlazeException)
        e.message == message.replace('ID', queued.id)
        sent('POST /v2/tasks') == before

        where:
        why                          | start                                                                           || message
        'the object is no VHD'       | { c, i -> c.tasks().importImage(from: 'exports/disk.qcow2', name: 'q') }      || "cannot import exports/disk.qcow2: it does not start like a VHD ('conectix'); upload a dynamic VHD, or for a fixed one skip the checks: tasks.withoutPreflight()"
        'the format is not VHD'      | { c, i -> c.tasks().importImage(from: 'exports/disk.qcow2', name: 'q', format: 'qcow2') } || "cannot import exports/disk.qcow2: Rackspace imports VHD images only, not qcow2; convert it first (qemu-img convert -O vpc)"
        'the container is missing'   | { c, i -> c.tasks().importImage(from: 'nowhere/web.vhd', name: 'q') }          || "cannot import nowhere/web.vhd: the object store of 127.0.0.1 has no container 'nowhere'; upload the VHD first: containers.create('nowhere').upload('web.vhd', file)"
        'the image is not active'    | { c, i -> i.export('exports') }                                                || "cannot export image ID: it is queued, not active; upload its data or wait for it to become active first"
    }

    def "an import that fails with Rackspace's error 396 is retried once, and succeeds"() {
        given:
        def proxy = new Error396Proxy(rackspace.url)
        def through = rackspace.cloud(url: proxy.url)

        when:
        def task = through.tasks().importImage(from: 'exports/web.vhd', name: 'retried')
        def done = task.await(fast)

        then:
        proxy.failedTaskId == task.id
        through.tasks().byId(task.id).message == Error396Proxy.MESSAGE
        done.success
        done.id != task.id
        done.image.name == 'retried'

        cleanup:
        proxy?.close()
    }

    def "without the plugin the same cloud has no aliases, and core's own Rackspace flow still imports"() {
        given:
        def plain = rackspace.cloud(plugins: Plugins.none())
        def image = plain.images().byId(ubuntu().id)

        when:
        image.releaseBuildDate

        then:
        thrown(MissingPropertyException)
        image['com.rackspace__1__release_build_date'] == '2014-03-19_10-50-10'
        plain.tasks().importImage(from: 'exports/web.vhd', name: 'plain').await(fast).success
    }
}
