package dev.glaze.emulator.api

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.security.DigestInputStream
import java.security.MessageDigest

/**
 * An image larger than the test JVM's heap (Surefire runs it with -Xmx96m) goes up and comes back: proof that
 * neither the upload nor the download holds the data in memory, and that the checksums Glance reports are right.
 */
class LargeUploadSpec extends Specification {
    static final long SIZE = 200L << 20

    @Shared Path dir
    @Shared ImageService service
    @Shared Target target

    def setupSpec() {
        dir = Files.createTempDirectory('glaze-large-upload')
        service = ImageService.start(ServiceConfig.builder(dir).port(0).profile(Profile.OPENSTACK).build())
        target = new Target('emulator-openstack', 'openstack', service.url(), false)
    }

    def cleanupSpec() {
        service?.close()
        dir?.toFile()?.deleteDir()
    }

    @Timeout(60)
    def "200 MiB, more than the heap, go up and come back streaming with matching MD5 and SHA-512"() {
        given:
        assert Runtime.runtime.maxMemory() < SIZE: 'the test JVM must have less heap than the image (see emulator/pom.xml)'
        def image = target.createImage(name: 'larger-than-heap')
        def sentMd5 = MessageDigest.getInstance('MD5')
        def sentSha512 = MessageDigest.getInstance('SHA-512')
        def generated = new DigestInputStream(new DigestInputStream(new PatternStream(SIZE, 42), sentMd5), sentSha512)

        when:
        long started = System.nanoTime()
        def upload = target.uploadStream(image.id, { generated }, SIZE)
        long uploaded = System.nanoTime()
        def stored = target.get("/v2/images/${image.id}").json
        def received = download(image.id)
        System.err.printf('LargeUploadSpec: up %.1f s, down %.1f s%n', (uploaded - started) / 1e9,
                (System.nanoTime() - uploaded) / 1e9)

        then:
        upload.status == 204
        stored.status == 'active'
        stored.size == SIZE
        stored.virtual_size == SIZE
        stored.checksum == sentMd5.digest().encodeHex().toString()
        stored.os_hash_value == sentSha512.digest().encodeHex().toString()
        received.length == SIZE
        received.contentMd5 == stored.checksum
        received.md5 == stored.checksum
        received.sha512 == stored.os_hash_value
    }

    /** Downloads the image's data, digesting it as it streams in; nothing is kept. */
    private Map download(String id) {
        def request = HttpRequest.newBuilder(URI.create("${service.url()}/v2/images/${id}/file")).GET().build()
        def client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        def response = client.send(request, HttpResponse.BodyHandlers.ofInputStream())
        assert response.statusCode() == 200
        def md5 = MessageDigest.getInstance('MD5')
        def sha512 = MessageDigest.getInstance('SHA-512')
        long length = 0
        byte[] buffer = new byte[1 << 20]
        response.body().withCloseable { InputStream input ->
            for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
                md5.update(buffer, 0, n)
                sha512.update(buffer, 0, n)
                length += n
            }
        }
        [length    : length, md5: md5.digest().encodeHex().toString(), sha512: sha512.digest().encodeHex().toString(),
         contentMd5: response.headers().firstValue('Content-MD5').orElse(null)]
    }

    /**
     * Deterministic bytes produced on the fly: a 1 MiB pseudo-random block, stamped with its number so that no two
     * blocks are the same. Costs one block of memory whatever the length.
     */
    static class PatternStream extends InputStream {
        private final long length
        private final byte[] block = new byte[1 << 20]
        private long position

        PatternStream(long length, long seed) {
            this.length = length
            new Random(seed).nextBytes(block)
        }

        @Override
        int read() {
            byte[] one = new byte[1]
            read(one, 0, 1) < 0 ? -1 : one[0] & 0xff
        }

        @Override
        int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1
            }
            int inBlock = (int) (position % block.length)
            int n = (int) Math.min(Math.min(len, block.length - inBlock), length - position)
            if (inBlock == 0) {
                long number = position.intdiv(block.length)
                for (int i = 0; i < 8; i++) {
                    block[i] = (byte) (number >>> (8 * i))
                }
            }
            System.arraycopy(block, inBlock, b, off, n)
            position += n
            n
        }
    }
}
