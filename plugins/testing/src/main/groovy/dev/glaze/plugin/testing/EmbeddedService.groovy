package dev.glaze.plugin.testing

import dev.glaze.core.Cloud
import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.function.Consumer

/**
 * The embedded image service on a free loopback port with its data in a fresh folder, for plugins' specs.
 *
 * <pre>
 * @Shared @AutoCleanup EmbeddedService rackspace = new EmbeddedService(profile: 'rackspace')
 * def cloud = rackspace.cloud(plugins: Plugins.only(['rackspace']))
 * </pre>
 *
 * Options: {@code profile} ('rackspace' default, 'openstack'), {@code users} (the users file's JSON text: Keystone
 * sign-in instead of auth none).
 */
class EmbeddedService implements AutoCloseable {
    final ImageService service
    final Path dir

    EmbeddedService(Map options = [:]) {
        dir = Files.createTempDirectory('glaze-plugin-spec')
        def b = ServiceConfig.builder(dir.resolve('data')).port(0)
                .profile(Profile.fromName(options.profile ?: 'rackspace')).taskDelay(Duration.ofMillis(10))
        if (options.users) {
            Path users = dir.resolve('users.json')
            Files.writeString(users, options.users as String)
            b.auth(AuthMode.KEYSTONE).usersFile(users)
        }
        service = ImageService.start(b.build())
    }

    URI getUrl() {
        service.url()
    }

    /** A cloud with auth none, project local and the region's object store. */
    Cloud cloud(Map options = [:]) {
        URI base = options.url as URI ?: url
        def b = Cloud.builder().endpoint(base).project('local').objectStore(URI.create("$url/v1/AUTH_local"))
        if (options.plugins) {
            b.plugins(options.plugins)
        }
        if (options.log) {
            b.httpLog(options.log)
        }
        b.build()
    }

    /** Sets properties as Rackspace does, behind the API (users may not set com.rackspace* ones). */
    void provide(String imageId, Map<String, String> properties) {
        service.store().update(imageId, { it.with({ a -> a.putAll(properties) } as Consumer) }, null)
    }

    void close() {
        service.close()
        dir.toFile().deleteDir()
    }
}
