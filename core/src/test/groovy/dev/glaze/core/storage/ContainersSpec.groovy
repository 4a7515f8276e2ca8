package dev.glaze.core.storage

import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.security.DigestInputStream
import java.security.MessageDigest

class ContainersSpec extends Specification {
    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'rackspace')
    @TempDir Path dir

    def containers = glance.cloud().containers()

    def "a container is created (twice is fine), listed, filled, emptied and deleted"() {
        when:
        def photos = containers.create('photos')
        containers.create('photos')
        def file = dir.resolve('a.txt')
        Files.writeString(file, 'hello')
        def a = photos.upload('2024/a.txt', file)
        def b = photos.upload('2024/b.bin', new ByteArrayInputStream('0123456789'.bytes), 10)
        photos.upload('other.txt', file)

        then:
        photos.name == 'photos' && photos.count == 0
        a.name == '2024/a.txt' && a.bytes == 5 && a.hash == '5d41402abc4b2a76b9719d911017c592'
        a.contentType.startsWith('text/plain')
        b.bytes == 10
        containers.named('photos').count == 3
        containers.named('photos').bytes == 20
        containers.find { it.name == 'photos' }.count == 3
        photos.objects()*.name == ['2024/a.txt', '2024/b.bin', 'other.txt']
        photos.objects('2024/')*.name == ['2024/a.txt', '2024/b.bin']
        photos.objects().find { it.name == 'other.txt' }.lastModified != null
        photos['2024/b.bin'].openStream().withCloseable { it.text } == '0123456789'
        Files.readString(photos.download('2024/a.txt', dir.resolve('copy.txt'))) == 'hello'
        a.download(dir).fileName.toString() == 'a.txt'
        !Files.exists(dir.resolve('copy.txt.part'))

        when: 'a container that holds objects is deleted'
        photos.delete()

        then:
        def full = thrown(GlazeException)
        full.message == "container 'photos' is not empty: delete its objects first (container.objects().each { it.delete() })"

        when:
        photos.objects().each { it.delete() }
        photos.delete()

        then:
        !containers.exists('photos')
        containers.find { it.name == 'photos' } == null
    }

    def "a missing container or object is a clear error"() {
        when:
        containers.named('nothing-here')

        then:
        def e = thrown(NoSuchContainerException)
        e.message.startsWith("no container 'nothing-here' in the object store of ")
        e.message.endsWith("create it with containers.create('nothing-here')")

        when:
        containers.create('empty').object('x.vhd')

        then:
        def o = thrown(NoSuchObjectException)
        o.message.startsWith("container 'empty' has no object 'x.vhd'")

        when:
        containers['empty'].download('x.vhd', dir.resolve('x'))

        then:
        thrown(NoSuchObjectException)
        !Files.exists(dir.resolve('x.part'))
    }

    def "listing pages through more containers than one page holds"() {
        given:
        (1..12).each { containers.create(String.format('page-%02d', it)) }

        expect:
        containers.findAll { it.name.startsWith('page-') }.size() == 12
    }

    def "an object listing longer than one page (1000) lists every object once"() {
        given:
        def c = containers.create('many')
        def names = (1..1003).collect { String.format('o-%04d', it) }
        names.each { c.upload(it, new ByteArrayInputStream(new byte[1]), 1) }

        expect:
        c.objects()*.name == names
        c.objects('o-100')*.name == ['o-1000', 'o-1001', 'o-1002', 'o-1003']
        c.refresh().count == 1003
    }

    def "50 MiB go up from a file and from a stream, and come down, without being held in memory (-Xmx128m)"() {
        given:
        long size = 50L * 1024 * 1024
        def big = dir.resolve('big.bin')
        def md = MessageDigest.getInstance('MD5')
        Files.newOutputStream(big).withCloseable { out ->
            byte[] block = new byte[1024 * 1024]
            for (int i = 0; i < 50; i++) {
                Arrays.fill(block, (byte) i)
                md.update(block)
                out.write(block)
            }
        }
        String md5 = md.digest().encodeHex().toString()
        def c = containers.create('big')

        when:
        def fromFile = c.upload('big.bin', big)
        def fromStream = c.upload('stream.bin', new PatternStream(size), size)
        def back = c.download('big.bin', dir.resolve('back.bin'))

        then:
        fromFile.bytes == size && fromFile.hash == md5
        fromStream.bytes == size && fromStream.hash == md5
        Files.size(back) == size
        md5Of(back) == md5
    }

    private static String md5Of(Path p) {
        def md = MessageDigest.getInstance('MD5')
        new DigestInputStream(Files.newInputStream(p), md).withCloseable { it.transferTo(OutputStream.nullOutputStream()) }
        md.digest().encodeHex().toString()
    }

    /** The bytes of big.bin, made up as they are read: 1 MiB of 0, of 1, ... */
    static class PatternStream extends InputStream {
        final long size
        long position

        PatternStream(long size) { this.size = size }

        @Override
        int read() {
            position < size ? (int) ((position++ >> 20) & 0xff) : -1
        }

        @Override
        int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1
            }
            int n = (int) Math.min(len, Math.min(size - position, (1 << 20) - (position & 0xfffff)))
            Arrays.fill(b, off, off + n, (byte) (position >> 20))
            position += n
            n
        }
    }
}
