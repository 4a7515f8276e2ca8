package dev.glaze.core.images

import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static dev.glaze.core.images.TransferData.MiB
import static dev.glaze.core.images.TransferData.hash
import static dev.glaze.core.images.TransferData.write

class UploadDownloadSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace')
    @TempDir Path dir

    def cloud = TransferData.cloud(glance.url)

    def "a 50 MiB file uploaded and downloaded again is the same, with progress reported both ways"() {
        given:
        Path source = write(dir.resolve('source.raw'), 50 * MiB)
        def image = cloud.images().create(name: 'fifty', disk_format: 'raw', container_format: 'bare')
        List<TransferProgress> up = [].asSynchronized()
        List<TransferProgress> down = []

        when:
        image.upload(source) { up << it }
        Path copy = image.download(dir.resolve('copy.raw')) { down << it }

        then:
        image.status == 'active'
        image.size == 50 * MiB
        image.osHashValue == hash(source)
        hash(copy) == hash(source)
        !Files.exists(dir.resolve('copy.raw.part'))

        and: 'progress: growing byte counts, then one final call'
        [up, down].each { List<TransferProgress> calls ->
            assert calls.size() > 2
            assert calls*.bytes == calls*.bytes.sort(false)
            assert calls.count { it.done } == 1
            assert calls.last().done && calls.last().bytes == 50 * MiB && calls.last().total == 50 * MiB
            assert calls.last().verifiedWith == 'sha512'
            assert calls.last().toString().startsWith('50.0 MiB of 50.0 MiB (100%), ')
            assert calls.last().toString().endsWith(', done, verified by sha512')
            assert calls[0].eta.present && calls[0].bytesPerSecond > 0
        }
    }

    def "200 MiB go up and down through a JVM with 128 MiB of heap: the data is streamed both ways"() {
        given:
        Path source = write(dir.resolve('big.raw'), 200 * MiB, 7)
        def image = cloud.images().create(name: 'big', disk_format: 'raw', container_format: 'bare')

        when:
        image.upload(source)
        Path copy = image.download(Files.createDirectory(dir.resolve('down')))

        then:
        copy == dir.resolve('down/big.raw')
        hash(copy) == hash(source)
        image.size == 200 * MiB
    }

    def "a stream of known or unknown length is uploaded and verified"() {
        given:
        Path source = write(dir.resolve('s.raw'), 3 * MiB + 17, 3)
        def image = cloud.images().create(name: 'stream', disk_format: 'raw', container_format: 'bare')
        TransferProgress last

        when:
        Files.newInputStream(source).withCloseable { image.upload(it, size, { last = it }) }

        then:
        image.status == 'active'
        image.osHashValue == hash(source)
        last.done && last.bytes == 3 * MiB + 17 && last.total == 3 * MiB + 17
        last.verifiedWith == 'sha512'

        where:
        size << [3 * MiB + 17, -1]
    }

    def "on Rackspace the data is verified with the MD5 checksum, the only hash it records"() {
        given:
        def rax = TransferData.cloud(rackspace.url)
        Path source = write(dir.resolve('rax.vhd'), 2 * MiB, 5)
        def image = rax.images().create(name: 'rax', disk_format: 'vhd', container_format: 'ovf')
        TransferProgress up
        TransferProgress down

        when:
        image.upload(source) { up = it }
        Path copy = image.download(dir.resolve('copy.vhd')) { down = it }

        then:
        image.osHashValue == null
        image.checksum == hash(source, 'MD5')
        hash(copy) == hash(source)
        up.verifiedWith == 'md5'
        down.verifiedWith == 'md5'
    }

    def "an upload to an image that has data already is refused before sending, saying what to do"() {
        given:
        def image = cloud.images().create(name: 'once', disk_format: 'raw', container_format: 'bare')
        image.upload(write(dir.resolve('a.raw'), 1000))

        when:
        image.upload(write(dir.resolve('b.raw'), 1000))

        then:
        def e = thrown(GlazeException)
        e.message == "cannot upload to image ${image.id}: it is active, and only a queued image takes data;" +
                " create a new image and upload to that"
        image.size == 1000
    }

    def "an upload to an image without formats is refused before sending"() {
        given:
        def image = cloud.images().create(name: 'formatless')

        when:
        image.upload(write(dir.resolve('a.raw'), 1000))

        then:
        def e = thrown(GlazeException)
        e.message.startsWith("cannot upload to image ${image.id}: it has no disk_format and container_format; set it")
        cloud.images().byId(image.id).status == 'queued'
    }

    def "uploading a file that does not exist says so"() {
        given:
        def image = cloud.images().create(name: 'nofile', disk_format: 'raw', container_format: 'bare')

        when:
        image.upload(dir.resolve('missing.raw'))

        then:
        def e = thrown(GlazeException)
        e.message == "cannot upload ${dir.resolve('missing.raw')} to image ${image.id}: no such file"
    }

    def "an existing target is an error before anything is asked of the server, unless overwrite is given"() {
        given:
        def proxy = TransferProxy.start(glance.url)
        def viaProxy = TransferData.cloud(proxy.url)
        def id = cloud.images().create(name: 'exists', disk_format: 'raw', container_format: 'bare').id
        cloud.images().byId(id).upload(write(dir.resolve('data.raw'), 5000, 9))
        def image = viaProxy.images().byId(id)
        Path target = Files.writeString(dir.resolve('target.raw'), 'keep me')
        proxy.requests.clear()

        when:
        image.download(target)

        then:
        def e = thrown(GlazeException)
        e.message == "cannot download image ${id} to ${target}: the file exists; download with overwrite: true to replace it"
        proxy.requests.empty
        Files.readString(target) == 'keep me'

        when:
        image.download(target, DownloadOptions.from(overwrite: true))

        then:
        hash(target) == hash(dir.resolve('data.raw'))

        cleanup:
        proxy?.close()
    }

    def "a folder as target gets a file named after the image and its disk format"() {
        given:
        def image = cloud.images().create(attributes + [disk_format: 'qcow2', container_format: 'ovf'])
        image.upload(write(dir.resolve('src'), 100))
        Path folder = Files.createDirectory(dir.resolve('out'))

        expect:
        image.download(folder) == folder.resolve(file.replace('ID', image.id))
        Files.size(folder.resolve(file.replace('ID', image.id))) == 100

        where:
        attributes             || file
        [name: 'web gold']     || 'web gold.qcow2'
        [name: 'a/b']          || 'a_b.qcow2'
        [name: 'disk.qcow2']   || 'disk.qcow2'
        [:]                    || 'ID.qcow2'
    }

    def "downloading an image without data is a one-line error and leaves no file"() {
        given:
        def image = cloud.images().create(name: 'empty', disk_format: 'raw', container_format: 'bare')

        when:
        image.download(dir.resolve('none.raw'))

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id} has no data (status queued)"
        !Files.exists(dir.resolve('none.raw'))
        !Files.exists(dir.resolve('none.raw.part'))
    }
}
