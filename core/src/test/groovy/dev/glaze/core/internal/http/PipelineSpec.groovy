package dev.glaze.core.internal.http

import dev.glaze.core.UnauthorizedException
import dev.glaze.core.internal.Version
import dev.glaze.core.testing.ScriptedServer
import spock.lang.AutoCleanup
import spock.lang.Specification

/** What every request carries, how a refused token is renewed once, and what the debug log shows. */
class PipelineSpec extends Specification {
    @AutoCleanup ScriptedServer server = new ScriptedServer()

    def "every request names glaze and its version, and asks for JSON"() {
        given:
        def transport = Transport.builder().build()

        when:
        transport.json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        server.received[0].headers['user-agent'] == "glaze/${Version.get()}"
        server.received[0].headers['accept'] == 'application/json'
        Version.get() ==~ /\d+\.\d+\.\d+(-SNAPSHOT)?/
    }

    def "a 401 gets a fresh token and the request is sent once more"() {
        given:
        def tokens = new TokenProvider() {
            List<String> issued = ['first-token-aaa', 'second-token-bbb']
            String current = issued[0]
            String token() { current }
            boolean refreshAfterRejection(String rejected) { current = issued[1]; true }
        }
        server.then([status: 401, body: '{"error": {"message": "expired"}}'], [status: 200, body: '{"ok": true}'])

        when:
        def answer = Transport.builder().tokens(tokens).build().json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        answer.getBoolean('ok')
        server.received*.headers*.getAt('x-auth-token') == ['first-token-aaa', 'second-token-bbb']
    }

    def "a token given by hand cannot be renewed: the 401 reaches the caller after one try"() {
        given:
        server.then([status: 401, body: '{"error": {"code": 401, "message": "The request you have made requires authentication."}}'])

        when:
        Transport.builder().tokens(TokenProvider.fixed('hand-made-token-123')).build()
                .json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        def e = thrown(UnauthorizedException)
        e.status() == 401
        e.serverMessage() == 'The request you have made requires authentication.'
        server.received.size() == 1
    }

    def "the debug log shows each exchange with secrets masked"() {
        given:
        List<String> lines = []
        def transport = Transport.builder().tokens(TokenProvider.fixed('log-secret-token-9')).log({ lines << it } as HttpLog).build()
        server.then([status: 200, body: '{}', headers: ['x-openstack-request-id': 'req-42']])

        when:
        transport.json(ApiRequest.builder('POST', URI.create("$server.url/v3/auth/tokens")).unauthenticated().secretBody()
                .body('application/json', '{"auth": {"password": "hunter2-password", "user": "me"}}'.bytes).build())
        transport.json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        lines[0] == "> POST $server.url/v3/auth/tokens | Content-Type: application/json | {\"auth\": {\"password\": \"<redacted>\", \"user\": \"me\"}}"
        lines[1] ==~ /< 200 POST \S+ \(\d+ ms\) \| Content-Type: application\/json \| Content-Length: 2 \| x-openstack-request-id: req-42/
        lines[2] == "> GET $server.url/v2/images | X-Auth-Token: <redacted>"
        !lines.any { it.contains('log-secret-token-9') || it.contains('hunter2-password') }
    }

    def "a service that refuses even fresh tokens gets one new sign-in, then the 401 reaches the caller"() {
        given:
        int signIns = 0
        def authenticator = new dev.glaze.core.auth.Authenticator() {
            dev.glaze.core.auth.AuthToken authenticate(Transport identity) {
                signIns++
                new dev.glaze.core.auth.AuthToken("token-number-$signIns", null, 'p', null, null, null, null)
            }
            String describe() { 'test sign-in' }
        }
        def session = new dev.glaze.core.internal.auth.Session(authenticator, Transport.builder().build(),
                java.time.Clock.systemUTC())
        def transport = Transport.builder().tokens(session).build()
        server.fallback = [status: 401, body: '{"error": {"message": "The request you have made requires authentication."}}']

        when:
        transport.json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        thrown(UnauthorizedException)
        signIns == 2

        when: 'again at once: no sign-in before every request'
        transport.json(ApiRequest.get(URI.create("$server.url/v2/images")))

        then:
        thrown(UnauthorizedException)
        signIns == 2
        server.received*.headers*.getAt('x-auth-token') == ['token-number-1', 'token-number-2', 'token-number-2']
    }

    def "an unreachable identity service: the sign-in is retried as any request, not again by each image request"() {
        given:
        def port = new ServerSocket(0).withCloseable { it.localPort }
        List<java.time.Duration> waits = []
        def cloud = dev.glaze.core.Cloud.builder()
                .authenticator(dev.glaze.core.auth.Authenticators.keystonePassword("http://127.0.0.1:$port/v3", 'me', 'pw-secret-1', 'demo'))
                .sleeper({ waits << it } as Sleeper).build()

        when:
        cloud.images().first()

        then:
        def e = thrown(dev.glaze.core.ConnectionException)
        e.message == "POST http://127.0.0.1:$port/v3/auth/tokens: connection refused (is the service running at 127.0.0.1:$port?)"
        waits.size() == 3
        cloud.toString() == 'Cloud[cloud]'
    }
}
