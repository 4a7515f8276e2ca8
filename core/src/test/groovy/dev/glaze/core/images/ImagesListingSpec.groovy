package dev.glaze.core.images

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.util.concurrent.CopyOnWriteArrayList

/** Listing against the embedded service in both profiles: laziness, filters, paging, lookups by name. */
class ImagesListingSpec extends Specification {
    @Shared @AutoCleanup Emulator openstack = Emulator.start(profile: 'openstack')
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace')
    @Shared Map<String, List<String>> logs = [openstack: new CopyOnWriteArrayList(), rackspace: new CopyOnWriteArrayList()]
    @Shared Map<String, Cloud> clouds = [:]

    def setupSpec() {
        [openstack: openstack, rackspace: rackspace].each { name, emulator ->
            def log = logs[name]
            clouds[name] = Cloud.builder().endpoint(emulator.url).project('local').httpLog({ log << it }).build()
            def images = clouds[name].images()
            (1..25).each { n ->
                def tags = n % 2 == 0 ? ['even', 'all'] : ['all']
                if (n % 3 == 0) {
                    tags << 'three'
                }
                images.create(name: String.format('img-%02d', n), disk_format: 'raw', container_format: 'bare',
                        min_disk: n, tags: tags, batch: n <= 10 ? 'first' : 'second')
            }
            images.create(name: 'twin', disk_format: 'raw', container_format: 'bare')
            Thread.sleep(1100) // created_at has second precision: the second twin is newer
            images.create(name: 'twin', disk_format: 'raw', container_format: 'bare')
        }
    }

    def setup() {
        logs.values()*.clear()
    }

    int requests(String profile) {
        logs[profile].count { it.startsWith('> GET') && it.contains('/v2/images?') }
    }

    @Unroll
    def "#profile: find stops at the first hit, fetching only the pages it needs"() {
        given:
        def images = clouds[profile].images().where(limit: 5, sort: 'name:asc')

        when:
        def hit = images.find { it.name == 'img-07' }

        then:
        hit.minDisk == 7
        requests(profile) == 2

        when:
        def all = images.toList()

        then:
        all*.name == (1..25).collect { String.format('img-%02d', it) } + ['twin', 'twin']
        requests(profile) == 2 + 6   // 27 images in pages of 5: five full pages, a page of 2, and no more

        where:
        profile << ['openstack', 'rackspace']
    }

    @Unroll
    def "#profile: repeated tag filters survive paging (Glance's own next link drops all but the last)"() {
        when:
        def names = clouds[profile].images().where(tag: ['even', 'three'], limit: 2).collect { it.name }

        then:
        names.sort() == ['img-06', 'img-12', 'img-18', 'img-24']

        where:
        profile << ['openstack', 'rackspace']
    }

    @Unroll
    def "#profile: lists of values and time operators: sent where the server can filter, applied here where not"() {
        when:
        def names = clouds[profile].images().where(name: ['img-01', 'img-03', 'nope'], sort: 'name:asc')*.name
        def recent = clouds[profile].images().where(created_at: 'gt:2000-01-01T00:00:00Z').toList()

        then:
        names == ['img-01', 'img-03']
        recent.size() == 27
        logs[profile].any { it.contains('name=in%3A') } == (profile == 'openstack')

        where:
        profile << ['openstack', 'rackspace']
    }

    @Unroll
    def "#profile: custom properties filter on the server, closures on each page"() {
        expect:
        clouds[profile].images().where(batch: 'first', limit: 4).filter { it.minDisk > 7 }*.name.sort() ==
                ['img-08', 'img-09', 'img-10']
        clouds[profile].images().where([batch: 'second']) { it.minDisk < 13 }*.name.sort() == ['img-11', 'img-12']

        where:
        profile << ['openstack', 'rackspace']
    }

    def "Rackspace sorts by one key only: several is a clear error before any request"() {
        when:
        clouds.rackspace.images().where(sort: 'name:asc,created_at').toList()

        then:
        def e = thrown(GlazeException)
        e.message == "this service (Rackspace, Icehouse) sorts by one key only, not name:asc,created_at; sort by one key and order the rest with Groovy's sort { }"
        requests('rackspace') == 0
    }

    def "upstream Glance sorts by several keys"() {
        expect:
        clouds.openstack.images().where(sort: 'name:desc,created_at:asc', limit: 3).take(4)*.name ==
                ['twin', 'twin', 'img-25', 'img-24']
    }

    def "a bad sort key or direction names the choices"() {
        when:
        clouds.openstack.images().where(sort: sort).first()

        then:
        def e = thrown(GlazeException)
        e.message == message

        where:
        sort          || message
        'colour'      || "cannot sort images by 'colour': sort keys are [name, status, container_format, disk_format, size, id, created_at, updated_at]"
        'name:upward' || "sort direction of 'name' is 'upward': use asc or desc"
    }

    @Unroll
    def "#profile: images['x'] takes an id or a name; a name used twice is an error listing both ids"() {
        given:
        def images = clouds[profile].images()
        def twins = images.where(name: 'twin', sort: 'created_at:asc').toList()

        expect:
        images['img-05'].minDisk == 5
        images[images['img-05'].id].name == 'img-05'
        images.named('twin', DuplicateNames.NEWEST).id == twins[1].id
        images.named('twin', DuplicateNames.OLDEST).id == twins[0].id

        when:
        images['twin']

        then:
        def e = thrown(AmbiguousNameException)
        e.message.startsWith("2 images are named 'twin': ${twins[0].id} (created ")
        e.message.contains(twins[1].id)
        e.message.endsWith('; use an id, or named(name, NEWEST|OLDEST)')

        where:
        profile << ['openstack', 'rackspace']
    }

    def "no such image: the message names what was looked for"() {
        when:
        clouds.openstack.images()[lookup]

        then:
        def e = thrown(NoSuchImageException)
        e.message == message

        where:
        lookup                                 || message
        'nothing-like-it'                      || "no image is named 'nothing-like-it' in 127.0.0.1"
        '00000000-0000-0000-0000-000000000000' || "no image is named '00000000-0000-0000-0000-000000000000' in 127.0.0.1"
    }

    def "pages() hands out whole pages"() {
        expect:
        clouds.openstack.images().where(limit: 10).pages().collect { it.size() } == [10, 10, 7]
    }
}
