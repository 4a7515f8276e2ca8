package dev.glaze.shell.testing

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** A tiny HTTP client for process-level specs: JSON in, status + headers + body out. */
class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    final URI base

    Http(URI base) {
        this.base = base
    }

    Answer get(String path) { send('GET', path, null, [Accept: 'application/json']) }

    Answer delete(String path) { send('DELETE', path, null, [:]) }

    Answer post(String path, Map json) {
        send('POST', path, JsonOutput.toJson(json).getBytes('UTF-8'), ['Content-Type': 'application/json'])
    }

    Answer upload(String id, byte[] data) {
        send('PUT', "/v2/images/${id}/file", data, ['Content-Type': 'application/octet-stream'])
    }

    /** Creates a raw/bare image and returns its JSON; fails the test if refused. */
    Map createImage(Map attrs = [:]) {
        def r = post('/v2/images', [disk_format: 'raw', container_format: 'bare'] + attrs)
        assert r.status == 201: "create failed: ${r}"
        r.json as Map
    }

    Answer send(String method, String path, byte[] body, Map<String, String> headers) {
        def b = HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(60))
        headers.each { k, v -> b.header(k, v) }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        def r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray())
        new Answer(r.statusCode(), r.headers().map(), r.body())
    }

    static class Answer {
        final int status
        final Map<String, List<String>> headers
        final byte[] body

        Answer(int status, Map<String, List<String>> headers, byte[] body) {
            this.status = status
            this.headers = headers
            this.body = body
        }

        Object getJson() { body.length == 0 ? null : new JsonSlurper().parse(body) }

        String getText() { new String(body, 'UTF-8') }

        @Override
        String toString() { "${status} ${text.take(300)}" }
    }
}
