package dev.glaze.core.internal.http

import dev.glaze.core.ConnectionException
import dev.glaze.core.OverLimitException
import dev.glaze.core.ServerErrorException
import dev.glaze.core.testing.ScriptedServer
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.time.Duration

/** When the pipeline sends a request again, and how long it waits (a recording sleeper: no real waiting). */
class RetrySpec extends Specification {
    @AutoCleanup ScriptedServer server = new ScriptedServer()
    List<Duration> waits = []
    Transport transport = Transport.builder().sleeper({ waits << it } as Sleeper)
            .retry(new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofSeconds(60))).build()

    ApiRequest get() { ApiRequest.get(URI.create("$server.url/v2/images")) }

    ApiRequest post() {
        ApiRequest.builder('POST', URI.create("$server.url/v2/tasks")).body('application/json', '{}'.bytes).build()
    }

    def "a GET answered 503 is sent again after a backoff, and the answer that works is returned"() {
        given:
        server.then([status: 503], [status: 502], [status: 200, body: '{"images": []}'])

        when:
        def images = transport.json(get())

        then:
        images.getJsonArray('images').isEmpty()
        server.received.size() == 3
        waits.size() == 2
        waits[0] >= Duration.ofMillis(200) && waits[0] <= Duration.ofMillis(400)
        waits[1] >= Duration.ofMillis(400) && waits[1] <= Duration.ofMillis(800)
    }

    def "Retry-After is honoured, in seconds or as an HTTP date"() {
        given:
        server.then([status: 429, headers: ['Retry-After': '7']], [status: 413, headers: ['Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT']],
                [status: 200, body: '{}'])

        when:
        transport.json(get())

        then:
        waits == [Duration.ofSeconds(7), Duration.ZERO]
    }

    def "a rate-limited POST is sent again: the server refused it, so it did nothing"() {
        given:
        server.then([status: 429, headers: ['Retry-After': '1']], [status: 201, body: '{"id": "t1"}'])

        expect:
        transport.json(post()).getString('id') == 't1'
        server.received*.method == ['POST', 'POST']
    }

    def "a POST answered 502 or 504 is never repeated: its fate is unknown"() {
        given:
        server.then([status: status, body: 'upstream failed'])

        when:
        transport.json(post())

        then:
        def e = thrown(ServerErrorException)
        server.received.size() == 1
        e.message == "POST $server.url/v2/tasks: $status ${status == 502 ? 'Bad Gateway' : 'Gateway Timeout'}: upstream failed"

        where:
        status << [502, 504]
    }

    def "413 without Retry-After is a quota: not retried"() {
        given:
        server.then([status: 413, body: '{"message": "The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128"}'])

        when:
        transport.json(get())

        then:
        def e = thrown(OverLimitException)
        e.serverMessage() == 'The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128'
        server.received.size() == 1
    }

    def "a Retry-After longer than we wait for gives the error at once"() {
        given:
        server.then([status: 503, headers: ['Retry-After': '3600'], body: 'busy'])

        when:
        transport.json(get())

        then:
        thrown(ServerErrorException)
        waits.isEmpty()
    }

    def "retries are bounded: after the last attempt the error is the caller's"() {
        given:
        5.times { server.then([status: 503]) }

        when:
        transport.json(get())

        then:
        thrown(ServerErrorException)
        server.received.size() == 4
        waits.size() == 3
    }

    def "a GET whose connection breaks is sent again"() {
        given:
        server.then({ ex -> ex.sendResponseHeaders(200, 100); ex.responseBody.write('{"ima'.bytes); ex.close() },
                [status: 200, body: '{"images": []}'])

        expect:
        transport.json(get()).getJsonArray('images').isEmpty()
        server.received.size() == 2
        waits.size() == 1
    }

    def "a POST whose answer breaks off is not repeated: a one-line error says what happened"() {
        given:
        server.then({ ex -> ex.sendResponseHeaders(201, 100); ex.responseBody.write('{"i'.bytes); ex.close() })

        when:
        transport.json(post())

        then:
        def e = thrown(ConnectionException)
        e.message.startsWith("POST $server.url/v2/tasks: the connection broke while reading the answer")
        server.received.size() == 1
    }

    def "nothing listening: any request, even a POST, is tried again (nothing was sent), then a one-line error"() {
        given:
        def port = new ServerSocket(0).withCloseable { it.localPort }
        def request = ApiRequest.builder('POST', URI.create("http://127.0.0.1:$port/v2/tasks")).body('application/json', '{}'.bytes).build()

        when:
        transport.send(request)

        then:
        def e = thrown(ConnectionException)
        e.message == "POST http://127.0.0.1:$port/v2/tasks: connection refused (is the service running at 127.0.0.1:$port?)"
        waits.size() == 3
    }

    def "a stream body that cannot be replayed is not retried"() {
        given:
        server.then([status: 503], [status: 204])
        def request = ApiRequest.builder('PUT', URI.create("$server.url/v2/images/x/file"))
                .body('application/octet-stream', { java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[10]) }, false).build()

        expect:
        transport.send(request).status() == 503
        server.received.size() == 1
    }

    def "a POST answered 503, even with Retry-After, is not repeated: a proxy may answer so after the service acted"() {
        given:
        server.then([status: 503, headers: ['Retry-After': '1'], body: 'busy'])

        when:
        transport.json(post())

        then:
        thrown(ServerErrorException)
        server.received.size() == 1
        waits.isEmpty()
    }

    def "a redirect is not followed: the error says where it points (or that the URL is Glance's version list)"() {
        given:
        server.then([status: 301, headers: ['Location': 'https://images.example.com/v2/images']],
                [status: 300, body: '{"versions": []}'])

        when:
        transport.json(get())

        then:
        def moved = thrown(dev.glaze.core.ApiException)
        moved.message == "GET $server.url/v2/images: 301 Moved Permanently: the service redirects to https://images.example.com/v2/images; use that URL as the endpoint"

        when:
        transport.json(get())

        then:
        def versions = thrown(dev.glaze.core.ApiException)
        versions.serverMessage().startsWith('the service answered with its list of API versions, not the v2 API')
    }
}
