package dev.glaze.emulator.compute

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.store.ImageStore
import dev.glaze.emulator.store.StoredImage
import dev.glaze.emulator.testing.Target

import java.nio.file.Files
import java.nio.file.Path

/**
 * The emulator in both profiles, each started on a data folder seeded with {@link #SEEDED} images in statuses the
 * Glance routes of this branch cannot reach (active, importing, killed, deactivated), so that every Compute listing
 * has a known, exact answer. ({@code saving} cannot be seeded: the store puts a saving image back to queued when it
 * opens, as after a crash; {@link ComputeUnitsSpec} maps it.) Requests act as project {@link #PROJECT} with the member role unless told otherwise.
 * The Compute API is not part of a real Glance, so there is no real target here.
 */
class ComputeTargets {
    static final String PROJECT = 'p1'
    static final Map<String, String> AS_MEMBER = ['X-Project-Id': PROJECT, 'X-Roles': 'member']
    static final String INSTANCE = '3c1d8a1e-6c0a-4a37-9c2e-0f6ad1a7f001'

    /** The seeded images by short name; ids are fixed, created_at descends in this order (newest first). */
    static final Map<String, Map> SEEDED = [
            server : [id: '00000000-0000-4000-8000-00000000000a', name: 'ubuntu-11.04-server', status: 'active',
                      visibility: 'public', owner: 'other', size: 1024L, min_ram: 512L, min_disk: 20L,
                      created_at: '2011-01-07T00:00:00Z', updated_at: '2011-02-07T00:00:00Z',
                      extra: [image_type: 'base', os_type: 'linux', auto_disk_config: 'True']],
            initrd : [id: '00000000-0000-4000-8000-00000000000b', name: 'ubuntu-11.04-initrd', status: 'queued',
                      created_at: '2011-01-06T00:00:00Z', updated_at: '2011-02-06T00:00:00Z',
                      extra: [image_type: 'snapshot', instance_uuid: INSTANCE, auto_disk_config: 'disabled']],
            kernel : [id: '00000000-0000-4000-8000-00000000000c', name: 'ubuntu-11.04-kernel', status: 'importing',
                      created_at: '2011-01-05T00:00:00Z', updated_at: '2011-02-05T00:00:00Z', min_ram: 512L],
            broken : [id: '00000000-0000-4000-8000-00000000000d', name: 'broken', status: 'killed',
                      created_at: '2011-01-04T00:00:00Z', updated_at: '2011-02-04T00:00:00Z'],
            retired: [id: '00000000-0000-4000-8000-00000000000e', name: 'retired', status: 'deactivated',
                      size: 10L, created_at: '2011-01-03T00:00:00Z', updated_at: '2011-02-03T00:00:00Z',
                      extra: [block_device_mapping: '[{"boot_index": 0}]', mappings: 'not json']],
            secret : [id: '00000000-0000-4000-8000-00000000000f', name: 'secret', status: 'active',
                      visibility: 'private', owner: 'other',
                      created_at: '2011-01-02T00:00:00Z', updated_at: '2011-02-02T00:00:00Z'],
            hidden : [id: '00000000-0000-4000-8000-000000000010', name: 'hidden', status: 'active', os_hidden: true,
                      size: 5L, created_at: '2011-01-01T00:00:00Z', updated_at: '2011-02-01T00:00:00Z'],
    ]

    private static List<Target> cached

    static synchronized List<Target> all() {
        if (cached == null) {
            cached = [start(Profile.OPENSTACK), start(Profile.RACKSPACE)]
        }
        cached
    }

    static String id(String shortName) {
        SEEDED[shortName].id
    }

    /** The seeded images project p1 lists, newest first: upstream Glance leaves the hidden one out of lists. */
    static List<String> listed(Target target) {
        ['server', 'initrd', 'kernel', 'retired'] + (target.openstack ? [] : ['hidden'])
    }

    private static Target start(Profile profile) {
        Path dir = Files.createTempDirectory("glaze-compute-${profile.id()}")
        ImageStore store = ImageStore.open(dir.resolve('regions').resolve('local'))
        SEEDED.values().each { store.insert(image(it)) }
        def service = ImageService.start(ServiceConfig.builder(dir).port(0).profile(profile).build())
        Runtime.runtime.addShutdownHook(new Thread({ service.close(); dir.toFile().deleteDir() }))
        def target = new Target("compute-${profile.id()}", profile.id(), service.url(), false)
        target.defaults = AS_MEMBER
        target
    }

    /** A stored image as the Glance routes would have written it: extra properties first, then every base one. */
    private static StoredImage image(Map seed) {
        Map<String, Object> attrs = [:]
        attrs.putAll((seed.extra ?: [:]) as Map)
        attrs.name = seed.name
        attrs.disk_format = 'raw'
        attrs.container_format = 'bare'
        attrs.visibility = seed.visibility ?: 'private'
        attrs.size = seed.size
        attrs.virtual_size = null
        attrs.status = seed.status
        attrs.checksum = null
        attrs.protected = false
        attrs.min_ram = seed.min_ram ?: 0L
        attrs.min_disk = seed.min_disk ?: 0L
        attrs.owner = seed.owner ?: PROJECT
        attrs.os_hidden = seed.os_hidden ?: false
        attrs.os_hash_algo = null
        attrs.os_hash_value = null
        attrs.id = seed.id
        attrs.created_at = seed.created_at
        attrs.updated_at = seed.updated_at
        attrs.tags = []
        new StoredImage(attrs, [])
    }
}
