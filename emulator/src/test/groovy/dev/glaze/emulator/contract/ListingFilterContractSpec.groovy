package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

import static dev.glaze.emulator.contract.ListingFixtures.*

/** Listing filters and their errors, on every target; Icehouse (rackspace) lacks several of upstream's. */
class ListingFilterContractSpec extends Specification {

    def "filter #query lists the right images on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&limit=100&${fill(query, b)}")

        then:
        numbers(r, b) == (target.openstack ? up : rax)

        where: 'rax differs where Icehouse lacks the feature: the key or value falls through to an equality filter'
        [target, row] << [Targets.all(), [
                [query: 'name=ls-{run}-07', up: ['07'], rax: ['07']],
                [query: 'name=in:ls-{run}-01,%22ls-{run}-02%22', up: ['02', '01'], rax: []],
                [query: 'name=in:%22ls-{run}-01,x%22,ls-{run}-02', up: ['02'], rax: []],
                [query: 'name=eq:ls-{run}-03', up: ['03'], rax: []],
                [query: 'id={id3}', up: ['03'], rax: ['03']],
                [query: 'id=in:{id3},{id4}', up: ['04', '03'], rax: []],
                [query: 'status=queued', up: ALL, rax: ALL],
                [query: 'status=active', up: [], rax: []],
                [query: 'status=in:active,queued', up: ALL, rax: []],
                [query: 'disk_format=qcow2', up: where(3, 1), rax: where(3, 1)],
                [query: 'container_format=ovf', up: where(2, 1), rax: where(2, 1)],
                [query: 'owner={owner}', up: ALL, rax: ALL],
                [query: 'owner=nobody', up: [], rax: []],
                [query: 'tag=ls-{run}&tag=odd&tag=a', up: ['05'], rax: ['05']],
                [query: 'tag=odd&tag=even', up: [], rax: []],
                [query: 'tags=ab', up: ['05'], rax: ['05']],    // a "tags" string is read letter by letter
                [query: 'ls_group=g1', up: where(3, 1), rax: where(3, 1)],
                [query: 'ls_group=G1', up: [], rax: []],
                [query: 'min_ram=50', up: ['05'], rax: ['05']],
                [query: 'min_disk=2', up: where(4, 2), rax: where(4, 2)],
                [query: 'min_ram_min=200&min_ram_max=250', up: range(25, 20), rax: range(25, 20)],
                [query: 'min_disk_max=0', up: where(4, 0), rax: where(4, 0)],
                [query: 'size_min=0', up: [], rax: []],         // no image has data: size is null
                [query: 'name_min=1', up: ALL, rax: ALL],       // a text column is "above" any number
                [query: 'name_max=1', up: [], rax: []],
                [query: 'protected=true', up: ['04'], rax: []],
                [query: 'protected=false', up: ALL - ['04'], rax: []],
                [query: 'os_hidden=false', up: ALL, rax: []],
                [query: 'checksum=abc', up: [], rax: []],
                [query: 'os_hash_value=abc', up: [], rax: []],
                [query: 'created_at=gt:2000-01-01T00:00:00Z', up: ALL, rax: []],
                [query: 'created_at=lt:2000-01-01T00:00:00Z', up: [], rax: []],
                [query: 'updated_at=gte:2000-01-01', up: ALL, rax: []],
                [query: 'created_at=neq:2000-01-01T00:00:00%2B02:00', up: ALL, rax: []],
                [query: 'created_at=eq:{created0}', up: [], rax: []],   // Glance stores microseconds
                [query: 'visibility=private', up: ALL, rax: ALL],
                [query: 'visibility=public', up: [], rax: []],
                [query: 'visibility=', up: [], rax: ALL],
                [query: 'member_status=all', up: ALL, rax: ALL],
                [query: 'limt=5', up: [], rax: []],             // a typo is a property filter
        ]].combinations()
        query = row.query
        up = row.up
        rax = row.rax
    }

    def "created_at=gt: with a listed timestamp includes that image, as Glance's hidden microseconds do, on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&limit=100&created_at=gt:${b.images[29].created_at}")

        then:
        numbers(r, b).contains('29')

        where:
        target << Targets.openstack()
    }

    def "#query is 400 '#message' on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&${query}", [Accept: JSON])

        then:
        r.status == (message ? 400 : 200)
        !message || r.message == message

        where: 'a null message means 200: Icehouse has no such check, and the key or value is a filter there'
        [target, row] << [Targets.all(), [
                [query: 'visibility=bogus', up: 'Invalid visibility value: bogus', rax: 'Invalid visibility value: bogus'],
                [query: 'visibility=all', up: null, rax: 'Invalid visibility value: all'],
                [query: 'visibility=community', up: null, rax: 'Invalid visibility value: community'],
                [query: 'member_status=bogus', up: 'Invalid status: bogus', rax: 'Invalid status: bogus'],
                [query: 'changes-since=2020-01-01T00:00:00Z', up: 'The "changes-since" filter is no longer available on v2.',
                 rax  : 'The "changes-since" filter is no longer available on v2.'],
                [query: 'size_min=abc', up: 'Unable to filter on a range with a non-numeric value.',
                 rax  : 'Unable to filter on a range with a non-numeric value.'],
                [query: 'protected=True', up: "Invalid value 'True' for 'protected' filter. Valid values are 'true' or 'false'.", rax: null],
                [query: 'os_hidden=maybe', up: "Invalid value 'maybe' for 'os_hidden' filter. Valid values are 'true' or 'false'.", rax: null],
                [query: 'created_at=gt:notadate', up: 'Bad "created_at" query filter format. Use ISO 8601 DateTime notation.', rax: null],
                [query: 'updated_at=bogus:2020-01-01T00:00:00Z', up: 'Unable to filter on a unknown operator.', rax: null],
                [query: 'name=foo:bar', up: "Unable to filter by unknown operator 'foo'.", rax: null],
                [query: 'name=in:a,%22b', up: 'Invalid filter value a,"b. The quote is not closed.', rax: null],
                [query: 'name=in:a%22b%22', up: 'Invalid filter value a"b". There is no comma before opening quotation mark.', rax: null],
                [query: 'name=in:%22a%22b', up: 'Invalid filter value "a"b. There is no comma after closing quotation mark.', rax: null],
                [query: 'sort_key=bogus', up: 'Invalid sort key: bogus. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.',
                 rax  : 'Sort key supplied was not valid.'],
                [query: 'sort_key=min_ram', up: 'Invalid sort key: min_ram. It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.',
                 rax  : null],
                [query: 'sort_dir=sideways', up: 'Invalid sort direction: sideways', rax: 'Invalid sort direction: sideways'],
                [query: 'sort=name:asc&sort_key=name', up: 'Old and new sorting syntax cannot be combined', rax: null],
                [query: 'sort_key=name&sort_dir=asc&sort_dir=desc', up: 'Number of sort dirs does not match the number of sort keys', rax: null],
                [query: 'sort=name:up', up: 'Invalid sort direction: up', rax: null],
                [query: 'sort=', up: 'Invalid sort key: . It must be one of the following: name, status, container_format, disk_format, size, id, created_at, updated_at.', rax: null],
        ]].combinations()
        query = row.query
        message = target.openstack ? row.up : row.rax
    }

    def "#query, on which Glance fails with 500, is 400 on #target"() {
        when:
        def r = target.get("/v2/images?${query}", [Accept: JSON])

        then:
        r.status == 400
        r.message.startsWith(message)

        where: 'the emulator answers a clear 400 where Glance crashes'
        [target, row] << [Targets.all().findAll { !it.real }, [
                [query: 'ls_group_max=3', message: "Unable to filter on a range of 'ls_group'"],
                [query: 'members=x', message: "Unable to filter on 'members'"],
                [query: 'properties=x', message: "Unable to filter on 'properties'"],
                [query: 'changes-since=', message: 'The "changes-since" filter is no longer available on v2.'],
        ]].combinations()
        query = row.query
        message = row.message
    }
}
