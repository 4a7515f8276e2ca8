package dev.glaze.core.images

import dev.glaze.core.GlazeException
import dev.glaze.core.ServerErrorException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

import static dev.glaze.core.images.TransferData.hash
import static dev.glaze.core.images.TransferData.write

/** Uploads through a proxy in front of the emulator that can misreport hashes or refuse an upload with a 503. */
class UploadVerificationSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @TempDir Path dir
    @AutoCleanup TransferProxy proxy = TransferProxy.start(glance.url)
    List<Duration> waits = []
    def cloud = TransferData.cloud(proxy.url, waits)

    def "a recorded sha512 that differs from what was sent is an error naming both"() {
        given:
        Path source = write(dir.resolve('s.raw'), 100_000, 4)
        def image = cloud.images().create(name: 'u', disk_format: 'raw', container_format: 'bare')
        proxy.imageJson = { Map json -> json.os_hash_value = 'cd' * 64 }

        when:
        image.upload(source)

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: the server recorded sha512 ${'cd' * 64} but the data sent has" +
                " ${hash(source)}; the data changed on the way: delete the image and upload again"
    }

    def "on Rackspace, which records only an MD5 checksum, a checksum that differs is an error too"() {
        given:
        Path source = write(dir.resolve('s.raw'), 100_000, 4)
        def rackspace = dev.glaze.core.Cloud.builder().endpoint(proxy.url).project('local')
                .profile(dev.glaze.core.ServiceProfile.RACKSPACE).build()
        def image = rackspace.images().create(name: 'u', disk_format: 'raw', container_format: 'bare')
        proxy.imageJson = { Map json -> json.checksum = 'ef' * 16 }

        when:
        image.upload(source)

        then:
        def e = thrown(GlazeException)
        e.message.contains("the server recorded md5 ${'ef' * 16} but the data sent has ${hash(source, 'MD5')}")
    }

    def "a file upload refused by a rate limit (429) is sent again whole, and hashed afresh"() {
        given:
        Path source = write(dir.resolve('s.raw'), 200_000, 6)
        def image = cloud.images().create(name: 'retried', disk_format: 'raw', container_format: 'bare')
        proxy.uploadFailures = 1
        proxy.uploadFailureStatus = 429
        List<TransferProgress> calls = [].asSynchronized()

        when:
        image.upload(source) { calls << it }

        then:
        proxy.uploads == [200_000L]
        waits == [Duration.ofSeconds(1)]
        image.status == 'active'
        image.osHashValue == hash(source)
        calls.last().done && calls.last().bytes == 200_000 && calls.last().verifiedWith == 'sha512'
    }

    def "a file upload answered 503 is not sent again: the service may have taken the data (a second PUT would be a 409)"() {
        given:
        Path source = write(dir.resolve('s.raw'), 50_000, 5)
        def image = cloud.images().create(name: 'not-twice', disk_format: 'raw', container_format: 'bare')
        proxy.uploadFailures = 1

        when:
        image.upload(source)

        then:
        thrown(ServerErrorException)
        proxy.uploads.size() == 1
        waits.empty
    }

    def "a stream upload refused with a 503 is not sent again: a stream cannot be replayed"() {
        given:
        Path source = write(dir.resolve('s.raw'), 50_000, 6)
        def image = cloud.images().create(name: 'once', disk_format: 'raw', container_format: 'bare')
        proxy.uploadFailures = 1

        when:
        Files.newInputStream(source).withCloseable { image.upload(it, 50_000, null) }

        then:
        thrown(ServerErrorException)
        waits.empty
        cloud.images().byId(image.id).status == 'queued'
    }

    def "verify false skips glaze's own hash of what it sends; the final progress says so"() {
        given:
        Path source = write(dir.resolve('s.raw'), 100_000, 8)
        def image = cloud.images().create(name: 'unchecked', disk_format: 'raw', container_format: 'bare')
        proxy.imageJson = { Map json -> json.os_hash_value = 'cd' * 64 }
        List<TransferProgress> calls = [].asSynchronized()

        when:
        image.upload(source, UploadOptions.builder().verify(false).progress { calls << it }.build())

        then:
        image.status == 'active'
        calls.last().done
        !calls.last().verified
    }

    def "upload options from named arguments are checked"() {
        when:
        UploadOptions.from(options)

        then:
        def e = thrown(GlazeException)
        e.message == message

        where:
        options          || message
        [verfy: false]   || "unknown upload option 'verfy'; the options are [progress, verify]"
        [verify: 'no']   || 'upload option verify must be true or false, not no'
        [progress: 42]   || 'upload option progress is a Consumer<TransferProgress> or a closure, not a java.lang.Integer'
    }
}
