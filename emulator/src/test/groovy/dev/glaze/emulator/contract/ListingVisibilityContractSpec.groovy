package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import org.opentest4j.TestAbortedException
import spock.lang.Specification

import static dev.glaze.emulator.contract.ListingFixtures.*

/** Which images a listing shows to whom: visibility, projects, admins, hidden images and members, on every target. */
class ListingVisibilityContractSpec extends Specification {

    def "#who (admin: #admin) sees #upExpected upstream and #raxExpected on Icehouse with '#query' on #target"() {
        when:
        def p = projects(target)
        def r = target.get("/v2/images?ls_vis=${p.run}&${query}", p.as(who, admin))

        then:
        r.status == 200
        r.json.images*.name == (target.openstack ? upExpected : raxExpected)

        where: 'upstream has community and shared visibilities; other projects\' community images need visibility='
        [target, row] << [Targets.all(), [
                [who: 'B', admin: false, query: '', up: ['public'], rax: ['public']],
                [who: 'B', admin: false, query: 'visibility=public', up: ['public'], rax: ['public']],
                [who: 'B', admin: false, query: 'visibility=private', up: [], rax: []],
                [who: 'B', admin: false, query: 'visibility=shared', up: [], rax: []],
                [who: 'B', admin: false, query: 'visibility=community', up: ['community'], rax: null],
                [who: 'B', admin: false, query: 'visibility=all', up: ['community', 'public'], rax: null],
                [who: 'A', admin: false, query: '', up: ['shared', 'community', 'private', 'public'], rax: ['private', 'public']],
                [who: 'C', admin: true, query: '', up: ['shared', 'private', 'public'], rax: ['private', 'public']],
                [who: 'C', admin: true, query: 'visibility=all', up: ['shared', 'community', 'private', 'public'], rax: null],
                [who: 'C', admin: true, query: 'visibility=private', up: ['private'], rax: ['private']],
                [who: 'C', admin: true, query: 'visibility=community', up: ['community'], rax: null],
        ]].combinations().findAll { Target t, Map row -> (t.openstack ? row.up : row.rax) != null }
        who = row.who
        admin = row.admin
        query = row.query
        upExpected = row.up
        raxExpected = row.rax
    }

    def "a marker the caller may not see is 403 on #target"() {
        when:
        def p = projects(target)
        def r = target.get("/v2/images?marker=${p.ids.private}", p.as('B', false) + [Accept: JSON])

        then:
        r.status == 403
        r.message == "Forbidding request, image ${p.ids.private} not visible"

        where:
        target << Targets.all()
    }

    def "hidden images are listed only with os_hidden=true upstream, and like any other on Icehouse, on #target"() {
        given:
        def run = UUID.randomUUID().toString().take(8)
        // Rackspace has no os_hidden attribute; its image is an ordinary one
        def hidden = target.createImage([name: 'hidden', ls_hidden: run] + (target.openstack ? [os_hidden: true] : [:]))

        expect:
        target.get("/v2/images?ls_hidden=${run}").json.images*.id == (target.openstack ? [] : [hidden.id])
        target.get("/v2/images?ls_hidden=${run}&os_hidden=true").json.images*.id == (target.openstack ? [hidden.id] : [])
        target.get("/v2/images?ls_hidden=${run}&os_hidden=TRUE").json.images*.id == (target.openstack ? [hidden.id] : [])

        where:
        target << Targets.all()
    }

    /** Whether the target offers image members yet (the emulator gains them on another branch). */
    static boolean sharing(Target target) {
        def probe = target.createImage([name: 'ls-members-probe', visibility: target.openstack ? 'shared' : 'private'])
        def r = target.post("/v2/images/${probe.id}/members", [member: 'ls-probe'])
        target.delete("/v2/images/${probe.id}")
        r.status == 200
    }

    def "shared images are listed by the caller's member status on #target"() {
        given:
        if (!sharing(target)) {
            throw new TestAbortedException("${target} has no image members yet")
        }
        def run = UUID.randomUUID().toString().take(8)
        def owner = ['X-Project-Id': "lsO-${run}"]
        def member = ['X-Project-Id': "lsM-${run}", 'X-Roles': 'member,reader']
        def vis = target.openstack ? 'shared' : 'private'
        def pending = target.createImage([name: 'pending', visibility: vis, ls_share: run], owner)
        def accepted = target.createImage([name: 'accepted', visibility: vis, ls_share: run], owner)
        [pending, accepted].each {
            assert target.post("/v2/images/${it.id}/members", [member: "lsM-${run}"], owner).status == 200
        }
        assert target.put("/v2/images/${accepted.id}/members/lsM-${run}", [status: 'accepted'],
                member + ['Content-Type': JSON]).status == 200

        expect:
        names(target, "ls_share=${run}", member) == ['accepted']
        names(target, "ls_share=${run}&member_status=pending", member) == ['pending']
        names(target, "ls_share=${run}&member_status=all", member) == ['accepted', 'pending']
        names(target, "ls_share=${run}&member_status=rejected", member) == []
        names(target, "ls_share=${run}&visibility=shared", member) == ['accepted']
        names(target, "ls_share=${run}&visibility=shared&member_status=all", member) == ['accepted', 'pending']
        // a pending image still serves as a marker: the member may see it
        names(target, "ls_share=${run}&member_status=all&marker=${accepted.id}", member) == ['pending']

        where:
        target << Targets.all()
    }
}
