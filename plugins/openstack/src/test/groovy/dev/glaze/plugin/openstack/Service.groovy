package dev.glaze.plugin.openstack

import dev.glaze.core.Cloud
import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** The embedded image service on a free loopback port with its data in a fresh folder. */
class Service implements AutoCloseable {
    final ImageService service
    final Path dir

    Service(Map options = [:]) {
        dir = Files.createTempDirectory('glaze-openstack-spec')
        def b = ServiceConfig.builder(dir.resolve('data')).port(0)
                .profile(Profile.fromName(options.profile ?: 'openstack')).taskDelay(Duration.ofMillis(10))
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

    void close() {
        service.close()
        dir.toFile().deleteDir()
    }
}
