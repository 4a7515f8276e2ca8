package dev.glaze.core.images

import dev.glaze.core.Cloud
import dev.glaze.core.UnauthorizedException
import dev.glaze.core.internal.http.Secrets
import dev.glaze.core.testing.Emulator
import groovy.json.JsonOutput
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CopyOnWriteArrayList

/** Sharing between two projects with real tokens (auth keystone), and tokens kept out of logs and messages. */
class SharingSpec extends Specification {
    static final String USERS = JsonOutput.toJson([users: [
            [name: 'alice', password: 'alice-secret-pw', project: [id: '1234', name: 'alice-project'], roles: ['member']],
            [name: 'bob', password: 'bob-secret-pw', project: [id: '5678', name: 'bob-project'], roles: ['member']]]])

    @Shared @AutoCleanup Emulator openstack = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS)
    @Shared @AutoCleanup Emulator rackspace = Emulator.start(profile: 'rackspace', auth: 'keystone', users: USERS)

    static String token(Emulator e, String user, String password) {
        def body = JsonOutput.toJson([auth: [identity: [methods: ['password'], password: [user: [name: user,
                domain: [id: 'default'], password: password]]]]])
        def r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("$e.url/v3/auth/tokens"))
                .header('Content-Type', 'application/json').POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString())
        assert r.statusCode() == 201
        r.headers().firstValue('X-Subject-Token').get()
    }

    Cloud as(Emulator e, String user, String password, String project) {
        Cloud.builder().endpoint(e.url).token(token(e, user, password)).project(project).build()
    }

    @Unroll
    def "#profile: the owner shares, the other project accepts, and then sees the image in its listing"() {
        given:
        def e = profile == 'openstack' ? openstack : rackspace
        def alice = as(e, 'alice', 'alice-secret-pw', '1234')
        def bob = as(e, 'bob', 'bob-secret-pw', '5678')
        def image = alice.images().create(name: "shared-$profile", visibility: visibility)

        when:
        def member = image.share('5678')

        then:
        member.memberId == '5678'
        member.status == 'pending'
        image.members*.memberId == ['5678']
        !bob.images().any { it.id == image.id }

        when:
        def accepted = bob.images().byId(image.id).accept()

        then:
        accepted.status == 'accepted'
        bob.images().where(visibility: 'shared').any { it.id == image.id }
        alice.images().byId(image.id).members*.status == ['accepted']

        when:
        image.unshare('5678')

        then:
        image.members.isEmpty()

        where:
        profile     | visibility
        'openstack' | 'shared'
        'rackspace' | 'private'
    }

    def "the token never appears in the debug log or in an error message"() {
        given:
        List<String> log = new CopyOnWriteArrayList()
        String t = token(openstack, 'alice', 'alice-secret-pw')
        def alice = Cloud.builder().endpoint(openstack.url).token(t).project('1234').httpLog({ log << it }).build()

        when:
        alice.images().toList()
        alice.images().byId('00000000-0000-0000-0000-000000000000')

        then:
        thrown(NoSuchImageException)
        log.any { it.contains('X-Auth-Token: <redacted>') }
        !log.any { it.contains(t) }

        when: 'a token the service does not know'
        Cloud.builder().endpoint(openstack.url).token('not-a-real-token-123').build().images().first()

        then:
        def e = thrown(UnauthorizedException)
        e.message == "GET $openstack.url/v2/images?limit=200: 401 Unauthorized: The request you have made requires authentication."
        !e.message.contains('not-a-real-token-123')
        Secrets.redact('x not-a-real-token-123 y') == 'x <redacted> y'
    }
}
