package dev.glaze.core.contract

import dev.glaze.core.Cloud
import dev.glaze.core.NotFoundException
import dev.glaze.core.images.NoSuchImageException
import dev.glaze.core.testing.Targets
import spock.lang.Specification
import spock.lang.Unroll
import spock.lang.Shared
import dev.glaze.core.testing.FileServer
import dev.glaze.core.tasks.AwaitOptions
import java.time.Duration

/**
 * What the client does, run against the embedded service and, in CI, a real Glance: the same assertions on every
 * target, so the client cannot come to depend on something only the emulator does.
 */
class ClientContractSpec extends Specification {
    static final byte[] RAW = (0..<65536).collect { (byte) (it % 253) } as byte[]
    @Shared @spock.lang.AutoCleanup FileServer files = new FileServer('/disk.raw': RAW)

    static String unique(String base) {
        "$base-${UUID.randomUUID().toString()[0..7]}"
    }

    @Unroll
    def "#target.name: create, read, patch (add, replace, remove) and delete an image"() {
        given:
        Cloud cloud = target.cloud()
        def name = unique('contract')
        def image = cloud.images().create(name: name, diskFormat: 'raw', containerFormat: 'bare', release: '1', gone: 'x')

        when:
        image.update {
            minDisk = 7
            release = '2'
            delegate['added'] = 'yes'
            delegate.remove('gone')
            tags += ['t1', 't2']
        }
        def fresh = cloud.images().byId(image.id)

        then:
        fresh.name == name
        fresh.minDisk == 7
        fresh.release == '2'
        fresh.added == 'yes'
        !fresh.has('gone')
        fresh.tags.toSet() == ['t1', 't2'] as Set
        cloud.images().named(name).id == image.id

        when:
        image.delete()
        cloud.images().byId(image.id)

        then:
        thrown(NoSuchImageException)

        where:
        target << Targets.all()
    }

    @Unroll
    def "#target.name: a filtered listing with repeated tags pages correctly"() {
        given:
        Cloud cloud = target.cloud()
        def tag = unique('tag')
        def made = (1..5).collect { n ->
            cloud.images().create(name: unique("page-$n"), tags: n % 2 ? [tag, 'odd'] : [tag])
        }

        when:
        def odd = cloud.images().where(tag: [tag, 'odd'], limit: 1).toList()
        def all = cloud.images().where(tag: tag, limit: 2, sort: 'name:asc').toList()

        then:
        odd*.id.toSet() == made.findAll { it.tags.contains('odd') }*.id.toSet()
        all*.id == made.sort { it.name }*.id

        cleanup:
        made*.delete()

        where:
        target << Targets.all()
    }

    @Unroll
    def "#target.name: tags one at a time, and a missing one is NotFound"() {
        given:
        def image = target.cloud().images().create(name: unique('tags'))

        when:
        image.addTag('alpha').addTag('beta')
        image.removeTag('alpha')

        then:
        target.cloud().images().byId(image.id).tags == ['beta']

        when:
        image.removeTag('never-there')

        then:
        thrown(NotFoundException)

        cleanup:
        image?.delete()

        where:
        target << Targets.all()
    }

    @Unroll
    def "#target.name: image data goes up and comes back verified"() {
        given:
        def dir = java.nio.file.Files.createTempDirectory('contract-data')
        def source = dir.resolve('disk.raw')
        byte[] bytes = new byte[2 * 1024 * 1024 + 17]
        new Random(42).nextBytes(bytes)
        java.nio.file.Files.write(source, bytes)
        def seen = []
        def image = target.cloud().images().create(name: unique('data'), diskFormat: 'raw', containerFormat: 'bare')

        when:
        image.upload(source)
        def copy = image.download(dir.resolve('copy.raw'), { seen << it } as java.util.function.Consumer)

        then:
        image.status == 'active'
        image.size == bytes.length
        java.nio.file.Files.readAllBytes(copy) == bytes
        seen.last().done
        seen.last().verified
        seen.last().verifiedWith == (target.openstack ? 'sha512' : 'md5')

        cleanup:
        image?.delete()
        dir.toFile().deleteDir()

        where:
        target << Targets.all()
    }

    @Unroll
    def "#target.name: a legacy import task from an http URL is awaited, and its image holds the data"() {
        given:
        def url = files.url('/disk.raw')
        def options = AwaitOptions.builder().poll(Duration.ofMillis(200)).maxPoll(Duration.ofSeconds(1))
                .timeout(Duration.ofMinutes(2)).build()
        def name = unique('imported')

        when:
        def done = target.cloud().tasks().importImage(from: url, name: name, format: 'raw').await(options)
        def image = done.image

        then:
        done.status == 'success'
        image.name == name
        image.status == 'active'
        image.size == RAW.length
        image.checksum == java.security.MessageDigest.getInstance('MD5').digest(RAW).encodeHex().toString()

        cleanup:
        image?.delete()

        where:
        target << Targets.all().findAll { it.openstack }
    }
}
