package dev.glaze.core.images

import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static dev.glaze.core.images.TransferData.hash
import static dev.glaze.core.images.TransferData.write

/** Verification against a server whose recorded hashes are wrong: a proxy in front of the emulator rewrites them. */
class DownloadVerificationSpec extends Specification {
    static final String WRONG_SHA512 = 'ab' * 64
    static final String WRONG_MD5 = '0123456789abcdef' * 2

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack')
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace')
    @TempDir Path dir
    @AutoCleanup TransferProxy proxy

    /** An image with 300 000 bytes of data, read back through a proxy in front of {@code emulator}. */
    Image imageBehindProxy(Emulator emulator = glance) {
        def direct = TransferData.cloud(emulator.url)
        def image = direct.images().create(name: 'v', disk_format: 'raw', container_format: 'bare')
        image.upload(write(dir.resolve('source.raw'), 300_000, 11))
        proxy = TransferProxy.start(emulator.url)
        TransferData.cloud(proxy.url).images().byId(image.id)
    }

    def "data that does not match the recorded sha512 is refused: the .part file is deleted and no file is made"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = { Map json -> json.os_hash_value = WRONG_SHA512 }
        Path target = dir.resolve('copy.raw')

        when:
        image.download(target)

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: the downloaded data has sha512 ${hash(dir.resolve('source.raw'))} but the" +
                " image records sha512 ${WRONG_SHA512}; the partial file was deleted: download again, and if it" +
                " recurs the stored data is damaged"
        !Files.exists(target)
        !Files.exists(dir.resolve('copy.raw.part'))
    }

    def "on Rackspace, without os_hash_value, a wrong MD5 checksum is caught"() {
        given:
        def image = imageBehindProxy(rackspace)
        proxy.imageJson = { Map json -> json.checksum = WRONG_MD5 }

        when:
        image.download(dir.resolve('copy.raw'))

        then:
        def e = thrown(GlazeException)
        e.message.contains("has md5 ${hash(dir.resolve('source.raw'), 'MD5')} but the image records md5 ${WRONG_MD5}")
        !Files.exists(dir.resolve('copy.raw'))
        !Files.exists(dir.resolve('copy.raw.part'))
    }

    def "an image with no recorded hash is verified with the Content-MD5 header of the answer"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = { Map json -> json.os_hash_value = null; json.os_hash_algo = null; json.checksum = null }
        TransferProgress last

        when:
        Path copy = image.download(dir.resolve('copy.raw')) { last = it }

        then:
        hash(copy) == hash(dir.resolve('source.raw'))
        last.verifiedWith == 'Content-MD5'
    }

    def "a wrong Content-MD5 header is caught when nothing else is recorded"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = { Map json -> json.os_hash_value = null; json.os_hash_algo = null; json.checksum = null }
        proxy.fileHeaders = { Map headers -> headers.keySet().removeIf { it.equalsIgnoreCase('content-md5') }
            headers['Content-MD5'] = WRONG_MD5 }

        when:
        image.download(dir.resolve('copy.raw'))

        then:
        def e = thrown(GlazeException)
        e.message.contains("has md5 ${hash(dir.resolve('source.raw'), 'MD5')} but the server's Content-MD5 says ${WRONG_MD5}")
        !Files.exists(dir.resolve('copy.raw.part'))
    }

    def "with nothing to check against, the download completes and says it is unverified"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = { Map json -> json.os_hash_value = null; json.os_hash_algo = null; json.checksum = null }
        proxy.fileHeaders = { Map headers -> headers.keySet().removeIf { it.equalsIgnoreCase('content-md5') } }
        TransferProgress last

        when:
        Path copy = image.download(dir.resolve('copy.raw')) { last = it }

        then:
        hash(copy) == hash(dir.resolve('source.raw'))
        !last.verified
        last.toString().endsWith(', done, unverified')
    }

    def "verify: false skips the check, allowMd5: false refuses MD5 as the only proof"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = json

        when:
        TransferProgress last
        Path copy = image.download(dir.resolve('copy.raw'), DownloadOptions.from(options + [progress: { last = it }]))

        then:
        hash(copy) == hash(dir.resolve('source.raw'))
        last.verifiedWith == null

        where:
        options            | json
        [verify: false]    | { Map j -> j.os_hash_value = WRONG_SHA512 }
        [allowMd5: false]  | { Map j -> j.os_hash_value = null; j.os_hash_algo = null; j.checksum = WRONG_MD5 }
    }

    def "a hash algorithm this Java does not know is a one-line error that says how to go on"() {
        given:
        def image = imageBehindProxy()
        proxy.imageJson = { Map json -> json.os_hash_algo = 'whirlpool'; json.checksum = null }

        when:
        image.download(dir.resolve('copy.raw'))

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id} is hashed with whirlpool, which this Java does not know: download with" +
                " verify: false to skip the check"
        !Files.exists(dir.resolve('copy.raw.part'))
    }
}
