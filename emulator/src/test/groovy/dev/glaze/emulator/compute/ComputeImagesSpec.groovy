package dev.glaze.emulator.compute

import dev.glaze.emulator.testing.Target
import spock.lang.Specification

import static dev.glaze.emulator.compute.ComputeTargets.INSTANCE
import static dev.glaze.emulator.compute.ComputeTargets.id
import static dev.glaze.emulator.compute.ComputeTargets.listed

/** The Compute API's image listing (seed 004, contract §14): shapes, status mapping, access, faults. */
class ComputeImagesSpec extends Specification {

    def "the v1.1 index lists id, name, self and bookmark links, newest first, as in the seed on #target"() {
        when:
        def r = target.get('/compute/v1.1/p1/images')

        then:
        r.status == 200
        r.header('Content-Type') == 'application/json'
        r.json == [images: listed(target).collect { name ->
            [id: id(name), name: ComputeTargets.SEEDED[name].name, links: [
                    [rel: 'self', href: "${target.url}/compute/v1.1/p1/images/${id(name)}".toString()],
                    [rel: 'bookmark', href: "${target.url}/compute/p1/images/${id(name)}".toString()]]]
        }]

        where:
        target << ComputeTargets.all()
    }

    def "from v2 on, each image also links to the image service on #target (#version)"() {
        when:
        def r = target.get("/compute/${version}/p1/images")

        then:
        r.status == 200
        with(r.json.images[0]) {
            id == id('server')
            links == expectedLinks(target, version, id('server'))
        }

        where:
        [target, version] << [ComputeTargets.all(), ['v2', 'v2.1']].combinations()
    }

    def "detail adds status, progress, metadata, sizes, dates and disk config on #target"() {
        when:
        def r = target.get('/compute/v2/p1/images/detail')

        then:
        r.status == 200
        r.json.images*.id == listed(target).collect { id(it) }
        r.json.images[0] == [
                id                    : id('server'), name: 'ubuntu-11.04-server', minRam: 512, minDisk: 20,
                metadata              : [image_type: 'base', os_type: 'linux', auto_disk_config: 'True'],
                created               : '2011-01-07T00:00:00Z', updated: '2011-02-07T00:00:00Z',
                status                : 'ACTIVE', progress: 100, 'OS-EXT-IMG-SIZE:size': 1024,
                links                 : expectedLinks(target, 'v2', id('server')),
                'OS-DCF:diskConfig'   : 'AUTO']
        // keys in Nova's order
        r.text.indexOf('"minRam"') < r.text.indexOf('"metadata"')
        r.text.indexOf('"progress"') < r.text.indexOf('"links"')

        where:
        target << ComputeTargets.all()
    }

    def "v1.1 detail has no extension attributes on #target"() {
        when:
        def image = target.get('/compute/v1.1/p1/images/detail').json.images[0]

        then:
        image.status == 'ACTIVE'
        !image.containsKey('OS-EXT-IMG-SIZE:size')
        !image.containsKey('OS-DCF:diskConfig')
        image.links*.rel == ['self', 'bookmark']

        where:
        target << ComputeTargets.all()
    }

    def "Glance statuses show as Nova's, with progress, on #target"() {
        when:
        def images = target.get('/compute/v2/p1/images/detail').json.images

        then:
        images.collectEntries { [it.name, "${it.status} ${it.progress}".toString()] } == [
                'ubuntu-11.04-server': 'ACTIVE 100',
                'ubuntu-11.04-initrd': 'SAVING 25',
                'ubuntu-11.04-kernel': 'UNKNOWN 0', // importing: newer than Nova's mapping
                'retired'            : 'UNKNOWN 0'] + (target.openstack ? [:] : [hidden: 'ACTIVE 100'])

        where:
        target << ComputeTargets.all()
    }

    def "an image made from a server links to it; a disk config that is not true is MANUAL on #target"() {
        when:
        def r = target.get("/compute/v2.1/p1/images/${id('initrd')}")

        then:
        r.status == 200
        r.json.image.server == [id: INSTANCE, links: [
                [rel: 'self', href: "${target.url}/compute/v2.1/p1/servers/${INSTANCE}".toString()],
                [rel: 'bookmark', href: "${target.url}/compute/p1/servers/${INSTANCE}".toString()]]]
        r.json.image['OS-DCF:diskConfig'] == 'MANUAL'
        r.json.image['OS-EXT-IMG-SIZE:size'] == 0 // no data yet: Nova reads the size as 0

        where:
        target << ComputeTargets.all()
    }

    def "one image is the detail entry wrapped in image on #target"() {
        given:
        def listedEntry = target.get('/compute/v2/p1/images/detail').json.images.find { it.id == id('retired') }

        when:
        def r = target.get("/compute/v2/p1/images/${id('retired')}")

        then:
        r.status == 200
        r.json == [image: listedEntry]
        // Nova keeps block device mappings as JSON text in Glance and shows them parsed
        r.json.image.metadata == [block_device_mapping: [[boot_index: 0]], mappings: 'not json']

        where:
        target << ComputeTargets.all()
    }

    def "a killed image is not listed but shows as ERROR on #target"() {
        expect:
        !target.get('/compute/v2/p1/images').json.images*.id.contains(id('broken'))
        with(target.get("/compute/v2/p1/images/${id('broken')}").json.image) {
            status == 'ERROR'
            progress == 0
        }

        where:
        target << ComputeTargets.all()
    }

    def "a hidden image is left out of lists upstream but shows on #target"() {
        expect:
        target.get('/compute/v2/p1/images').json.images*.id.contains(id('hidden')) == target.rackspace
        target.get("/compute/v2/p1/images/${id('hidden')}").status == 200

        where:
        target << ComputeTargets.all()
    }

    def "an image the caller may not see, or none, is Nova's itemNotFound on #target (#name)"() {
        when:
        def r = target.get("/compute/v2/p1/images/${imageId}")

        then:
        r.status == 404
        r.header('Content-Type') == 'application/json; charset=UTF-8'
        r.text == '{"itemNotFound": {"code": 404, "message": "Image not found."}}'

        where:
        [target, name] << [ComputeTargets.all(), ['secret', 'unknown', 'not-a-uuid']].combinations()
        imageId = name == 'secret' ? id('secret') : name == 'unknown' ? UUID.randomUUID() : 'not-a-uuid'
    }

    def "another project sees only the public image on #target"() {
        when:
        def r = target.get('/compute/v2/p2/images', ['X-Project-Id': 'p2'])

        then:
        r.json.images*.name == ['ubuntu-11.04-server']

        where:
        target << ComputeTargets.all()
    }

    def "a project in the URL that is not the caller's is 400 on #target (#version)"() {
        when:
        def r = target.get("/compute/${version}/someone-else/images")

        then:
        r.status == 400
        r.text == '{"badRequest": {"code": 400, "message": "Malformed request URL: URL\'s project_id ' +
                '\'someone-else\' doesn\'t match Context\'s project_id \'p1\'"}}'

        where:
        [target, version] << [ComputeTargets.all(), ['v1.1', 'v2', 'v2.1']].combinations()
    }

    def "images created through the Glance API are listed by the Compute API on #target"() {
        given: 'a project of its own, so the seeded listings stay as they are'
        def asCreator = ['X-Project-Id': 'creator', 'X-Roles': 'member']
        def created = target.createImage([name: 'from-glance', min_disk: 3, os_distro: 'cirros'], asCreator)

        when:
        def r = target.get('/compute/v2/creator/images/detail', asCreator)

        then:
        r.status == 200
        def mine = r.json.images.find { it.id == created.id }
        mine.name == 'from-glance'
        mine.status == 'SAVING'
        mine.progress == 25
        mine.minDisk == 3
        mine.minRam == 0
        mine.metadata == [os_distro: 'cirros']
        mine.created == created.created_at

        where:
        target << ComputeTargets.all()
    }

    private static List<Map> expectedLinks(Target target, String version, String imageId) {
        def bookmark = "${target.url}/compute/p1/images/${imageId}".toString()
        // Rackspace's Nova writes the bookmark as the alternate link; upstream points at Glance
        def alternate = target.rackspace ? bookmark : "${target.url}/images/${imageId}".toString()
        [[rel: 'self', href: "${target.url}/compute/${version}/p1/images/${imageId}".toString()],
         [rel: 'bookmark', href: bookmark],
         [rel: 'alternate', type: 'application/vnd.openstack.image', href: alternate]]
    }
}
