package dev.glaze.core.auth

import dev.glaze.core.Cloud
import dev.glaze.core.UnauthorizedException
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.concurrent.CopyOnWriteArrayList

/** Token reuse, renewal before expiry and after a 401, on the real service with auth keystone. */
class SessionSpec extends Specification {
    static final String PASSWORD = 'correct-horse-battery'
    static final String USERS = '''{"users": [{"name": "alice", "password": "correct-horse-battery",
        "project": {"id": "1234", "name": "alice-project"}}]}'''

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS)
    @Shared @AutoCleanup Emulator shortLived = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS,
            tokenTtl: Duration.ofSeconds(1))

    List<String> log = new CopyOnWriteArrayList<>()

    def "many requests, in several regions' clouds and threads, share one sign-in"() {
        given:
        def cloud = cloud(glance, Clock.systemUTC())

        when:
        10.times { cloud.images().toList() }
        (1..4).collect { Thread.start { 5.times { cloud.images().toList() } } }*.join()

        then:
        session(cloud).signIns() == 1
        signInsLogged() == 1
    }

    def "a token about to expire is renewed before the next request"() {
        given:
        def clock = new MovableClock(Instant.now())
        def cloud = cloud(glance, clock)
        cloud.images().toList()
        def first = session(cloud).token()

        when: 'the clock reaches 3 minutes before the 24 h token ends: still used'
        clock.now = clock.now + Duration.ofHours(24).minusMinutes(3)
        cloud.images().toList()

        then:
        session(cloud).signIns() == 1

        when: 'less than 2 minutes are left'
        clock.now = clock.now + Duration.ofMinutes(2)
        cloud.images().toList()

        then:
        session(cloud).signIns() == 2
        session(cloud).token() != first
        signInsLogged() == 2
    }

    def "a token the service no longer knows (revoked) is replaced and the request sent once more"() {
        given:
        def cloud = cloud(glance, Clock.systemUTC())
        cloud.images().create(name: 'kept', disk_format: 'raw', container_format: 'bare')
        def first = session(cloud).token()

        when:
        revoke(first)
        def names = cloud.images().toList()*.name

        then:
        names == ['kept']
        session(cloud).signIns() == 2
        session(cloud).token() != first
        log.findAll { it.startsWith('< 401 GET') }.size() == 1

        cleanup:
        cloud?.images()?.toList()?.each { it.delete() }
    }

    def "an expired token that the clock thinks fresh is refused by the service, and the pipeline signs in again"() {
        given: 'tokens live 1 s; the clock says an hour earlier, so the session believes its token fresh'
        def clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))
        def cloud = cloud(shortLived, clock)
        cloud.images().toList()
        def first = session(cloud).token()

        when:
        waitUntilRefused(first)
        cloud.images().toList()

        then:
        session(cloud).signIns() == 2
        log.findAll { it.startsWith('< 401 GET') }.size() >= 1
    }

    def "a fixed token that the service refuses reaches the caller as UnauthorizedException, without the token"() {
        given:
        def token = 'a-token-from-elsewhere-0000'
        def cloud = Cloud.builder().endpoint(glance.url).token(token).httpLog { log << it }.build()

        when:
        cloud.images().toList()

        then:
        UnauthorizedException e = thrown()
        e.message ==~ /GET ${glance.url}\/v2\/\S+: 401 Unauthorized: The request you have made requires authentication\./
        log.findAll { it.startsWith('< 401') }.size() == 1   // not repeated: there is no other token to try
        log.every { !it.contains(token) }
    }

    private Cloud cloud(Emulator service, Clock clock) {
        Cloud.builder().clock(clock).httpLog { log << it }
                .authenticator(Authenticators.keystonePassword("$service.url", 'alice', PASSWORD, 'alice-project'))
                .build()
    }

    private static dev.glaze.core.internal.auth.Session session(Cloud cloud) {
        cloud.context().session().get()
    }

    private int signInsLogged() {
        log.count { it.startsWith('> POST') && it.contains('/v3/auth/tokens') } as int
    }

    private int revoke(String token) {
        def request = HttpRequest.newBuilder(URI.create("$glance.url/v3/auth/tokens")).DELETE()
                .header('X-Auth-Token', token).header('X-Subject-Token', token).build()
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
    }

    /** Waits (at most 10 s) for the short-lived service to refuse the token: its lifetime runs on the real clock. */
    private void waitUntilRefused(String token) {
        def client = HttpClient.newHttpClient()
        def deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos()
        while (System.nanoTime() < deadline) {
            def request = HttpRequest.newBuilder(URI.create("$shortLived.url/v2/images"))
                    .header('X-Auth-Token', token).build()
            if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                return
            }
            Thread.sleep(100)
        }
        throw new IllegalStateException('the token was never refused')
    }

    static class MovableClock extends Clock {
        volatile Instant now

        MovableClock(Instant now) {
            this.now = now
        }

        @Override
        ZoneId getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(ZoneId zone) {
            this
        }

        @Override
        Instant instant() {
            now
        }
    }
}
