package dev.glaze.core.testing

import dev.glaze.core.Cloud
import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * The embedded image service on a free loopback port, with its data in a fresh folder, for integration specs.
 *
 * <pre>
 * @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack', regions: ['DFW', 'ORD'])
 * def cloud = glance.cloud()             // endpoint + no token (auth none), project 'local'
 * </pre>
 *
 * Options: {@code profile} ('rackspace' default, 'openstack'), {@code regions} (list), {@code auth} ('none',
 * 'keystone'), {@code users} (the users file's JSON text, for keystone), {@code tokenTtl} (Duration),
 * {@code taskDelay} (Duration, default 10 ms so task specs run fast).
 */
class Emulator implements AutoCloseable {
    final ImageService service
    final Path dir

    private Emulator(ImageService service, Path dir) {
        this.service = service
        this.dir = dir
    }

    static Emulator start(Map options = [:]) {
        Path dir = Files.createTempDirectory('glaze-core-spec')
        def b = ServiceConfig.builder(dir.resolve('data')).port(0)
                .profile(Profile.fromName(options.profile ?: 'rackspace'))
                .taskDelay(options.taskDelay as Duration ?: Duration.ofMillis(10))
        if (options.regions) {
            b.regions(options.regions as List<String>)
        }
        if (options.auth) {
            b.auth(AuthMode.fromName(options.auth as String))
        }
        if (options.users) {
            Path users = dir.resolve('users.json')
            Files.writeString(users, options.users as String)   // Path.text needs groovy-nio, which is not on the classpath
            b.usersFile(users)
        }
        if (options.tokenTtl) {
            b.tokenTtl(options.tokenTtl as Duration)
        }
        new Emulator(ImageService.start(b.build()), dir)
    }

    URI getUrl() {
        service.url()
    }

    /** The base URL of one region's APIs. */
    URI url(String region) {
        service.url(region)
    }

    /** A cloud on this service with auth none: the given endpoint, project {@code local}, its object store. */
    Cloud cloud(Map options = [:]) {
        String region = options.region
        URI base = region ? url(region) : url
        def b = Cloud.builder().endpoint(base).project('local').objectStore(URI.create("$base/v1/AUTH_local"))
        if (region) {
            b.region(region)
        }
        b.build()
    }

    @Override
    void close() {
        service.close()
        dir.toFile().deleteDir()
    }
}
