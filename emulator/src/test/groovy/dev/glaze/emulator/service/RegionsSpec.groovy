package dev.glaze.emulator.service

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Several regions: each its own images and objects, at its own catalog URL; the root serves the first. */
class RegionsSpec extends Specification {
    @Shared @TempDir Path dir
    @Shared @AutoCleanup ImageService service

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(dir).port(0).regions(['DFW', 'ORD']).build())
    }

    Target at(String path) {
        new Target(path, 'rackspace', URI.create(service.url().toString() + path), false)
    }

    def "an image created in one region is not in another"() {
        given:
        def dfw = at('/DFW').createImage(name: 'only-in-dfw')

        expect:
        at('/DFW').get("/v2/images/${dfw.id}").status == 200
        at('/ORD').get("/v2/images/${dfw.id}").status == 404
        at('/ORD').get('/v2/images?name=only-in-dfw').json.images == []
        Files.exists(dir.resolve("regions/DFW/images/${dfw.id}.json"))
        !Files.exists(dir.resolve("regions/ORD/images/${dfw.id}.json"))
    }

    def "the root serves the default region, the first one listed"() {
        given:
        def dfw = at('/DFW').createImage(name: 'seen-from-root')

        expect:
        at('').get("/v2/images/${dfw.id}").status == 200
    }

    def "the catalog points each region's image and object-store endpoints at its own prefix"() {
        when:
        def access = at('').post('/v2.0/tokens',
                [auth: [passwordCredentials: [username: 'anyone', password: 'anything']]]).json.access

        then:
        access.serviceCatalog.find { it.type == 'image' }.endpoints.collectEntries { [it.region, it.publicURL] } ==
                [DFW: "${service.url()}/DFW/v2".toString(), ORD: "${service.url()}/ORD/v2".toString()]
        access.serviceCatalog.find { it.type == 'object-store' }.endpoints.collectEntries { [it.region, it.publicURL] } ==
                [DFW: "${service.url()}/DFW/v1/AUTH_local".toString(), ORD: "${service.url()}/ORD/v1/AUTH_local".toString()]
    }

    def "objects stored in one region are not in another"() {
        when:
        def put = at('/ORD').send('PUT', '/v1/AUTH_local/exports', null)
        def obj = at('/ORD').send('PUT', '/v1/AUTH_local/exports/a.vhd', 'data'.bytes)

        then:
        put.status == 201
        obj.status == 201
        at('/ORD').get('/v1/AUTH_local/exports/a.vhd').text == 'data'
        at('/DFW').get('/v1/AUTH_local/exports/a.vhd').status == 404
    }

    def "an unknown region prefix is not a region"() {
        expect:
        at('/LON').get('/v2/images').status == 300
    }

    def "the service names its regions and refuses an unknown one"() {
        expect:
        service.regions()*.name() == ['DFW', 'ORD']
        service.url('ORD') == URI.create("${service.url()}/ORD")

        when:
        service.url('LON')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "no region 'LON': this service has [DFW, ORD]"
    }
}
