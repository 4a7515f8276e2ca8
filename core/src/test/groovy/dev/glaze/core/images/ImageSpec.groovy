package dev.glaze.core.images

import dev.glaze.core.Cloud
import dev.glaze.core.ConflictException
import dev.glaze.core.ForbiddenException
import dev.glaze.core.GlazeException
import dev.glaze.core.NotFoundException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Instant
import java.util.concurrent.CopyOnWriteArrayList

/** One image's attributes, changes, tags and life cycle, against the embedded service in both profiles. */
class ImageSpec extends Specification {
    @Shared @AutoCleanup Emulator openstack = Emulator.start(profile: 'openstack')
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace')
    @Shared List<String> log = new CopyOnWriteArrayList()

    Cloud cloud(String profile) {
        Cloud.builder().endpoint((profile == 'openstack' ? openstack : rackspace).url).project('local')
                .httpLog({ log << it }).build()
    }

    int patches() {
        log.count { it.startsWith('> PATCH') }
    }

    def setup() {
        log.clear()
    }

    @Unroll
    def "#profile: typed getters read what the service holds"() {
        given:
        def before = Instant.now().minusSeconds(2)
        def image = cloud(profile).images().create(name: 'typed', diskFormat: 'raw', containerFormat: 'bare',
                minDisk: 10, minRam: 512, tags: ['a', 'b'], os_distro: 'ubuntu')

        expect:
        image.id ==~ /[0-9a-f-]{36}/
        image.name == 'typed'
        image.status == 'queued'
        image.visibility == (profile == 'openstack' ? 'shared' : 'private')
        !image.protected
        image.minDisk == 10
        image.minRam == 512
        image.diskFormat == 'raw'
        image.containerFormat == 'bare'
        image.tags.sort() == ['a', 'b']
        image.size == null
        image.checksum == null
        image.createdAt.isAfter(before)
        image.owner == 'local'
        image.os_distro == 'ubuntu'
        image['os_distro'] == 'ubuntu'
        image['absent'] == null
        image.custom() == [os_distro: 'ubuntu']

        where:
        profile << ['openstack', 'rackspace']
    }

    @Unroll
    def "#profile: assignments are saved as one patch; saving again sends nothing"() {
        given:
        def image = cloud(profile).images().create(name: 'patched', diskFormat: 'raw', containerFormat: 'bare',
                release: '1')

        when:
        image.name = 'patched-2'
        image.minDisk = 40
        image.release = '2'
        image['build'] = 17
        image.tags << 'gold'
        image.save()

        then:
        patches() == 1
        def fresh = cloud(profile).images().byId(image.id)
        fresh.name == 'patched-2'
        fresh.minDisk == 40
        fresh.release == '2'
        fresh['build'] == '17'
        fresh.tags == ['gold']
        !image.changed

        when:
        image.save()
        image.name = 'patched-2'
        image.save()

        then:
        patches() == 1

        where:
        profile << ['openstack', 'rackspace']
    }

    @Unroll
    def "#profile: removing a custom property sends remove"() {
        given:
        def image = cloud(profile).images().create(name: 'rm', release: '1', keep: 'yes')

        when:
        image.remove('release').save()

        then:
        !cloud(profile).images().byId(image.id).has('release')
        cloud(profile).images().byId(image.id).keep == 'yes'

        where:
        profile << ['openstack', 'rackspace']
    }

    def "a typo fails instead of becoming a new property; new ones take the explicit subscript"() {
        given:
        def image = cloud('openstack').images().create(name: 'typo')

        when:
        image.os_distor = 'ubuntu'

        then:
        def e = thrown(MissingPropertyException)
        e.message == "image ${image.id} has no property 'os_distor'; to add it, write image['os_distor'] = value"
        !image.changed

        when:
        image.nothing

        then:
        def read = thrown(MissingPropertyException)
        read.message.startsWith("image ${image.id} has no property 'nothing'; its properties: [")
    }

    def "read-only attributes are refused at once, and nothing is sent"() {
        given:
        def image = cloud('openstack').images().create(name: 'ro')

        when:
        image['checksum'] = 'abc'

        then:
        def e = thrown(GlazeException)
        e.message == "image ${image.id}: 'checksum' is read-only and cannot be changed"
        patches() == 0

        when:
        image.status = 'active'

        then:
        thrown(ReadOnlyPropertyException)
    }

    @Unroll
    def "#profile: update { } is one patch; a failing block or a refused patch leaves the image as it was"() {
        given:
        def image = cloud(profile).images().create(name: 'upd', tags: ['base'])

        when:
        image.update { name = 'upd-2'; tags += 'gold'; minDisk = 20 }

        then:
        patches() == 1
        image.name == 'upd-2'
        image.tags.sort() == ['base', 'gold']
        cloud(profile).images().byId(image.id).minDisk == 20

        when:
        image.update { name = 'never'; throw new IllegalStateException('changed my mind') }

        then:
        thrown(IllegalStateException)
        image.name == 'upd-2'
        !image.changed
        patches() == 1

        when: 'the server refuses (a negative min_disk is 400)'
        image.update { name = 'also-never'; minDisk = -1 }

        then:
        thrown(dev.glaze.core.BadRequestException)
        image.name == 'upd-2'
        cloud(profile).images().byId(image.id).name == 'upd-2'

        where:
        profile << ['openstack', 'rackspace']
    }

    def "inside update { }, names the image lacks fall through to the script's variables"() {
        given:
        def image = cloud('openstack').images().create(name: 'scoped')
        def label = 'outer'

        when:
        image.update { name = label + '-name'; label = 'changed' }

        then:
        image.name == 'outer-name'
        label == 'changed'
    }

    @Unroll
    def "#profile: tags one at a time keep other pending changes"() {
        given:
        def image = cloud(profile).images().create(name: 'tags')

        when:
        image.name = 'tags-renamed'
        image.addTag('one').addTag('two words')

        then:
        image.tags.sort() == ['one', 'two words']
        image.name == 'tags-renamed'
        image.changed

        when:
        image.removeTag('one')

        then:
        image.tags == ['two words']

        when:
        image.removeTag('missing')

        then:
        thrown(NotFoundException)

        where:
        profile << ['openstack', 'rackspace']
    }

    def "the live tag list takes Groovy's in-place sort and <<, and a tag added twice is kept once"() {
        given:
        def image = cloud('openstack').images().create(name: 'tag-list', tags: ['b', 'c'])

        when:
        image.tags << 'a'
        image.tags << 'a'
        image.tags.sort()
        image.save()

        then:
        image.tags.sort() == ['a', 'b', 'c']
        cloud('openstack').images().byId(image.id).tags.sort() == ['a', 'b', 'c']
    }

    @Unroll
    def "#profile: protected images refuse deletion; once unprotected they go"() {
        given:
        def images = cloud(profile).images()
        def image = images.create(name: 'guarded', protected: true)

        when:
        image.delete()

        then:
        def e = thrown(ForbiddenException)
        e.message == "DELETE ${images.cloud.imageEndpoint}/v2/images/${image.id}: 403 Forbidden: Image ${image.id} is protected and cannot be deleted."

        when:
        image.update { it.protected = false }
        image.delete()
        images.byId(image.id)

        then:
        thrown(NoSuchImageException)

        where:
        profile << ['openstack', 'rackspace']
    }

    def "deactivate and reactivate (upstream Glance) refresh the image"() {
        given:
        def image = cloud('openstack').images().create(name: 'deact', diskFormat: 'raw', containerFormat: 'bare')

        when:
        image.deactivate()

        then: 'only active images can be deactivated'
        def e = thrown(ForbiddenException)
        e.serverMessage() == "Not allowed to deactivate image in status 'queued'"
    }

    def "Rackspace refuses to add a property that exists; glaze replaces what exists, so a patch never trips on it"() {
        given:
        def image = cloud('rackspace').images().create(name: 'rax', release: '1')

        when:
        image.release = '2'
        def ops = image.pendingPatch().operations()*.op()
        image.save()

        then:
        ops == ['replace']
        image.release == '2'
    }

    def "a stale image whose property was removed elsewhere: the server's 409 reaches the caller, the change stays pending"() {
        given:
        def images = cloud('openstack').images()
        def mine = images.create(name: 'stale', release: '1')
        images.byId(mine.id).remove('release').save()

        when:
        mine.release = '2'
        mine.save()

        then:
        def e = thrown(ConflictException)
        e.serverMessage().contains('release')
        mine.changed
    }
}
