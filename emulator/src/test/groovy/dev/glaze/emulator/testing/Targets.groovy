package dev.glaze.emulator.testing

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig

import java.nio.file.Files

/**
 * The services the contract suite runs against: the emulator in its openstack and rackspace profiles, always,
 * and a real Glance when {@code GLAZE_REAL_GLANCE_URL} names one. Emulators are started once per test JVM.
 */
class Targets {
    private static List<Target> cached

    static synchronized List<Target> all() {
        if (cached == null) {
            cached = [emulator(Profile.OPENSTACK), emulator(Profile.RACKSPACE)]
            def real = System.getenv('GLAZE_REAL_GLANCE_URL')
            if (real) {
                cached << new Target('real-glance', 'openstack', URI.create(real.replaceAll('/+$', '')), true)
            }
        }
        cached
    }

    /** Only the targets that behave like upstream Glance. */
    static List<Target> openstack() {
        all().findAll { it.openstack }
    }

    private static Target emulator(Profile profile) {
        def dir = Files.createTempDirectory("glaze-contract-${profile.id()}")
        def service = ImageService.start(ServiceConfig.builder(dir).port(0).profile(profile).build())
        Runtime.runtime.addShutdownHook(new Thread({ service.close(); dir.toFile().deleteDir() }))
        new Target("emulator-${profile.id()}", profile.id(), service.url(), false).tap { it.service = service }
    }
}
