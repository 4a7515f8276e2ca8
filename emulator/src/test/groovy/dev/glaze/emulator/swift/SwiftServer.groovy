package dev.glaze.emulator.swift

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Resp
import dev.glaze.emulator.testing.Target

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * An image service on a real port with its own data folder, and ways to talk to its object store: as a project
 * (through {@link Target}), with a streamed body, or with a request sent byte for byte as written.
 */
class SwiftServer implements Closeable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    final Path dir
    ImageService service

    SwiftServer(Path dir = Files.createTempDirectory('glaze-swift')) {
        this.dir = dir
        start()
    }

    void start() {
        service = ImageService.start(ServiceConfig.builder(dir).port(0).build())
    }

    /** Stops and starts again on the same data folder (and a new port). */
    void restart() {
        service.close()
        start()
    }

    /** Where the object store keeps its files. */
    Path objectsRoot() {
        dir.resolve('regions').resolve('local').resolve('objects')
    }

    /** A client acting as {@code project}; its account is {@code /v1/AUTH_<project>}. */
    Target as(String project) {
        def t = new Target("swift-${project}", 'rackspace', service.url(), false)
        t.defaults = ['X-Project-Id': project]
        t
    }

    /** A PUT whose body comes from {@code body} in chunks (no Content-Length), never whole in memory. */
    Resp putStreamed(String project, String path, InputStream body, Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(service.url().toString() + path)).timeout(Duration.ofSeconds(120))
        (['X-Project-Id': project] + headers).each { k, v -> b.header(k, v) }
        b.PUT(HttpRequest.BodyPublishers.ofInputStream { body })
        def r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray())
        new Resp(r.statusCode(), r.headers().map(), r.body())
    }

    /** Sends {@code request} as written (request line, headers, body) and reads the whole answer. */
    Resp raw(String request) {
        new Socket(service.url().host, service.url().port).withCloseable { socket ->
            socket.soTimeout = 10_000
            socket.outputStream.write(request.getBytes('ISO-8859-1'))
            socket.outputStream.flush()
            parse(socket.inputStream.readAllBytes())
        }
    }

    /** A request with {@code rawPath} exactly as given (no encoding, no normalising of dots). */
    Resp rawRequest(String method, String rawPath, String project, String body = null, Map<String, String> headers = [:]) {
        def lines = ["${method} ${rawPath} HTTP/1.1", "Host: ${service.url().host}:${service.url().port}",
                     "X-Project-Id: ${project}", 'Connection: close']
        headers.each { k, v -> lines << "${k}: ${v}" }
        if (body != null) {
            lines << "Content-Length: ${body.getBytes('UTF-8').length}"
        }
        raw(lines.join('\r\n') + '\r\n\r\n' + (body ?: ''))
    }

    private static Resp parse(byte[] all) {
        String text = new String(all, 'ISO-8859-1')
        int end = text.indexOf('\r\n\r\n')
        def head = text.substring(0, end).split('\r\n')
        int status = head[0].split(' ')[1] as int
        Map<String, List<String>> headers = [:]
        head.drop(1).each { line ->
            int colon = line.indexOf(':')
            headers.computeIfAbsent(line.substring(0, colon).trim()) { [] } << line.substring(colon + 1).trim()
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length)
        new Resp(status, headers, body)
    }

    @Override
    void close() {
        service.close()
        dir.toFile().deleteDir()
    }
}
