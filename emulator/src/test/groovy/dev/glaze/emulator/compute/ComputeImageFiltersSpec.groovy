package dev.glaze.emulator.compute

import spock.lang.Specification

import static dev.glaze.emulator.compute.ComputeTargets.INSTANCE
import static dev.glaze.emulator.compute.ComputeTargets.id

/** Filters, paging, microversions and faults of the Compute image listing. */
class ComputeImageFiltersSpec extends Specification {

    def "filter #query lists #expected on #target"() {
        when:
        def r = target.get("/compute/v2/p1/images?${query}")

        then:
        r.status == 200
        r.json.images*.name == names

        where:
        [target, row] << [ComputeTargets.all(), [
                [query: 'name=ubuntu-11.04-kernel', up: ['kernel'], rax: ['kernel']],
                [query: 'name=ubuntu', up: [], rax: []],
                // Compute status values, lower-cased for Glance
                [query: 'status=ACTIVE', up: ['server'], rax: ['server', 'hidden']],
                [query: 'status=queued', up: ['initrd'], rax: ['initrd']],
                [query: 'status=SAVING', up: [], rax: []], // Glance has no such status
                [query: 'changes-since=2011-02-05T00:00:00Z', up: ['server', 'initrd', 'kernel'],
                 rax: ['server', 'initrd', 'kernel']],
                [query: 'changes-since=2011-02-06', up: ['server', 'initrd'], rax: ['server', 'initrd']],
                [query: 'type=snapshot', up: ['initrd'], rax: ['initrd']],
                [query: "server=${INSTANCE}", up: ['initrd'], rax: ['initrd']],
                [query: "server=http://compute/v2/p1/servers/${INSTANCE}", up: ['initrd'], rax: ['initrd']],
                [query: 'minRam=512', up: ['server', 'kernel'], rax: ['server', 'kernel']],
                [query: 'minDisk=20', up: ['server'], rax: ['server']],
                [query: 'minRam=512&name=ubuntu-11.04-server', up: ['server'], rax: ['server']],
                [query: 'property-image_type=base', up: ['server'], rax: ['server']],
                // upstream Nova strips the prefix with lstrip('property-'): os_type becomes s_type, matching nothing
                [query: 'property-os_type=linux', up: [], rax: ['server']],
                // unknown parameters are no filters
                [query: 'colour=blue', up: ['server', 'initrd', 'kernel', 'retired'],
                 rax: ['server', 'initrd', 'kernel', 'retired', 'hidden']],
        ]].combinations()
        query = row.query
        expected = target.openstack ? row.up : row.rax
        names = expected.collect { ComputeTargets.SEEDED[it].name }
    }

    def "a full page links to the next one on #target (#collection)"() {
        when:
        def first = target.get("/compute/v2/p1/${collection}?limit=3&name=ubuntu-11.04-kernel")

        then: 'one image matches: the page is not full, no link'
        first.status == 200
        first.json.images.size() == 1
        !first.json.containsKey('images_links')

        when:
        def page1 = target.get("/compute/v2/p1/${collection}?changes-since=2011-02-05T00:00:00Z&limit=2&colour=a+b")

        then: 'parameters sorted by key, encoded as Python does, marker last when the request had none'
        page1.json.images*.id == [id('server'), id('initrd')]
        page1.json.images_links == [[rel: 'next', href: "${target.url}/compute/v2/p1/${collection}".toString() +
                "?changes-since=2011-02-05T00%3A00%3A00Z&colour=a+b&limit=2&marker=${id('initrd')}"]]

        when:
        def page2 = target.get(path(target, page1.json.images_links[0].href))

        then: 'the rest, on a page that is not full'
        page2.json.images*.id == [id('kernel')]
        !page2.json.containsKey('images_links')

        where:
        [target, collection] << [ComputeTargets.all(), ['images', 'images/detail']].combinations()
    }

    def "after a full last page comes an empty one without a link on #target"() {
        when:
        def page1 = target.get('/compute/v2/p1/images?name=ubuntu-11.04-kernel&limit=1')

        then:
        page1.json.images*.id == [id('kernel')]
        page1.json.images_links[0].href.endsWith("marker=${id('kernel')}")

        when:
        def page2 = target.get(path(target, page1.json.images_links[0].href))

        then:
        page2.status == 200
        page2.json == [images: []]

        where:
        target << ComputeTargets.all()
    }

    def "a marker replaces the one in the next link at its sorted place on #target"() {
        when:
        def r = target.get("/compute/v2/p1/images?marker=${id('server')}&limit=2")

        then:
        r.json.images*.id == [id('initrd'), id('kernel')]
        r.json.images_links[0].href == "${target.url}/compute/v2/p1/images?limit=2&marker=${id('kernel')}"

        where:
        target << ComputeTargets.all()
    }

    def "limit 0 means no limit on #target"() {
        when:
        def r = target.get('/compute/v2/p1/images?limit=0')

        then:
        r.json.images.size() == ComputeTargets.listed(target).size()
        !r.json.containsKey('images_links')

        where:
        target << ComputeTargets.all()
    }

    def "a bad #query is 400 badRequest '#message' on #target"() {
        when:
        def r = target.get("/compute/v2/p1/images?${query}")

        then:
        r.status == 400
        r.header('Content-Type') == 'application/json; charset=UTF-8'
        r.json == [badRequest: [code: 400, message: message]]

        where:
        [target, row] << [ComputeTargets.all(), [
                [query: 'limit=abc', message: 'Invalid input received: limit must be an integer'],
                [query: 'limit=-1', message: 'Invalid input received: limit must be >= 0'],
                [query: 'limit=', message: 'Invalid input received: limit must be an integer'],
                [query: 'offset=x', message: 'Invalid input received: offset must be an integer'],
                [query: 'minRam=lots', message: 'Invalid input received: minRam must be an integer'],
                [query: 'minDisk=1.5', message: 'Invalid input received: minDisk must be an integer'],
                [query: 'marker=00000000-0000-0000-0000-000000000000',
                 message: 'No image found with ID 00000000-0000-0000-0000-000000000000 (HTTP 400)'],
                [query: "marker=${id('secret')}", message: "No image found with ID ${id('secret')} (HTTP 400)"],
                [query: 'changes-since=yesterday',
                 message: 'Bad "updated_at" query filter format. Use ISO 8601 DateTime notation. (HTTP 400)'],
        ]].combinations()
        query = row.query
        message = row.message.toString()
    }

    def "v2.1 announces its microversion, and #header gives #status on #target"() {
        when:
        def r = target.get('/compute/v2.1/p1/images', ['OpenStack-API-Version': header])

        then:
        r.status == status
        if (status == 200) {
            assert r.header('OpenStack-API-Version') == "compute ${version}"
            assert r.header('X-OpenStack-Nova-API-Version') == version
        } else {
            assert r.text == body
        }

        where:
        [target, row] << [ComputeTargets.all(), [
                [header: null, status: 200, version: '2.1'],
                [header: 'compute 2.35', status: 200, version: '2.35'],
                [header: 'volume 3.0, compute 2.20', status: 200, version: '2.20'],
                // the image proxy is gone from 2.36 on
                [header: 'compute 2.36', status: 404,
                 body: '{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}'],
                [header: 'compute latest', status: 404,
                 body: '{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}'],
                [header: 'compute two', status: 400, body: '{"badRequest": {"code": 400, "message": ' +
                        '"API Version String two is of invalid format. Must be of format MajorNum.MinorNum."}}'],
                [header: 'compute 3.0', status: 406, body: '{"computeFault": {"code": 406, "message": ' +
                        '"Version 3.0 is not supported by the API. Minimum is 2.1 and maximum is 2.93."}}'],
        ]].combinations()
        header = row.header
        status = row.status
        version = row.version
        body = row.body
    }

    def "the legacy X-OpenStack-Nova-API-Version header counts on v2.1 and is ignored on v2 on #target"() {
        expect:
        target.get('/compute/v2.1/p1/images', ['X-OpenStack-Nova-API-Version': '2.40']).status == 404
        with(target.get('/compute/v2/p1/images', ['X-OpenStack-Nova-API-Version': '2.40'])) {
            status == 200
            header('X-OpenStack-Nova-API-Version') == null
        }

        where:
        target << ComputeTargets.all()
    }

    def "what the Compute API has no route for is 404 on #target (#method #path)"() {
        when:
        def r = target.send(method, path, null, [Accept: 'application/json'])

        then:
        r.status == 404
        r.message == 'The resource could not be found.'

        where:
        [target, row] << [ComputeTargets.all(), [
                [method: 'GET', path: '/compute'],
                [method: 'GET', path: '/compute/v2/p1/servers'],
                [method: 'GET', path: '/compute/v3/p1/images'],
                [method: 'GET', path: '/compute/v2/p1/images/x/metadata'],
                [method: 'POST', path: '/compute/v2/p1/images'],
                [method: 'DELETE', path: "/compute/v2/p1/images/${ComputeTargets.id('server')}"],
        ]].combinations()
        method = row.method
        path = row.path.toString()
    }

    private static String path(target, String href) {
        assert href.startsWith(target.url.toString())
        href.substring(target.url.toString().length())
    }
}
