package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

import static dev.glaze.emulator.contract.ListingFixtures.*

/** Listing order: sort_key/sort_dir, sort=, and the tie-breakers, on every target. */
class ListingSortContractSpec extends Specification {

    def "sorting by #query on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&limit=100&${query}")

        then:
        numbers(r, b) == (target.openstack ? up : rax)

        where: 'Icehouse knows one sort_key and one sort_dir: further ones, and sort=, are filters that match nothing'
        [target, row] << [Targets.all(), [
                [query: 'sort_key=name&sort_dir=asc', up: range(0, 29), rax: range(0, 29)],
                [query: 'sort_key=name', up: range(29, 0), rax: range(29, 0)],
                [query: 'sort_key=created_at&sort_dir=asc', up: range(0, 29), rax: range(0, 29)],
                // one direction given: the created_at and id tie-breakers take it too
                [query: 'sort_key=disk_format&sort_dir=asc', up: QCOW2.reverse() + RAW.reverse() + VHD.reverse(),
                 rax  : QCOW2.reverse() + RAW.reverse() + VHD.reverse()],
                [query: 'sort=disk_format:asc', up: QCOW2.reverse() + RAW.reverse() + VHD.reverse(), rax: []],
                [query: 'sort=disk_format', up: VHD + RAW + QCOW2, rax: []],
                [query: 'sort=disk_format:asc,name:desc', up: QCOW2 + RAW + VHD, rax: []],
                [query: 'sort_key=disk_format&sort_key=name&sort_dir=asc&sort_dir=desc', up: QCOW2 + RAW + VHD, rax: []],
                [query: 'sort_key=status&sort_key=name&sort_dir=asc', up: range(0, 29), rax: []],
                [query: 'sort_key=min_ram&sort_dir=desc', up: null, rax: range(29, 0)], // upstream: 400
        ]].combinations().findAll { Target t, Map row -> (t.openstack ? row.up : row.rax) != null }
        query = row.query
        up = row.up
        rax = row.rax
    }

    def "sort_key=id sorts by id upstream, and by created_at first on Icehouse, on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&limit=100&sort_key=id&sort_dir=asc")

        then:
        r.json.images*.id == (target.openstack ? b.ids.sort(false) : b.ids)

        where:
        target << Targets.all()
    }
}
