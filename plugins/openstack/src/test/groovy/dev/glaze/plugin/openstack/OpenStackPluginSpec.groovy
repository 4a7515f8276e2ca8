package dev.glaze.plugin.openstack

import dev.glaze.plugin.testing.EmbeddedService
import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import groovy.transform.Memoized
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.time.Duration

/**
 * The OpenStack plugin on the embedded service's openstack profile and, when GLAZE_REAL_GLANCE_URL is set, on a
 * real Glance: os_* and hw_* properties typed through their aliases and written in Glance's spelling, and the
 * interoperable import driven as a script would.
 */
class OpenStackPluginSpec extends Specification {
    @Shared @AutoCleanup EmbeddedService openstack = new EmbeddedService(profile: 'openstack')
    @Shared @AutoCleanup EmbeddedService rackspace = new EmbeddedService(profile: 'rackspace')

    @Memoized
    static List<Map> targets(EmbeddedService emulator) {
        def all = [[name: 'emulator', cloud: emulator.cloud()]]
        String real = System.getenv('GLAZE_REAL_GLANCE_URL')
        if (real) {
            all << [name: 'real-glance', cloud: Cloud.builder().endpoint(real).project('peer-project').build()]
        }
        all
    }

    def image(Cloud cloud, Map props = [:]) {
        def image = cloud.images().create([name: 'os-props', disk_format: 'raw', container_format: 'bare'] + props)
        image
    }

    def "the plugin is active on upstream Glance, not on Rackspace Cloud Images"() {
        expect:
        openstack.cloud().plugins().ids() == ['openstack']
        // (only this plugin is on this module's class path)
        rackspace.cloud().plugins().ids() == []
        Cloud.connect('https://iad.images.api.rackspacecloud.com/v2', 't').plugins().ids() == []
    }

    def "os_* and hw_* properties read typed through their aliases on #target.name"() {
        given:
        def img = image(target.cloud as Cloud, [os_distro: 'ubuntu', os_version: '22.04', os_admin_user: 'ubuntu',
                hw_disk_bus: 'scsi', hw_scsi_model: 'virtio-scsi', hw_qemu_guest_agent: 'yes', hw_cpu_cores: '4',
                hw_boot_menu: 'True', hw_watchdog_action: 'reset', hw_foo_bar: 'x', os_require_quiesce: 'on'])

        expect:
        img.distro == 'ubuntu'
        img.distroVersion == '22.04'
        img.adminUser == 'ubuntu'
        img.hwDiskBus == 'scsi'
        img.hwScsiModel == 'virtio-scsi'
        img.hwQemuGuestAgent == true
        img.hwCpuCores == 4L
        img.hwBootMenu == true
        img.requireQuiesce == true     // Nova reads 'on' as true, and so does glaze
        img.typed('hw_cpu_cores') == 4L
        img.hwFooBar == 'x'            // any other hw_ property by its camel-case name
        img.hidden == false

        cleanup:
        img?.delete()

        where:
        target << targets(openstack)
    }

    def "assigning typed values writes Glance's spelling in one patch on #target.name"() {
        given:
        def img = image(target.cloud as Cloud, [hw_qemu_guest_agent: 'no'])

        when:
        img.update {
            it.hwQemuGuestAgent = true
            it.hwCpuSockets = 2
            it.hwVifMultiqueueEnabled = true
            it['hw_video_model'] = 'virtio'
        }
        def fresh = (target.cloud as Cloud).images().byId(img.id)

        then:
        fresh['hw_qemu_guest_agent'] == 'yes'
        fresh['hw_cpu_sockets'] == '2'
        fresh['hw_vif_multiqueue_enabled'] == 'true'
        fresh.hwVideoModel == 'virtio'
        fresh.hwCpuSockets == 2L

        cleanup:
        img?.delete()

        where:
        target << targets(openstack)
    }

    def "a wrong value or a read-only property fails at once with one line, and nothing is sent"() {
        given:
        def img = image(openstack.cloud(), [hw_cpu_cores: '2'])

        when:
        img.hwCpuCores = 'many'

        then:
        def e = thrown(GlazeException)
        e.message == "image ${img.id}: 'hwCpuCores' (hw_cpu_cores) is not a whole number: 'many'; nothing was changed"
        !img.changed

        when:
        img.put('os_hash_value', 'abc')

        then:
        def readOnly = thrown(GlazeException)
        readOnly.message.contains('os_hash_value') && readOnly.message.contains('read-only')
        !img.changed
    }

    def "a flag another tool wrote as 'true' reads as true, and assigning true again changes nothing"() {
        given:
        def img = image(openstack.cloud(), [hw_qemu_guest_agent: 'true'])

        when:
        img.hwQemuGuestAgent = true

        then:
        img.hwQemuGuestAgent == true
        !img.changed
    }

    def "a script imports by glance-direct and web-download, then types the image, on #target.name"() {
        given:
        byte[] data = new byte[200_000].tap { new Random(6).nextBytes(it) }
        def file = Files.createTempFile('os-plugin', '.raw')
        Files.write(file, data)
        def server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 4)
        server.createContext('/disk.raw') { ex ->
            ex.sendResponseHeaders(200, data.length); ex.responseBody.write(data); ex.close()
        }
        server.start()
        def shell = new GroovyShell(new Binding(images: (target.cloud as Cloud).images(), file: file,
                url: "http://127.0.0.1:${server.address.port}/disk.raw".toString()))

        when:
        def result = shell.evaluate('''
            def methods = images.importMethods()
            def a = images.create(name: 'direct', disk_format: 'raw', container_format: 'bare')
            a.stageAndImport(file.toString()).awaitStatus('active', java.time.Duration.ofMinutes(1))
            def b = images.create(name: 'web', disk_format: 'raw', container_format: 'bare')
            b.importFrom(url).awaitStatus('active', java.time.Duration.ofMinutes(1))
            b.update { it.hwQemuGuestAgent = true; it.distro = 'cirros' }
            [methods, a, b]
        ''')
        def (methods, a, b) = result

        then:
        'glance-direct' in methods && 'web-download' in methods
        a.status == 'active' && a.size == data.length
        b.status == 'active' && b.size == data.length
        b.refresh()['hw_qemu_guest_agent'] == 'yes'
        b.distro == 'cirros'

        cleanup:
        server?.stop(0)
        Files.deleteIfExists(file)
        a?.delete()
        b?.delete()

        where:
        target << targets(openstack)
    }
}
