package dev.glaze.core.images

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.Executors

/**
 * A misbehaving image service for download specs: a loopback HTTP server that forwards every request to the real
 * emulator and, on the way back, can rewrite an image's JSON (a wrong recorded hash), drop or change headers of
 * the data, ignore Range, or cut the connection after some bytes of the data. It records the headers of every
 * data request. It is a server, not a stand-in for glaze's HTTP client.
 *
 * <pre>
 * def proxy = TransferProxy.start(glance.url)
 * proxy.imageJson = { Map image -> image.os_hash_value = 'f' * 128 }
 * proxy.cutAfter = [1000]         // the first data answer breaks after 1000 bytes, later ones are whole
 * </pre>
 */
class TransferProxy implements AutoCloseable {
    private static final Set<String> HOP = ['host', 'connection', 'content-length', 'transfer-encoding', 'expect',
                                            'upgrade', 'keep-alive'] as Set

    final HttpServer server
    final URI upstream
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()

    /** Rewrites the JSON of {@code GET /v2/images/{id}} (the map is changed in place). */
    volatile Closure imageJson
    /** Rewrites the headers of data answers (a mutable map of header name to value). */
    volatile Closure fileHeaders
    /** Bytes after which the n-th data answer is cut (one entry per answer; none left: whole answers). */
    final List<Long> cutAfter = [].asSynchronized()
    /** Forward data requests without their Range header, as a server that ignores it. */
    volatile boolean ignoreRange
    /** Called with the request headers of each data request before it is forwarded (to look at the client's files). */
    volatile Closure onFileRequest
    /** How many uploads ({@code PUT .../file}) to refuse with a 503 (their body read first). */
    volatile int uploadFailures
    /** How the failed uploads are answered: 503 (the default), or 429 with Retry-After: 1 (a rate limit). */
    volatile int uploadFailureStatus = 503
    /** The number of bytes of each upload body that reached the proxy, in order. */
    final List<Long> uploads = [].asSynchronized()
    /** Every request, as {@code METHOD path}, in order. */
    final List<String> requests = [].asSynchronized()
    /** The request headers of each data request, in order (names in lower case). */
    final List<Map<String, String>> fileRequests = [].asSynchronized()

    private TransferProxy(URI upstream) {
        this.upstream = upstream
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext('/') { HttpExchange ex -> handle(ex) }
        server.start()
    }

    static TransferProxy start(URI upstream) {
        new TransferProxy(upstream)
    }

    URI getUrl() {
        URI.create("http://127.0.0.1:${server.address.port}")
    }

    private void handle(HttpExchange ex) {
        String path = ex.requestURI.rawPath
        boolean data = path ==~ '/v2/images/[^/]+/file'
        boolean image = ex.requestMethod == 'GET' && path ==~ '/v2/images/[^/]+'
        requests << "${ex.requestMethod} ${path}".toString()
        Map<String, String> headers = [:]
        ex.requestHeaders.each { k, v -> headers[k.toLowerCase()] = v[0] }
        if (data) {
            fileRequests << headers.asImmutable()
            onFileRequest?.call(headers)
        }
        if (data && ex.requestMethod == 'PUT' && uploadFailures > 0) {
            uploadFailures--
            uploads << ex.requestBody.transferTo(OutputStream.nullOutputStream())
            byte[] msg = "$uploadFailureStatus Busy\n\nThe server is busy.".bytes
            if (uploadFailureStatus == 429) {
                ex.responseHeaders.add('Retry-After', '1')
            }
            ex.sendResponseHeaders(uploadFailureStatus, msg.length)
            ex.responseBody.withCloseable { it.write(msg) }
            return
        }
        def b = HttpRequest.newBuilder(URI.create(upstream.toString() + ex.requestURI.toString()))
        headers.each { k, v ->
            if (!(k in HOP) && !(data && ignoreRange && k == 'range')) {
                b.header(k, v)
            }
        }
        def body = ex.requestMethod in ['PUT', 'POST', 'PATCH']
                ? HttpRequest.BodyPublishers.ofInputStream { ex.requestBody } : HttpRequest.BodyPublishers.noBody()
        HttpResponse<InputStream> r = client.send(b.method(ex.requestMethod, body).build(),
                HttpResponse.BodyHandlers.ofInputStream())
        Map<String, String> answer = [:]
        r.headers().map().each { k, v -> if (!(k.toLowerCase() in HOP) && !k.startsWith(':')) answer[k] = v[0] }
        if (image && imageJson && r.statusCode() == 200) {
            Map json = new JsonSlurper().parse(r.body()) as Map
            imageJson.call(json)
            byte[] bytes = JsonOutput.toJson(json).bytes
            answer.each { k, v -> ex.responseHeaders.set(k, v) }
            ex.sendResponseHeaders(200, bytes.length)
            ex.responseBody.withCloseable { it.write(bytes) }
            return
        }
        if (data && fileHeaders) {
            fileHeaders.call(answer)
        }
        answer.each { k, v -> ex.responseHeaders.set(k, v) }
        long length = r.headers().firstValueAsLong('content-length').orElse(-1)
        ex.sendResponseHeaders(r.statusCode(), length == 0 || r.statusCode() == 204 ? -1 : length < 0 ? 0 : length)
        Long cut = data && r.statusCode() < 300 && cutAfter ? cutAfter.remove(0) : null
        r.body().withCloseable { InputStream from ->
            OutputStream to = ex.responseBody
            byte[] buffer = new byte[65536]
            long sent = 0
            int n
            while ((n = from.read(buffer, 0, cut == null ? buffer.length : (int) Math.min(buffer.length, cut - sent))) > 0) {
                to.write(buffer, 0, n)
                sent += n
                if (cut != null && sent >= cut) {
                    to.flush()
                    // fewer bytes than Content-Length: the server drops the connection, the client sees it break
                    to.close()
                    return
                }
            }
            to.close()
        }
    }

    @Override
    void close() {
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
    }
}
