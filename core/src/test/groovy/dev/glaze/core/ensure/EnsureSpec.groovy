package dev.glaze.core.ensure

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.ensure.Ensured.Action
import dev.glaze.core.images.AmbiguousNameException
import dev.glaze.core.testing.Emulator
import dev.glaze.core.testing.FileServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * images.ensure(name:, ...) on the embedded service: creates what is missing (with data from a file, a URL or a
 * Cloud Files object), patches only what differs, and a second run changes nothing; bad input changes nothing.
 */
class EnsureSpec extends Specification {
    @Shared @AutoCleanup Emulator openstack = Emulator.start(profile: 'openstack')
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace')
    @Shared Cloud cloud = openstack.cloud()
    @TempDir Path tmp

    def setup() {
        [cloud, rackspace.cloud()].each { c -> c.images().each { it.protected ? it.update { it.protected = false }.delete() : it.delete() } }
    }

    Path disk(String name, int size, int seed = 1) {
        def bytes = new byte[size]
        new Random(seed).nextBytes(bytes)
        Files.write(tmp.resolve(name), bytes)
    }

    def "creates the image with its data and attributes; a second run changes nothing"() {
        given:
        def file = disk('base.raw', 300_000)
        def wanted = [name: 'base', diskFormat: 'raw', containerFormat: 'bare', minDisk: 10, tags: ['base', 'linux'],
                      properties: [os_distro: 'ubuntu'], protected: true, file: file]

        when:
        Ensured first = cloud.images().ensure(wanted)

        then:
        first.action() == Action.CREATED
        first.changes() == ['uploaded base.raw', 'min_disk 0 → 10', 'os_distro ubuntu', 'protected false → true',
                            'tags + base, linux']
        with(cloud.images().named('base')) {
            status == 'active'
            size == 300_000
            minDisk == 10
            tags.sort() == ['base', 'linux']
            it['os_distro'] == 'ubuntu'
            it.protected
        }

        when:
        def updatedAt = cloud.images().named('base').updatedAt
        Ensured second = cloud.images().ensure(wanted)

        then:
        second.action() == Action.UNCHANGED
        second.changes().isEmpty()
        second.toString() == "base ${first.image().id}: unchanged"
        cloud.images().named('base').updatedAt == updatedAt
        cloud.images().where(name: 'base').toList().size() == 1
    }

    def "an existing image gets only what differs, in one patch; properties and tags not named stay"() {
        given:
        def image = cloud.images().create(name: 'web', disk_format: 'raw', container_format: 'bare', min_disk: 10,
                tags: ['old'], build: '7', owner_team: 'web')

        when:
        def e = cloud.images().ensure(name: 'web', minDisk: 20, tags: ['old', 'gold'], properties: [build: '8', os_distro: 'debian'])

        then:
        e.action() == Action.UPDATED
        e.changes() == ['build 7 → 8', 'min_disk 10 → 20', 'os_distro debian', 'tags + gold']
        e.toString() == "web ${image.id}: updated (build 7 → 8, min_disk 10 → 20, os_distro debian, tags + gold)"
        with(image.refresh()) {
            minDisk == 20
            tags.sort() == ['gold', 'old']
            it['build'] == '8'
            it['owner_team'] == 'web'
            it['os_distro'] == 'debian'
        }
    }

    def "a property given as null must not be there"() {
        given:
        def image = cloud.images().create(name: 'tmp', disk_format: 'raw', container_format: 'bare', scratch: 'yes')

        expect:
        cloud.images().ensure(name: 'tmp', properties: [scratch: null]).changes() == ['scratch removed']
        !image.refresh().has('scratch')
        cloud.images().ensure(name: 'tmp', properties: [scratch: null]).action() == Action.UNCHANGED
    }

    def "a dry run says what would change and changes nothing"() {
        given:
        def image = cloud.images().create(name: 'web', disk_format: 'raw', container_format: 'bare', min_disk: 10)

        when:
        def update = cloud.images().ensure(name: 'web', minDisk: 20, dryRun: true)
        def create = cloud.images().ensure(name: 'db', diskFormat: 'raw', containerFormat: 'bare', minDisk: 5,
                file: disk('db.raw', 1000), dryRun: true)

        then:
        update.toString() == "web ${image.id}: would be updated (min_disk 10 → 20)"
        image.refresh().minDisk == 10
        create.image() == null
        create.toString() == 'db: would be created (uploaded db.raw, disk_format raw, container_format bare, min_disk 5)'
        cloud.images().where(name: 'db').toList().isEmpty()
    }

    def "an image left without data (a run that stopped after creating it) gets its data on the next run"() {
        given:
        def leftover = cloud.images().create(name: 'half', disk_format: 'raw', container_format: 'bare')

        when:
        def e = cloud.images().ensure(name: 'half', diskFormat: 'raw', containerFormat: 'bare', file: disk('half.raw', 5000))

        then:
        e.action() == Action.UPDATED
        e.changes() == ['uploaded half.raw']
        e.image().id == leftover.id
        leftover.refresh().status == 'active'
        leftover.size == 5000
    }

    def "other data in the existing image is an error that changes nothing"() {
        given:
        def file = disk('v1.raw', 4000, 1)
        cloud.images().ensure(name: 'app', diskFormat: 'raw', containerFormat: 'bare', file: file)

        when:
        cloud.images().ensure(name: 'app', minDisk: 30, file: disk('v2.raw', 4000, 2))

        then:
        def e = thrown(GlazeException)
        e.message ==~ /ensure 'app': image \S+ has other data \(its sha512 is not that of .*v2.raw\); an image's data cannot be replaced: delete it, or give the new data another name/
        cloud.images().named('app').minDisk == 0

        when: 'another size is told by the size alone'
        cloud.images().ensure(name: 'app', file: disk('v3.raw', 10))

        then:
        def s = thrown(GlazeException)
        s.message.contains('has a size of 4000 bytes, not the 10 of')
    }

    def "the service downloads the data from a URL (web-download) when the image is new"() {
        given:
        def bytes = new byte[20_000]
        new Random(5).nextBytes(bytes)
        def files = new FileServer(['/cirros.raw': bytes])

        when:
        def e = cloud.images().ensure(name: 'cirros', diskFormat: 'raw', containerFormat: 'bare',
                url: files.url('/cirros.raw'), tags: ['test'])
        def again = cloud.images().ensure(name: 'cirros', url: files.url('/cirros.raw'), tags: ['test'])

        then:
        e.action() == Action.CREATED
        e.changes()[0] == "imported from ${files.url('/cirros.raw')}"
        e.image().status == 'active'
        e.image().size == 20_000
        again.action() == Action.UNCHANGED

        cleanup:
        files?.close()
    }

    def "an import that outlasts the timeout keeps its image, which the next run finds"() {
        given: 'a web server that takes 3 s to answer'
        def bytes = new byte[5000]
        def slow = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        slow.createContext('/slow.raw') { ex ->
            Thread.sleep(3000)
            ex.sendResponseHeaders(200, bytes.length)
            ex.responseBody.withCloseable { it.write(bytes) }
        }
        slow.executor = java.util.concurrent.Executors.newCachedThreadPool()
        slow.start()
        String url = "http://127.0.0.1:${slow.address.port}/slow.raw"

        when:
        cloud.images().ensure(name: 'slow', diskFormat: 'raw', containerFormat: 'bare', url: url,
                timeout: java.time.Duration.ofSeconds(1))

        then:
        def e = thrown(GlazeException)
        e.message ==~ /ensure 'slow': image \S+ is still \w+ after 1 s.*; image \S+ is kept, and the next run of ensure finds it/

        when: 'the import ends; the next run finds that image'
        def image = cloud.images().named('slow').awaitStatus('active', java.time.Duration.ofSeconds(30))
        def again = cloud.images().ensure(name: 'slow', diskFormat: 'raw', containerFormat: 'bare', url: url)

        then:
        again.action() == Action.UNCHANGED
        again.image().id == image.id
        cloud.images().where(name: 'slow').toList().size() == 1

        cleanup:
        slow?.stop(0)
    }

    def "on Rackspace the data comes from a Cloud Files object through an import task"() {
        given:
        def rax = rackspace.cloud()
        def bytes = ('vhd' * 1000).bytes
        rax.containers().create('incoming').upload('base.vhd', new ByteArrayInputStream(bytes), bytes.length)

        when:
        def e = rax.images().ensure(name: 'rax-base', object: 'incoming/base.vhd', minDisk: 20)
        def again = rax.images().ensure(name: 'rax-base', object: 'incoming/base.vhd', minDisk: 20)

        then:
        e.action() == Action.CREATED
        e.changes() == ['imported from incoming/base.vhd', 'min_disk 0 → 20']
        e.image().status == 'active'
        again.action() == Action.UNCHANGED
        rax.images().where(name: 'rax-base').toList().size() == 1
    }

    def "bad input is one line, and nothing is created"() {
        when:
        cloud.images().ensure(args)

        then:
        def e = thrown(GlazeException)
        e.message == message
        cloud.images().toList().isEmpty()

        where:
        args                                                           || message
        [minDisk: 1]                                                   || "ensure needs the image's name, e.g. images.ensure(name: 'base-ubuntu', ...)"
        [name: 'x', file: 'no-such.raw', diskFormat: 'raw', containerFormat: 'bare'] || 'ensure \'x\': no file no-such.raw'
        [name: 'x', url: 'http://127.0.0.1:1/x', file: 'x.raw']        || "ensure takes one source of data for 'x': file, url or object"
        [name: 'x', minDisk: 'ten']                                    || "ensure minDisk: a whole number, not 'ten'"
        [name: 'x', object: 'c/o']                                     || "ensure 'x': object: imports from Cloud Files, which only Rackspace offers; on this cloud give url: (web-download) or file:"
        [name: 'x', minDsk: 1]                                         || "ensure does not know 'minDsk': use name, diskFormat, containerFormat, minDisk, minRam, visibility, protected, hidden, tags, file, url, object, dryRun, timeout, or properties: [minDsk: ...] for a property"
        [name: 'x', protected: 'yes']                                  || "ensure protected: true or false, not 'yes'"
        [name: 'x', dryRun: 1]                                         || "ensure dryRun: true or false, not '1'"
    }

    def "data without formats for a new image is refused before anything is created"() {
        when:
        cloud.images().ensure(name: 'x', file: disk('x.raw', 10))

        then:
        def e = thrown(GlazeException)
        e.message == "ensure 'x': creating it with data needs diskFormat and containerFormat, e.g. diskFormat: 'qcow2', containerFormat: 'bare'"
        cloud.images().toList().isEmpty()
    }

    def "a format of an image with data cannot change: an error before anything is patched"() {
        given:
        cloud.images().ensure(name: 'fmt', diskFormat: 'raw', containerFormat: 'bare', file: disk('f.raw', 100))

        when:
        cloud.images().ensure(name: 'fmt', diskFormat: 'qcow2', minDisk: 3)

        then:
        def e = thrown(GlazeException)
        e.message.endsWith('has disk_format raw, not qcow2, and the format of an image with data cannot change: delete it, or give the new one another name')
        cloud.images().named('fmt').minDisk == 0
    }

    def "a hidden image is found again, not made twice"() {
        when:
        def first = cloud.images().ensure(name: 'h', diskFormat: 'raw', containerFormat: 'bare', hidden: true)
        def second = cloud.images().ensure(name: 'h', diskFormat: 'raw', containerFormat: 'bare', hidden: true)

        then:
        first.action() == Action.CREATED
        second.action() == Action.UNCHANGED
        second.image().id == first.image().id
        cloud.images().where(name: 'h', os_hidden: true).toList().size() == 1
    }

    def "a queued image without formats is refused before anything is patched"() {
        given:
        def bare = cloud.images().create(name: 'nofmt')

        when:
        cloud.images().ensure(name: 'nofmt', minDisk: 7, tags: ['x'], file: disk('n.raw', 10))

        then:
        def e = thrown(GlazeException)
        e.message == "ensure 'nofmt': image ${bare.id} has no data and no formats; give diskFormat and containerFormat, e.g. diskFormat: 'qcow2', containerFormat: 'bare'"
        with(bare.refresh()) {
            minDisk == 0
            tags.isEmpty()
        }
    }

    def "on Rackspace a queued image of the name may be an import under way: refused, not replaced"() {
        given:
        def rax = rackspace.cloud()
        def queued = rax.images().create(name: 'pending-import', disk_format: 'vhd', container_format: 'ovf')

        when:
        rax.images().ensure(name: 'pending-import', object: 'incoming/base.vhd')

        then:
        def e = thrown(GlazeException)
        e.message.startsWith("ensure 'pending-import': image ${queued.id} has the name and no data;")
        rax.images().where(name: 'pending-import').toList()*.id == [queued.id]
    }

    def "another project's image of the name is not ours: ours is made beside it"() {
        given: 'a service with two projects; the other one shares an image of the name with us, and we accepted it'
        def users = '''{"users": [
            {"name": "ops", "apiKey": "k1", "project": {"id": "4242", "name": "ops"}, "defaultRegion": "DFW"},
            {"name": "other", "apiKey": "k2", "project": {"id": "5678", "name": "other"}, "defaultRegion": "DFW"}]}'''
        def two = Emulator.start(profile: 'openstack', auth: 'keystone', users: users, regions: ['DFW'])
        def signIn = { String user, String key ->
            Cloud.builder().authenticator(dev.glaze.core.auth.Authenticators.rackspaceApiKey("${two.url}/v2.0", user, key))
                    .region('DFW').build()
        }
        def theirs = signIn('other', 'k2').images().create(name: 'shared-name', disk_format: 'raw', container_format: 'bare')
                .update { it.visibility = 'shared' }
        theirs.share('4242')
        def mine = signIn('ops', 'k1')
        mine.images().byId(theirs.id).accept()      // now in our listing

        when:
        def e = mine.images().ensure(name: 'shared-name', diskFormat: 'raw', containerFormat: 'bare', minDisk: 3)

        then:
        e.action() == Action.CREATED
        e.image().id != theirs.id
        e.image().owner == '4242'
        theirs.refresh().minDisk == 0
        mine.images().where(name: 'shared-name').toList().size() == 2      // theirs is visible to us
        mine.images().ensure(name: 'shared-name', minDisk: 3).action() == Action.UNCHANGED

        cleanup:
        two?.close()
    }

    def "several images of the name are an error listing them"() {
        given:
        2.times { cloud.images().create(name: 'twin', disk_format: 'raw', container_format: 'bare') }

        when:
        cloud.images().ensure(name: 'twin', minDisk: 1)

        then:
        thrown(AmbiguousNameException)
        cloud.images().where(name: 'twin').every { it.minDisk == 0 }
    }

    def "Java: the same through the builder"() {
        when:
        def e = EnsureImage.named('j').formats('raw', 'bare').minDisk(2).tag('java').property('k', 'v')
                .in(cloud.images())

        then:
        e.action() == Action.CREATED
        e.changes() == ['no data', 'k v', 'min_disk 0 → 2', 'tags + java']
        cloud.images().named('j').status == 'queued'
    }
}
