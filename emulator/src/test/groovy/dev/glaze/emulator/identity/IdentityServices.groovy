package dev.glaze.emulator.identity

import dev.glaze.emulator.AuthMode
import dev.glaze.emulator.ImageService
import dev.glaze.emulator.Profile
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import groovy.json.JsonOutput

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * Emulators with identity: {@code auth keystone} over the users below, or {@code auth none}, in either profile.
 * The long-lived ones are started once per test JVM; {@link #start} gives a private one the caller closes.
 */
class IdentityServices {
    static final List<String> REGIONS = ['DFW', 'ORD', 'IAD']
    static final Map USERS = [users: [
            [name: 'alice', password: 'alice-secret-pw', apiKey: 'alice-secret-key',
             project: [id: '1234', name: 'alice-project'], roles: ['member'], defaultRegion: 'ORD'],
            [name: 'bob', password: 'bob-secret-pw', apiKey: 'bob-secret-key',
             project: [id: '5678', name: 'bob-project'], roles: ['member', 'reader']],
            [name: 'ops', password: 'ops-secret-pw', project: [id: '0001', name: 'ops-project'], roles: ['admin']],
            // shares bob's project; signs in by id too; no API key
            [id: 'c0ffee', name: 'carol', password: 'carol-secret-pw', project: [id: '5678', name: 'bob-project']],
    ]]

    private static final Map<String, Target> cached = [:]

    static synchronized Target keystone(Profile profile) {
        cached.computeIfAbsent("keystone-${profile.id()}".toString()) {
            def service = start(config(profile, AuthMode.KEYSTONE))
            closeAtExit(service)
            target(service, "keystone-${profile.id()}")
        }
    }

    static synchronized Target open(Profile profile) {
        cached.computeIfAbsent("none-${profile.id()}".toString()) {
            def service = start(config(profile, AuthMode.NONE))
            closeAtExit(service)
            target(service, "none-${profile.id()}")
        }
    }

    static ServiceConfig.Builder config(Profile profile, AuthMode auth) {
        def dir = Files.createTempDirectory("glaze-identity-${profile.id()}")
        def b = ServiceConfig.builder(dir).port(0).profile(profile).auth(auth).regions(REGIONS)
        auth == AuthMode.KEYSTONE ? b.usersFile(writeUsers(dir, USERS)) : b
    }

    /** Stops the service and removes its data folder (and users file). */
    static void stop(ImageService service) {
        service.close()
        service.config().dataDir().toFile().deleteDir()
    }

    private static void closeAtExit(ImageService service) {
        Runtime.runtime.addShutdownHook(new Thread({ stop(service) }))
    }

    static Path writeUsers(Path dir, Object content) {
        def file = dir.resolve('users.json')
        Files.writeString(file, content instanceof String ? content : JsonOutput.toJson(content))
        file
    }

    static ImageService start(ServiceConfig.Builder config) {
        ImageService.start(config.build())
    }

    static Target target(ImageService service, String name) {
        new Target(name, service.config().profile().id(), service.url(), false)
    }

    /** Signs in with Keystone v3 (password, scoped to the user's project) and returns the token. */
    static String v3Token(Target target, String user, String password) {
        def r = target.post('/v3/auth/tokens', [auth: [identity: [methods: ['password'],
                password: [user: [name: user, domain: [id: 'default'], password: password]]]]])
        assert r.status == 201: "sign-in of ${user} failed on ${target}: ${r}"
        r.header('X-Subject-Token')
    }

    static final Duration SHORT_TTL = Duration.ofMillis(1500)
}
