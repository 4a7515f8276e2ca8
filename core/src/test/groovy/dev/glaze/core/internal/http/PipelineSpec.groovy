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
}
