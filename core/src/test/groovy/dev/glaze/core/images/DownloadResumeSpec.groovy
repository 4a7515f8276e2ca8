package dev.glaze.core.images

import dev.glaze.core.ConnectionException
import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

import static dev.glaze.core.images.TransferData.MiB
import static dev.glaze.core.images.TransferData.hash
import static dev.glaze.core.images.TransferData.write

/** Broken connections: a proxy in front of the emulator cuts data answers after some bytes. */
class DownloadResumeSpec extends Specification {
    static final long SIZE = 3 * MiB + 123

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @TempDir Path dir
    @AutoCleanup TransferProxy proxy
    List<Duration> waits = []
    Image image
    Path source
    Path target

    def setup() {
        def direct = TransferData.cloud(glance.url)
        image = direct.images().create(name: 'r', disk_format: 'raw', container_format: 'bare')
        source = write(dir.resolve('source.raw'), SIZE, 21)
        image.upload(source)
        proxy = TransferProxy.start(glance.url)
        image = TransferData.cloud(proxy.url, waits).images().byId(image.id)
        target = dir.resolve('copy.raw')
    }

    /** The size of the .part file each time a data request arrives (-1: none). */
    List<Long> partSizes() {
        List<Long> sizes = [].asSynchronized()
        Path part = dir.resolve('copy.raw.part')
        proxy.onFileRequest = { sizes << (Files.exists(part) ? Files.size(part) : -1L) }
        sizes
    }

    // The proxy sends N bytes, then drops the connection; java.net.http may drop data it had buffered when it
    // learns of the failure, so the client resumes from what it really received: at most N, exactly what it wrote.
    def "a connection cut mid-body is resumed with Range from the bytes already written"() {
        given:
        proxy.cutAfter << 1_000_000L
        TransferProgress last
        def sizes = partSizes()

        when:
        image.download(target) { last = it }

        then:
        hash(target) == hash(source)
        proxy.fileRequests.size() == 2
        proxy.fileRequests[0].range == null
        sizes[1] > 0 && sizes[1] <= 1_000_000
        proxy.fileRequests[1].range == "bytes=${sizes[1]}-"
        last.verifiedWith == 'sha512'
        last.bytes == SIZE
        waits == [Duration.ofSeconds(1)]
        !Files.exists(dir.resolve('copy.raw.part'))
    }

    def "a server that answers 200 instead of 206 is read again from the start"() {
        given:
        proxy.cutAfter << 500_000L
        proxy.ignoreRange = true
        def sizes = partSizes()

        when:
        image.download(target)

        then:
        hash(target) == hash(source)
        proxy.fileRequests*.range == [null, "bytes=${sizes[1]}-"]
    }

    def "when every attempt breaks, the error says so and keeps the .part file; resume: true continues it later"() {
        given:
        proxy.cutAfter.addAll([100_000L, 100_000L, 100_000L])
        Path part = dir.resolve('copy.raw.part')

        when:
        image.download(target, DownloadOptions.from(retries: 2))

        then:
        def e = thrown(ConnectionException)
        Files.size(part) > 0 && Files.size(part) <= 300_000
        e.message.startsWith("GET ${proxy.url}/v2/images/${image.id}/file: the download broke after" +
                " ${Files.size(part)} of $SIZE bytes (resumed 2 times): ")
        e.message.endsWith("; the partial data is in ${part}: download again with resume: true to continue")
        !Files.exists(target)

        when:
        long had = Files.size(part)
        proxy.fileRequests.clear()
        image.download(target, DownloadOptions.builder().resume(true).build())

        then:
        hash(target) == hash(source)
        proxy.fileRequests*.range == ["bytes=${had}-"]
        !Files.exists(part)
    }

    def "without resume, a .part file of an earlier run is ignored and overwritten"() {
        given:
        Path part = Files.writeString(dir.resolve('copy.raw.part'), 'garbage from before')

        when:
        image.download(target)

        then:
        hash(target) == hash(source)
        proxy.fileRequests*.range == [null]
        !Files.exists(part)
    }

    def "resume: true with a .part file that is not a prefix of the data is caught by verification"() {
        given:
        Files.writeString(dir.resolve('copy.raw.part'), 'garbage from before')

        when:
        image.download(target, DownloadOptions.from(resume: true))

        then:
        def e = thrown(GlazeException)
        e.message.contains('the downloaded data has sha512')
        proxy.fileRequests*.range == ['bytes=19-']
        !Files.exists(target)
        !Files.exists(dir.resolve('copy.raw.part'))
    }

    def "resume: true with a complete .part file only verifies and renames it"() {
        given:
        Files.copy(source, dir.resolve('copy.raw.part'))

        when:
        image.download(target, DownloadOptions.from(resume: true))

        then:
        hash(target) == hash(source)
        proxy.fileRequests.empty
    }

    def "a 206 whose Content-Range starts elsewhere than asked is an error"() {
        given:
        proxy.cutAfter << 200_000L
        def sizes = partSizes()
        proxy.fileHeaders = { Map h -> if (h.keySet().any { it.equalsIgnoreCase('content-range') }) {
            h.keySet().removeIf { it.equalsIgnoreCase('content-range') }
            h['Content-Range'] = "bytes 0-${SIZE - 1}/$SIZE".toString() } }

        when:
        image.download(target)

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: asked for its data from byte ${sizes[1]} but the server sent Content-Range" +
                " 'bytes 0-${SIZE - 1}/$SIZE'; download again without resume"
        !Files.exists(target)
    }
}
