package dev.glaze.plugin.compute

import dev.glaze.plugin.testing.EmbeddedService
import dev.glaze.core.Cloud
import dev.glaze.core.GlazeException
import dev.glaze.core.auth.AuthToken
import dev.glaze.core.auth.Authenticator
import dev.glaze.core.auth.ServiceCatalog
import dev.glaze.core.images.AmbiguousNameException
import dev.glaze.core.images.NoSuchImageException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.CopyOnWriteArrayList

/**
 * The Compute plugin on a cloud whose catalog lists only the Compute API, served by the embedded service's
 * {@code /compute} listing of the images its Glance API holds: list, find by name, details, paging and filters,
 * and the one-line refusal of every change.
 */
class ComputePluginSpec extends Specification {
    @Shared @AutoCleanup EmbeddedService service = new EmbeddedService(profile: 'openstack')
    @Shared Cloud glance = service.cloud()
    @Shared List<String> log = new CopyOnWriteArrayList()
    @Shared Cloud nova = computeOnly(service.url, log)
    @Shared Map<String, String> ids = [:]

    /** Signs in to a catalog that has the emulator's Compute API and nothing else (no image service). */
    static Cloud computeOnly(URI base, List<String> log) {
        def endpoint = new ServiceCatalog.Endpoint('compute', 'nova', 'RegionOne', 'public',
                URI.create("$base/compute/v2.1/local"))
        def auth = [authenticate: { t -> new AuthToken('token-1', null, 'local', 'local', 'user', 'RegionOne',
                new ServiceCatalog([endpoint])) }, describe: { 'a compute-only catalog' }] as Authenticator
        Cloud.builder().name('nova-only').authenticator(auth).httpLog({ log << it }).build()
    }

    def setupSpec() {
        def ubuntu = glance.images().create(name: 'ubuntu-22.04', disk_format: 'raw', container_format: 'bare',
                min_disk: 10, min_ram: 512, os_distro: 'ubuntu', image_type: 'base')
        ubuntu.upload(new ByteArrayInputStream(new byte[4096]), 4096, null)
        ids.ubuntu = ubuntu.id
        ids.queued = glance.images().create(name: 'half-made', disk_format: 'raw', container_format: 'bare',
                image_type: 'snapshot').id
        ids.twinA = glance.images().create(name: 'twin').id
        ids.twinB = glance.images().create(name: 'twin').id
    }

    def setup() {
        log.clear()
    }

    def "the plugin speaks for a catalog with only compute, not for a cloud with an image service"() {
        expect:
        nova.plugins().ids() == ['compute']
        glance.plugins().ids() == []
    }

    def "images lists through /images/detail, each with Glance's names for Nova's fields"() {
        when:
        def all = nova.images().toList()
        def ubuntu = all.find { it.name == 'ubuntu-22.04' }

        then:
        all*.name as Set == ['ubuntu-22.04', 'half-made', 'twin'] as Set
        all.size() == 4
        ubuntu.id == ids.ubuntu
        ubuntu.status == 'active'
        ubuntu.minDisk == 10
        ubuntu.minRam == 512
        ubuntu.size == 4096
        ubuntu['os_distro'] == 'ubuntu'
        ubuntu.os_distro == 'ubuntu'
        ubuntu.createdAt != null
        ubuntu['progress'] == 100
        ubuntu.progress == 100
        all.find { it.name == 'half-made' }.status == 'saving'    // Nova's SAVING: queued or saving in Glance
        log.every { it.contains('/compute/v2.1/local/images') }
        log.any { it.contains('GET') && it.contains('/images/detail') }
    }

    def "images['name'], named and byId find one image and read its details"() {
        expect:
        nova.images()['ubuntu-22.04'].id == ids.ubuntu
        nova.images().named('ubuntu-22.04').minDisk == 10
        nova.images().byId(ids.ubuntu).name == 'ubuntu-22.04'
        nova.images()[ids.ubuntu].refresh().status == 'active'
    }

    def "a name two images share is an error listing both ids; an unknown id or name says where it looked"() {
        when:
        nova.images().named('twin')

        then:
        def e = thrown(AmbiguousNameException)
        e.message.contains(ids.twinA) && e.message.contains(ids.twinB)

        when:
        nova.images().byId('7f5d8c52-0000-4000-8000-000000000000')

        then:
        def missing = thrown(NoSuchImageException)
        missing.message == "no image has id 7f5d8c52-0000-4000-8000-000000000000 in ${nova.displayName}" +
                " (the Compute API /images of 127.0.0.1:${service.url.port})"

        when:
        nova.images().named('no-such')

        then:
        thrown(NoSuchImageException)
    }

    def "filters Nova knows are sent (name, status, type); others are compared on each image"() {
        expect:
        nova.images().where(status: 'active')*.name == ['ubuntu-22.04']
        nova.images().where(image_type: 'snapshot')*.name == ['half-made']
        nova.images().where(os_distro: 'ubuntu')*.id == [ids.ubuntu]
        log.any { it.contains('status=ACTIVE') }
        log.any { it.contains('type=snapshot') }
    }

    def "pages of limit images are followed with the last id as marker until a short page"() {
        when:
        def names = nova.images().where(limit: 2).toList()*.name

        then:
        names.size() == 4
        log.count { it.startsWith('> GET') || it.contains('GET ') } >= 3
        log.any { it.contains('marker=') }
    }

    def "every change fails with one line saying the listing is read-only and where to change images, sending nothing"() {
        given:
        def image = nova.images()['ubuntu-22.04']
        String readOnly = "${nova.displayName} lists images through the Compute API /images of 127.0.0.1:${service.url.port}," +
                " which is read-only; make changes through the Image service (Glance v2): a cloud whose catalog" +
                " has an 'image' endpoint, or Cloud.builder().endpoint(url)"
        log.clear()

        when:
        action(image)

        then:
        def other = thrown(GlazeException)
        other.message == "cannot ${verb}${verb == 'create an image' ? '' : ' image ' + ids.ubuntu}: " + readOnly
        log.every { it.contains('GET') }

        where:
        verb              | action
        'save'            | { it.minDisk = 20; it.save() }
        'delete'          | { it.delete() }
        'tag'             | { it.addTag('gold') }
        'upload to'       | { it.upload(new ByteArrayInputStream(new byte[1]), 1, null) }
        'share'           | { it.share('other-project') }
        'import into'     | { it.importFrom('http://example.com/x.raw') }
        'create an image' | { it.cloud.images().create(name: 'new') }
    }
}
