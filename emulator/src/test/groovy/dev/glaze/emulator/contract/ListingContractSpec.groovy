package dev.glaze.emulator.contract

import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.Targets
import spock.lang.Specification

import static dev.glaze.emulator.contract.ListingFixtures.*

/** {@code GET /v2/images}: paging, page size, markers and the {@code first}/{@code next} links, on every target. */
class ListingContractSpec extends Specification {

    def "pages through 30 images newest first, 7 at a time, following next on #target"() {
        given:
        def b = bulk(target)
        def seen = []
        def sizes = []
        String path = "/v2/images?${b.scope()}&limit=7"

        when:
        while (path) {
            def r = target.get(path)
            seen += numbers(r, b)
            sizes << r.json.images.size()
            assert r.json.first == "/v2/images?${b.scope()}&limit=7"
            assert r.json.schema == '/v2/schemas/images'
            path = r.json.next
            if (path) {
                assert path == "/v2/images?${b.scope()}&limit=7&marker=${r.json.images[-1].id}"
            }
        }

        then:
        seen == range(29, 0)
        sizes == [7, 7, 7, 7, 2]

        where:
        target << Targets.all()
    }

    def "a page that is exactly full still has next; the page after it is empty and has none on #target"() {
        given:
        def b = bulk(target)

        when:
        def third = target.get("/v2/images?${b.scope()}&limit=10&marker=${b.ids[10]}")
        def after = target.get(third.json.next as String)

        then:
        numbers(third, b) == range(9, 0)
        third.json.next == "/v2/images?${b.scope()}&limit=10&marker=${b.ids[0]}"
        after.status == 200
        after.json.images == []
        !after.json.containsKey('next')

        where:
        target << Targets.all()
    }

    def "limit=#limit lists #count images on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}" + (limit == null ? '' : "&limit=${limit}"))

        then:
        r.status == 200
        r.json.images.size() == count
        r.json.containsKey('next') == hasNext

        where:
        [target, row] << [Targets.all(), [
                [limit: null, count: 25, hasNext: true],         // Glance's default page
                [limit: '0', count: 0, hasNext: false],
                [limit: '5000', count: 30, hasNext: false],      // clamped to 1000, silently
                [limit: '99999999999999999999', count: 30, hasNext: false],
                [limit: '1_0', count: 10, hasNext: true],        // Python's int() reads the limit
                [limit: '%2B3', count: 3, hasNext: true],
        ]].combinations()
        limit = row.limit
        count = row.count
        hasNext = row.hasNext
    }

    def "limit=#limit is 400 '#message' on #target"() {
        when:
        def r = target.get("/v2/images?limit=${limit}", [Accept: JSON])

        then:
        r.status == 400
        r.message == message

        where:
        [target, row] << [Targets.all(), [
                [limit: '-1', message: 'limit param must be positive'],
                [limit: 'abc', message: 'limit param must be an integer'],
                [limit: '', message: 'limit param must be an integer'],
        ]].combinations()
        limit = row.limit
        message = row.message
    }

    def "a marker is read by its sort values, so one the filters exclude still pages on #target"() {
        when: 'paging the g1 group from image 15, which is in g0'
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&ls_group=g1&marker=${b.ids[15]}")

        then: 'only older g1 images'
        numbers(r, b) == ['13', '10', '07', '04', '01']

        where:
        target << Targets.all()
    }

    def "marker #marker is 400 with Glance's message on #target"() {
        when:
        def r = target.get("/v2/images?marker=${marker}", [Accept: JSON])

        then:
        r.status == 400
        // upstream refuses ids longer than its id column before looking, with an unformatted message
        r.message == (marker.length() > 36 && target.openstack
                ? 'Image with the given id %(image_id)s was not found' : "No image found with ID ${marker}")

        where:
        [target, marker] << [Targets.all(), ['00000000-0000-0000-0000-000000000000', 'not-an-id',
                                             '0123456789012345678901234567890123456789']].combinations()
    }

    def "repeated parameters filter together but collapse to their last value in first and next on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?tag=ls-${b.run}&tag=even&limit=3")

        then:
        numbers(r, b) == ['28', '26', '24']
        r.json.first == '/v2/images?tag=even&limit=3'
        r.json.next == "/v2/images?tag=even&limit=3&marker=${b.ids[24]}"

        where:
        target << Targets.all()
    }

    def "a second limit is left over as a property filter and matches nothing on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&limit=2&limit=3")

        then:
        r.json.images == []
        r.json.first == "/v2/images?${b.scope()}&limit=3"

        where:
        target << Targets.all()
    }

    def "links are encoded as Python's urlencode does on #target"() {
        when:
        def b = bulk(target)
        def r = target.get("/v2/images?${b.scope()}&name=a%20b*~'!()%C3%A9&marker=${b.ids[3]}&limit=1")

        then:
        r.json.first == "/v2/images?${b.scope()}&name=a+b%2A~%27%21%28%29%C3%A9&limit=1"

        where:
        target << Targets.all()
    }

    def "a listed image is the image as GET shows it on #target"() {
        when:
        def b = bulk(target)
        def listed = target.get("/v2/images?${b.scope()}&limit=3").json.images

        then:
        listed.size() == 3
        listed.every { it == target.get("/v2/images/${it.id}").json }

        where:
        target << Targets.all()
    }
}
