package dev.glaze.emulator.api

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.store.ImageStore
import dev.glaze.emulator.store.StoredImage
import dev.glaze.emulator.testing.Target
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * PATCH on images past {@code queued}. The emulator has no upload yet to get an image there, so the image is
 * put in the store before the service starts. (Real Glance, checked by hand: 403 "Attribute disk_format can be
 * only replaced for a queued image." on an active image.)
 */
class PatchImageStateSpec extends Specification {
    static final String ID = '6e1a4c5a-8a0f-4a40-9d65-2a2b2c1f0e11'

    @TempDir
    Path dir

    Target startWith(Profile profile, String status) {
        def store = ImageStore.open(dir.resolve('regions').resolve('local'))
        def attrs = [name: 'seeded', disk_format: 'raw', container_format: 'bare', visibility: 'private', size: 4,
                     virtual_size: null, status: status, checksum: '0' * 32, protected: false, min_ram: 0L, min_disk: 0L,
                     owner: 'local', os_hidden: false, os_hash_algo: null, os_hash_value: null, id: ID,
                     created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', tags: []]
        assert store.insert(new StoredImage(attrs as Map<String, Object>, []))
        def service = ImageService.start(ServiceConfig.builder(dir).port(0).profile(profile).build())
        services << service
        new Target("emulator-${profile.id()}", profile.id(), service.url(), false)
    }

    List<ImageService> services = []

    def cleanup() {
        services*.close()
    }

    def "#name cannot change on a #status image (#profile)"() {
        given:
        def target = startWith(profile, status)

        when:
        def r = target.patch("/v2/images/${ID}", [[op: 'replace', path: "/${name}", value: value]],
                Target.PATCH_V21, [Accept: 'application/json'])

        then:
        r.status == 403
        r.message == "Attribute ${name} can be only replaced for a queued image."
        target.get("/v2/images/${ID}").json[name] == (name == 'disk_format' ? 'raw' : 'bare')

        where:
        [profile, status, name] << [Profile.values(), ['active', 'deactivated'],
                                    ['disk_format', 'container_format']].combinations()
        value = name == 'disk_format' ? 'qcow2' : 'ovf'
    }

    def "other attributes still change on an active image (#profile)"() {
        given:
        def target = startWith(profile, 'active')

        when:
        def r = target.patch("/v2/images/${ID}", [[op: 'replace', path: '/name', value: 'renamed'],
                                                  [op: 'replace', path: '/protected', value: true]])

        then:
        r.status == 200
        r.json.name == 'renamed'
        r.json.protected == true
        r.json.status == 'active'
        r.json.updated_at != '2026-01-01T00:00:00Z'

        where:
        profile << Profile.values()
    }
}
