package dev.glaze.core.replication

import dev.glaze.core.Cloud
import dev.glaze.core.auth.Authenticators
import dev.glaze.core.images.Image
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * image.replicate(to: regions) on the embedded service with three regions: on Rackspace by export, a copy of the
 * object between the regions' Cloud Files and an import; on upstream Glance by download and upload. Idempotent,
 * dry-run, failures kept to their row, and nothing left behind in the object stores.
 */
class ReplicationSpec extends Specification {
    static final String KEY = '0123456789abcdef0123456789abcdef'
    static final String USERS = '''{"users": [{"name": "ops", "apiKey": "0123456789abcdef0123456789abcdef",
       "project": {"id": "4242", "name": "ops-account"}, "defaultRegion": "DFW"}]}'''

    @Shared @AutoCleanup
    Emulator rackspace = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS,
            regions: ['DFW', 'ORD', 'IAD'])
    @Shared @AutoCleanup
    Emulator openstack = Emulator.start(profile: 'openstack', regions: ['RegionOne', 'RegionTwo'])

    @Shared
    Cloud dfw = Cloud.builder().authenticator(Authenticators.rackspaceApiKey("${rackspace.url}/v2.0", 'ops', KEY))
            .region('DFW').build()

    Image base(Cloud cloud, String name, int size) {
        def image = cloud.images().create(name: name, disk_format: 'vhd', container_format: 'ovf')
        def bytes = new byte[size]
        new Random(name.hashCode()).nextBytes(bytes)
        image.upload(new ByteArrayInputStream(bytes), size, null)
        image.update { it.addTag('base'); it['os_distro'] = 'ubuntu'; it['build'] = name }
    }

    List<String> objects(Cloud cloud) {
        cloud.containers().toList().collectMany { c -> c.objects().collect { "${c.name}/${it.name}".toString() } }
    }

    def "an image goes to two other regions: same name, data, tags and properties; no object left behind"() {
        given:
        def image = base(dfw, 'web-base', 3 * 1024 * 1024 + 17)

        when:
        def report = image.replicate(to: ['ORD', 'IAD'])

        then:
        report.ok
        report.rows*.outcome == [ReplicationReport.Outcome.COPIED] * 2
        report.rows*.target == ['ops-account/ORD', 'ops-account/IAD'] || report.rows*.target.every { it =~ /ORD|IAD/ }
        ['ORD', 'IAD'].each { region ->
            def copies = dfw.region(region).images().where(name: 'web-base').toList()
            assert copies.size() == 1
            def copy = copies[0]
            assert copy.status == 'active'
            assert copy.size == image.size
            assert copy.osHashValue == image.osHashValue
            assert copy.tags == ['base']
            assert copy['os_distro'] == 'ubuntu' && copy['build'] == 'web-base'
            assert report.rows.find { it.target.contains(region) }.targetImageId() == copy.id
        }
        ['DFW', 'ORD', 'IAD'].every { objects(dfw.region(it)).isEmpty() }

        when: 'the same again'
        def again = image.replicate(to: ['ORD', 'IAD'])

        then: 'nothing to do: the identical copies are found'
        again.rows*.outcome == [ReplicationReport.Outcome.SKIPPED] * 2
        again.rows*.note == ['identical image there'] * 2
        ['ORD', 'IAD'].every { dfw.region(it).images().where(name: 'web-base').toList().size() == 1 }
        again.toString().readLines()[0].split(/\s{2,}/) as List == ['image', 'target', 'outcome', 'target image',
                                                                      'time', 'note']
        again.toString().readLines().last() == '0 copied, 2 skipped, 0 would copy, 0 failed'
    }

    def "an identical copy whose tags and properties were lost (a run cut short) gets them on the next run"() {
        given: 'a copy in ORD with the data but without what the source carries, and the source changed since'
        def image = base(dfw, 'app-base', 5000)
        image.replicate(to: ['ORD'])
        def copy = dfw.region('ORD').images().named('app-base')
        copy.update { it.tags = ['ord-only']; it.remove('os_distro'); it.minDisk = 0 }
        image.update { it.minDisk = 15; it['build'] = 'app-base-2' }

        when:
        def dry = image.replicate(to: ['ORD'], dryRun: true)
        def report = image.replicate(to: ['ORD'])

        then: 'what the copy lacks is added; what only the copy has stays'
        dry.rows[0].note() == 'identical image there; its tags and properties would be brought up to date'
        report.rows*.outcome == [ReplicationReport.Outcome.SKIPPED]
        report.rows[0].note() == 'identical image there; its tags and properties were brought up to date'
        with(copy.refresh()) {
            tags.sort() == ['base', 'ord-only']
            it['os_distro'] == 'ubuntu'
            it['build'] == 'app-base-2'
            minDisk == 15
        }
        image.replicate(to: ['ORD']).rows[0].note() == 'identical image there'
    }

    def "an import that outlasts the timeout keeps its object, which it still reads, and says so"() {
        given: 'another cloud whose tasks take seconds at each step'
        def slow = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS, regions: ['DFW', 'ORD'],
                taskDelay: java.time.Duration.ofSeconds(3))
        def target = Cloud.builder().authenticator(Authenticators.rackspaceApiKey("${slow.url}/v2.0", 'ops', KEY))
                .region('ORD').build()
        def image = base(dfw, 'slow-base', 3000)

        when:
        def report = image.replicate(to: [target], timeout: java.time.Duration.ofSeconds(1))

        then:
        report.rows*.outcome == [ReplicationReport.Outcome.FAILED]
        report.rows[0].note() =~ /\(import\) is still \w+ after 1 s.*; the object glaze-replication\/\S+ was kept for it: run the replication again once the task has ended/
        objects(target).size() == 1

        cleanup:
        slow?.close()
    }

    def "a dry run asked for as anything but true or false is refused before anything is copied"() {
        given:
        def image = base(dfw, 'strict-base', 1000)

        when:
        image.replicate(to: ['ORD'], dryRun: 'yes')

        then:
        def e = thrown(dev.glaze.core.GlazeException)
        e.message == "replicate dryRun: true or false, not 'yes'"
        dfw.region('ORD').images().where(name: 'strict-base').toList().isEmpty()

        when:
        image.replicate(to: ['ORD'], concurrency: 'four')

        then:
        def c = thrown(dev.glaze.core.GlazeException)
        c.message == "replicate concurrency: a whole number, not 'four'"
    }

    def "a dry run says what would be copied and changes nothing"() {
        given:
        def image = base(dfw, 'db-base', 4096)
        def tasksBefore = dfw.tasks().toList().size()

        when:
        def report = image.replicate(to: ['ORD', 'IAD', 'DFW'], dryRun: true)

        then:
        report.rows*.outcome == [ReplicationReport.Outcome.WOULD_COPY, ReplicationReport.Outcome.WOULD_COPY,
                                 ReplicationReport.Outcome.SKIPPED]
        dfw.tasks().toList().size() == tasksBefore
        ['ORD', 'IAD'].every { dfw.region(it).images().where(name: 'db-base').toList().isEmpty() }
    }

    def "a target that fails is its own row; the others are copied"() {
        given:
        def image = base(dfw, 'cache-base', 8192)
        def unreachable = Cloud.connect('http://127.0.0.1:9', 'token')

        when:
        def report = image.replicate(to: [unreachable, 'IAD'], concurrency: 2)

        then:
        !report.ok
        report.rows*.outcome == [ReplicationReport.Outcome.FAILED, ReplicationReport.Outcome.COPIED]
        report.failed[0].note() =~ /127\.0\.0\.1:9/
        dfw.region('IAD').images().where(name: 'cache-base').toList().size() == 1
    }

    def "on upstream Glance the data goes by download and upload, several images at once"() {
        given:
        def one = openstack.cloud(region: 'RegionOne')
        def two = openstack.cloud(region: 'RegionTwo')
        def images = (1..3).collect { base(one, "os-base-$it", 10_000 * it) }

        when:
        def report = images.replicate(to: [two], concurrency: 3)

        then:
        report.rows*.outcome == [ReplicationReport.Outcome.COPIED] * 3
        images.every { image ->
            def copy = two.images().where(name: image.name).toList()
            copy.size() == 1 && copy[0].osHashValue == image.osHashValue && copy[0].tags == ['base']
        }

        expect: 'a second run finds them all'
        images.replicate(to: [two]).rows*.outcome == [ReplicationReport.Outcome.SKIPPED] * 3
    }

    def "nothing to replicate is an empty report; a target named twice is copied to once"() {
        given:
        def image = base(dfw, 'twice', 2048)

        when:
        def none = [].replicate(to: ['ORD'])
        def report = image.replicate(to: ['IAD', 'IAD', dfw.region('IAD')])

        then:
        none.rows.isEmpty() && none.ok
        report.rows*.outcome == [ReplicationReport.Outcome.COPIED]
        dfw.region('IAD').images().where(name: 'twice').toList().size() == 1
    }

    def "each image's export is deleted once its last target has it, not only when the whole run ends"() {
        given: 'a source whose requests are logged, and three images'
        List<String> log = Collections.synchronizedList([])
        def source = Cloud.builder().authenticator(Authenticators.rackspaceApiKey("${rackspace.url}/v2.0", 'ops', KEY))
                .region('DFW').httpLog { String line -> log << line }.build()
        def images = (1..3).collect { base(source, "early-$it", 5000 + it) }
        log.clear()

        when: 'one copy at a time, so the order is fixed: image 1 to ORD and IAD, then image 2, then image 3'
        def report = images.replicate(to: ['ORD', 'IAD'], concurrency: 1)

        then:
        report.rows*.outcome == [ReplicationReport.Outcome.COPIED] * 6
        def sent = log.findAll { it.startsWith('> ') }
        // the export object in the source's store (its copies in ORD and IAD have the same name)
        def deleted = { Image i ->
            sent.findIndexOf { it ==~ /> DELETE \S*\/DFW\/v1\/\S*\/glaze-replication\/${i.id}\.vhd.*/ }
        }
        def exported = { Image i -> sent.findIndexOf { it.startsWith('> POST') && it.contains('"image_uuid":"' + i.id) } }
        images.every { deleted(it) > 0 && exported(it) >= 0 }
        deleted(images[0]) < exported(images[1])
        deleted(images[1]) < exported(images[2])
        ['DFW', 'ORD', 'IAD'].every { objects(dfw.region(it)).isEmpty() }

        and: 'a run with keepObjects keeps them all'
        images.each { i -> ['ORD', 'IAD'].each { r -> dfw.region(r).images().where(name: i.name).each { it.delete() } } }
        def kept = images.replicate(to: ['ORD', 'IAD'], concurrency: 1, keepObjects: true)
        kept.ok
        images.every { i -> objects(dfw).contains("glaze-replication/${i.id}.vhd".toString()) }

        cleanup:
        ['DFW', 'ORD', 'IAD'].each { r ->
            dfw.region(r).containers().find('glaze-replication').ifPresent { c -> c.objects().each { it.delete() } }
        }
    }

    def "an image that is not active is refused in its row"() {
        given:
        def queued = dfw.images().create(name: 'empty', disk_format: 'vhd', container_format: 'ovf')

        when:
        def report = queued.replicate(to: ['ORD'])

        then:
        report.rows[0].outcome() == ReplicationReport.Outcome.FAILED
        report.rows[0].note() == 'only active images can be replicated; this one is queued'
    }

    def "unknown options and a missing to: are one-line errors"() {
        given:
        def image = dfw.images().create(name: 'x', disk_format: 'vhd', container_format: 'ovf')

        when:
        image.replicate(too: ['ORD'])

        then:
        def e = thrown(dev.glaze.core.GlazeException)
        e.message == "replicate does not know 'too': use to, concurrency, container, keepObjects, dryRun, timeout"

        when:
        image.replicate(concurrency: 2)

        then:
        e = thrown(dev.glaze.core.GlazeException)
        e.message.startsWith('replicate needs somewhere to go')
    }
}
