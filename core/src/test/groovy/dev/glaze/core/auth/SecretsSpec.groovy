package dev.glaze.core.auth

import dev.glaze.core.AuthenticationException
import dev.glaze.core.Cloud
import dev.glaze.core.config.CloudConfig
import dev.glaze.core.testing.Emulator
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.CopyOnWriteArrayList

/** No password, API key, secret or token in the HTTP log, an exception message or a toString(). */
class SecretsSpec extends Specification {
    static final String PASSWORD = 'pw-9f8e7d6c5b4a'
    static final String API_KEY = 'key0123456789abcdef0123456789ab'
    static final String USERS = """{"users": [{"name": "alice", "password": "$PASSWORD", "apiKey": "$API_KEY",
        "project": {"id": "1234", "name": "alice-project"}}]}"""

    @Shared @AutoCleanup Emulator glance = Emulator.start(profile: 'openstack', auth: 'keystone', users: USERS)

    List<String> log = new CopyOnWriteArrayList<>()

    def "signing in with #way logs the exchange with its secrets masked"() {
        given:
        def cloud = Cloud.builder().httpLog { log << it }.authenticator(authenticator(way)).build()

        when:
        cloud.images().toList()
        def token = cloud.context().session().get().token()

        then:
        log.any { it.startsWith('> POST') && it.contains('<redacted>') }   // the body is logged, masked
        log.any { it.startsWith('> GET') && it.contains('X-Auth-Token: <redacted>') }
        log.every { !it.contains(PASSWORD) && !it.contains(API_KEY) && !it.contains(token) }
        !cloud.toString().contains(token)
        !cloud.context().session().get().authToken().toString().contains(token)

        where:
        way << ['keystone password', 'rackspace api key', 'rackspace password']
    }

    def "the Keystone token method: the token given and the one received stay out of the log"() {
        given:
        def given = Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')
                .authenticate(dev.glaze.core.internal.http.Transport.builder().build()).id()
        def cloud = Cloud.builder().httpLog { log << it }
                .authenticator(Authenticators.keystoneToken("$glance.url", given, '1234')).build()

        when:
        cloud.images().toList()

        then:
        def received = cloud.context().session().get().token()
        received != given
        log.size() >= 4
        log.every { !it.contains(given) && !it.contains(received) }
    }

    def "a refused sign-in: the log and the message name the user, not the secret"() {
        given:
        def wrong = 'wrong-password-31415'
        def cloud = Cloud.builder().httpLog { log << it }
                .authenticator(Authenticators.keystonePassword("$glance.url", 'alice', wrong, 'alice-project')).build()

        when:
        cloud.images().toList()

        then:
        AuthenticationException e = thrown()
        e.message.contains('as alice: 401 Unauthorized')
        !e.message.contains(wrong)
        log.every { !it.contains(wrong) }
        log.any { it.startsWith('< 401 POST') }
    }

    def "an application credential: the emulator does not take the method; the refusal shows no secret"() {
        given:
        def secret = 'appcred-secret-2718'
        def cloud = Cloud.builder().httpLog { log << it }
                .authenticator(Authenticators.applicationCredential("$glance.url", 'ac-id-1', secret)).build()

        when:
        cloud.images().toList()

        then:
        AuthenticationException e = thrown()
        e.message == "could not sign in to $glance.url/v3/auth/tokens as application credential ac-id-1: 401" +
                " Unauthorized: The request you have made requires authentication. (check the application credential" +
                " and its secret)"
        log.any { it.contains('"application_credential":{"id":"ac-id-1","secret":"<redacted>"}') }
        log.every { !it.contains(secret) }
    }

    def "a CloudConfig from variables shows no secret in toString()"() {
        given:
        def config = CloudConfig.fromEnvironment(env)

        expect:
        env.findAll { k, v -> k in ['OS_PASSWORD', 'OS_API_KEY', 'OS_TOKEN', 'OS_APPLICATION_CREDENTIAL_SECRET'] }
                .values().every { !config.toString().contains(it) }

        where:
        env << [
                [OS_AUTH_URL: 'https://k.example/v3', OS_USERNAME: 'alice', OS_PASSWORD: 'pass-word-1'],
                [OS_USERNAME: 'alice', OS_API_KEY: 'api-key-123456'],
                [OS_AUTH_URL: 'https://k.example/v3', OS_TOKEN: 'token-1234567'],
                [OS_IMAGE_URL: 'https://i.example/v2', OS_TOKEN: 'token-1234567'],
                [OS_AUTH_URL: 'https://k.example/v3', OS_APPLICATION_CREDENTIAL_ID: 'a', OS_APPLICATION_CREDENTIAL_SECRET: 'secret-99999'],
        ]
    }

    private Authenticator authenticator(String way) {
        switch (way) {
            case 'keystone password': return Authenticators.keystonePassword("$glance.url", 'alice', PASSWORD, 'alice-project')
            case 'rackspace api key': return Authenticators.rackspaceApiKey("$glance.url/v2.0", 'alice', API_KEY)
            default: return Authenticators.rackspacePassword("$glance.url/v2.0", 'alice', PASSWORD)
        }
    }
}
