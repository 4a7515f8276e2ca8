package dev.glaze.core.prune

import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.auth.Authenticators
import dev.glaze.core.images.Image
import dev.glaze.core.prune.PruneReport.Decision
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * images.prune(matching:, keep:) on the embedded service, signed in as two projects: the newest N of the project's
 * own deletable builds stay, and so does every protected, public, accepted-shared or other project's image.
 */
class PruneSpec extends Specification {
    static final String OPS_KEY = '0123456789abcdef0123456789abcdef'
    static final String OTHER_KEY = 'fedcba9876543210fedcba9876543210'
    static final String USERS = """{"users": [
       {"name": "ops", "apiKey": "$OPS_KEY", "project": {"id": "4242", "name": "ops"}, "defaultRegion": "DFW"},
       {"name": "other", "apiKey": "$OTHER_KEY", "project": {"id": "5678", "name": "other"}, "defaultRegion": "DFW"}]}"""

    @Shared @AutoCleanup
    Emulator glance = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS, regions: ['DFW'])
    @Shared @AutoCleanup
    Emulator rackspace = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS, regions: ['DFW'])

    Cloud ops = signIn(glance, 'ops', OPS_KEY)
    Cloud other = signIn(glance, 'other', OTHER_KEY)
    Cloud raxOps = signIn(rackspace, 'ops', OPS_KEY)
    Cloud raxOther = signIn(rackspace, 'other', OTHER_KEY)

    Cloud signIn(Emulator service, String user, String key) {
        Cloud.builder().authenticator(Authenticators.rackspaceApiKey("${service.url}/v2.0", user, key)).region('DFW').build()
    }

    def setup() {
        [ops, other, raxOps, raxOther].each { c ->
            c.images().findAll { it.owner == c.projectId.get() }.each { it.protected ? it.update { it.protected = false }.delete() : it.delete() }
        }
    }

    Image build(Cloud cloud, String name, boolean withData = true) {
        def image = cloud.images().create(name: name, disk_format: 'vhd', container_format: 'ovf')
        withData ? image.upload(new ByteArrayInputStream(name.bytes), name.bytes.length, null) : image
    }

    List<String> names(Cloud cloud) {
        cloud.images().findAll { it.owner == cloud.projectId.get() }*.name.sort()
    }

    def "keeps the newest N deletable builds and every protected, community, shared-and-accepted or foreign one"() {
        given: 'eight builds made in the same second: newest is by the number in the name (web-10 after web-9)'
        (3..10).each { build(ops, "web-$it") }
        ops.images().named('web-4').update { it.protected = true }
        ops.images().named('web-5').update { it.visibility = 'community' }
        def shared = ops.images().named('web-6').update { it.visibility = 'shared' }
        shared.share('5678')
        other.images().byId(shared.id).accept()
        def foreign = build(other, 'web-11').update { it.visibility = 'shared' }
        foreign.share('4242')
        ops.images().byId(foreign.id).accept()
        build(ops, 'db-1')

        when:
        def dry = ops.images().prune(matching: /web-\d+/, keep: 2, dryRun: true)

        then: 'web-11 is newest but not ops\' own; web-10 and web-9 are the two newest deletable ones'
        dry.rows*.image == ['web-11', 'web-10', 'web-9', 'web-8', 'web-7', 'web-6', 'web-5', 'web-4', 'web-3']
        dry.rows.collectEntries { [it.image(), it.decision()] } == ['web-11': Decision.KEEP, 'web-10': Decision.KEEP,
                'web-9': Decision.KEEP, 'web-8': Decision.WOULD_DELETE, 'web-7': Decision.WOULD_DELETE,
                'web-6': Decision.KEEP, 'web-5': Decision.KEEP, 'web-4': Decision.KEEP, 'web-3': Decision.WOULD_DELETE]
        dry.rows.find { it.image() == 'web-11' }.reason() == 'owned by project 5678'
        dry.rows.find { it.image() == 'web-10' }.reason() == 'one of the 2 newest'
        dry.rows.find { it.image() == 'web-6' }.reason() == 'in use: shared with 5678'
        dry.rows.find { it.image() == 'web-5' }.reason() == 'in use: community, anyone may boot it'
        dry.rows.find { it.image() == 'web-4' }.reason() == 'protected'
        dry.toString().readLines().last() == '3 would be deleted, 6 kept (dry run: nothing deleted)'
        names(ops).size() == 9

        when:
        def real = ops.images().prune(matching: /web-\d+/, keep: 2)

        then:
        real.ok
        real.deleted*.image() == ['web-8', 'web-7', 'web-3']
        real.toString().readLines().last() == '3 deleted, 6 kept'
        names(ops) == ['db-1', 'web-10', 'web-4', 'web-5', 'web-6', 'web-9']
        names(other) == ['web-11']

        when: 'again'
        def again = ops.images().prune(matching: /web-\d+/, keep: 2)

        then:
        again.deleted.isEmpty()
        again.toString().readLines().last() == '0 deleted, 6 kept'
    }

    def "on Rackspace a private image with an accepted member is in use; unfinished images are kept and do not count"() {
        given:
        (1..4).each { build(raxOps, "nightly-$it") }
        def shared = raxOps.images().named('nightly-2')
        shared.share('5678')
        raxOther.images().byId(shared.id).accept()
        build(raxOps, 'nightly-5', false)          // queued: an upload under way, or a leftover
        build(raxOps, 'nightly-6', false)

        when:
        def plan = raxOps.images().prune(matching: /nightly-\d+/, keep: 1, dryRun: true)

        then: 'the two queued ones do not push the newest active build out'
        plan.rows.collectEntries { [it.image(), it.reason()] } == [
                'nightly-6': 'not active (queued)', 'nightly-5': 'not active (queued)',
                'nightly-4': 'one of the 1 newest', 'nightly-3': 'older than the 1 newest',
                'nightly-2': 'in use: shared with 5678', 'nightly-1': 'older than the 1 newest']
        plan.rows(Decision.WOULD_DELETE)*.image() == ['nightly-3', 'nightly-1']
    }

    def "an inUse check that throws keeps the image, and says so"() {
        given:
        build(ops, 'svc-1')
        build(ops, 'svc-2')

        when:
        def report = ops.images().prune(matching: /svc-\d/, keep: 1, inUse: { throw new IllegalStateException('nova is down') })

        then:
        report.deleted.isEmpty()
        report.rows*.reason() == ['in use? the inUse check failed: nova is down'] * 2
    }

    def "images the caller says are in use stay, by a closure or by ids"() {
        given:
        def busy = (1..4).collect { build(ops, "app-$it") }[0]

        when:
        def byClosure = ops.images().prune(matching: 'app-.*', keep: 1, dryRun: true, inUse: { it.id == busy.id })
        def byIds = ops.images().prune(matching: 'app-.*', keep: 1, inUse: [busy.id])

        then:
        byClosure.rows(Decision.WOULD_DELETE)*.image() == ['app-3', 'app-2']
        byClosure.rows.find { it.image() == 'app-1' }.reason() == 'in use'
        byIds.deleted*.image() == ['app-3', 'app-2']
        names(ops) == ['app-1', 'app-4']
    }

    def "a pattern must match the whole name; nothing matching is an empty report"() {
        given:
        build(ops, 'web-1-debug')

        when:
        def report = ops.images().prune(matching: /web-\d+/, keep: 1)

        then:
        report.rows.isEmpty()
        report.toString() == '0 deleted, 0 kept\n'
        names(ops) == ['web-1-debug']
    }

    def "bad options are one line naming what to give, and delete nothing"() {
        given:
        build(ops, 'web-1')
        build(ops, 'web-2')

        when:
        ops.images().prune(options)

        then:
        def e = thrown(GlazeException)
        e.message == message
        names(ops) == ['web-1', 'web-2']

        where:
        options                               || message
        [keep: 1]                             || 'prune needs matching: the pattern of one series of build names, e.g. images.prune(matching: /web-\\d+/, keep: 3)'
        [matching: 'web-.*', keep: 0]         || 'prune keep must be 1 or more, not 0 (to delete every image of a series, delete them: images.findAll { ... }*.delete())'
        [matching: 'web-.*', keeps: 1]        || "prune does not know 'keeps': use matching, keep, dryRun, inUse"
        [matching: 'web-.*', inUse: 'web-1']  || 'prune inUse: takes a predicate of an image or a collection of image ids, not web-1'
        [matching: 'web-.*', dryRun: 'yes']   || "dryRun takes true or false, not 'yes'"
        [matching: 'web-.*', keep: 'two']     || "prune keep: a whole number, not 'two'"
    }

    def "a cloud that does not say its project is refused before anything is deleted"() {
        given:
        def anonymous = Cloud.builder().endpoint(glance.url).token('unchecked').build()

        when:
        Prune.of(anonymous.images()).matching('web-.*').run()

        then:
        def e = thrown(GlazeException)
        e.message.startsWith('prune needs to know this cloud\'s project')
    }
}
