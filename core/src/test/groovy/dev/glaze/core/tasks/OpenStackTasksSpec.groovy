package dev.glaze.core.tasks

import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import dev.glaze.core.testing.FileServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest
import java.time.Duration

class OpenStackTasksSpec extends Specification {
    static final byte[] RAW = (0..<4096).collect { (byte) (it % 251) } as byte[]

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @Shared def cloud = glance.cloud()
    @Shared @AutoCleanup FileServer files = new FileServer('/img.raw': RAW)
    @Shared def fast = AwaitOptions.builder().poll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(60)).build()

    String url(String path) {
        files.url(path)
    }

    def "an import from an http URL makes an active image with the data and the properties"() {
        when:
        def task = cloud.tasks().importImage(from: url('/img.raw'), name: 'from-url', format: 'raw',
                image_properties: [os_distro: 'cirros'])
        def image = task.await(fast).image

        then:
        task.input == [import_from: url('/img.raw'), import_from_format: 'raw',
                       image_properties: [name: 'from-url', disk_format: 'raw', container_format: 'bare', os_distro: 'cirros']]
        image.name == 'from-url'
        image.status == 'active'
        image.size == RAW.length
        image.checksum == MessageDigest.getInstance('MD5').digest(RAW).encodeHex().toString()
        image['os_distro'] == 'cirros'
    }

    def "a download that fails is a TaskFailedException with the reason"() {
        when:
        cloud.tasks().importImage(from: url('/missing.raw'), name: 'x', format: 'raw').await(fast)

        then:
        def e = thrown(TaskFailedException)
        e.task.message.startsWith('Task failed due to Internal Error: download of http://')
        e.task.message.contains('404')
    }

    def "upstream Glance has no export task, and imports only from a URL"() {
        given:
        def image = cloud.images().create(name: 'e', disk_format: 'raw', container_format: 'bare')

        when:
        image.export('exports')

        then:
        def e = thrown(GlazeException)
        e.message == 'this cloud (upstream Glance) has no export task; download the image data instead: image.download(path)'

        when:
        cloud.tasks().importImage(from: 'exports/x.vhd', name: 'y')

        then:
        def u = thrown(GlazeException)
        u.message == "upstream Glance imports from an http(s) URL, not 'exports/x.vhd'; to import a local file, create an image and upload its data instead"
    }
}
