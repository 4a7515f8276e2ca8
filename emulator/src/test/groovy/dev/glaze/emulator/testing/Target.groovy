package dev.glaze.emulator.testing

import dev.glaze.emulator.ImageService
import groovy.json.JsonOutput

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.function.Supplier

/**
 * One image service the contract suite runs against: the emulator in either profile, or a real Glance.
 * {@code flavor} says which behaviour to expect where the two differ: 'openstack' (upstream Glance)
 * or 'rackspace'.
 */
class Target {
    static final String PATCH_V21 = 'application/openstack-images-v2.1-json-patch'
    static final String PATCH_V20 = 'application/openstack-images-v2.0-json-patch'

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build()

    final String name
    final String flavor
    final URI url
    final boolean real
    /** The emulator behind this target, or null for a real Glance. */
    ImageService service
    /** Headers sent with every request (a project, a token). */
    Map<String, String> defaults = [:]

    Target(String name, String flavor, URI url, boolean real) {
        this.name = name
        this.flavor = flavor
        this.url = url
        this.real = real
    }

    boolean isOpenstack() { flavor == 'openstack' }

    boolean isRackspace() { flavor == 'rackspace' }

    Resp get(String path, Map<String, String> headers = [:]) {
        send('GET', path, null, headers)
    }

    Resp delete(String path, Map<String, String> headers = [:]) {
        send('DELETE', path, null, headers)
    }

    Resp post(String path, Object json, Map<String, String> headers = [:]) {
        send('POST', path, body(json), ['Content-Type': 'application/json'] + headers)
    }

    Resp put(String path, Object body = null, Map<String, String> headers = [:]) {
        send('PUT', path, body == null ? null : this.body(body), headers)
    }

    Resp patch(String path, Object ops, String mediaType = PATCH_V21, Map<String, String> headers = [:]) {
        send('PATCH', path, body(ops), ['Content-Type': mediaType] + headers)
    }

    Resp upload(String id, byte[] data, Map<String, String> headers = [:]) {
        send('PUT', "/v2/images/${id}/file", data, ['Content-Type': 'application/octet-stream'] + headers)
    }

    /** Uploads image data from a stream: chunked when {@code length} is -1, else with that Content-Length. */
    Resp uploadStream(String id, Supplier<InputStream> data, long length = -1, Map<String, String> headers = [:]) {
        def publisher = HttpRequest.BodyPublishers.ofInputStream(data)
        if (length >= 0) {
            publisher = HttpRequest.BodyPublishers.fromPublisher(publisher, length)
        }
        def b = HttpRequest.newBuilder(URI.create("${url}/v2/images/${id}/file")).timeout(Duration.ofSeconds(120))
        (defaults + ['Content-Type': 'application/octet-stream'] + headers).each { k, v -> if (v != null) b.header(k, v) }
        def r = CLIENT.send(b.PUT(publisher).build(), HttpResponse.BodyHandlers.ofByteArray())
        new Resp(r.statusCode(), r.headers().map(), r.body())
    }

    /** Creates an image (raw/bare unless told otherwise) and returns its JSON; fails the test if refused. */
    Map createImage(Map attrs = [:], Map<String, String> headers = [:]) {
        def r = post('/v2/images', [disk_format: 'raw', container_format: 'bare'] + attrs, headers)
        assert r.status == 201: "create failed on ${name}: ${r}"
        r.json as Map
    }

    Resp send(String method, String path, byte[] body, Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(url.toString() + path)).timeout(Duration.ofSeconds(60))
        (defaults + headers).each { k, v -> if (v != null) b.header(k, v) }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        def r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray())
        new Resp(r.statusCode(), r.headers().map(), r.body())
    }

    /**
     * Sends a request line as given, unchecked, over a plain socket (java.net.http refuses malformed URIs)
     * and returns the status code of the answer.
     */
    int rawStatus(String method, String rawPath) {
        new Socket(url.host, url.port).withCloseable { socket ->
            socket.soTimeout = 10_000
            // Only the request line: the JDK server refuses a bad one before reading headers and closes, and
            // unread headers would turn that close into a reset that hides the answer.
            socket.outputStream.write("${method} ${rawPath} HTTP/1.1\r\n".getBytes('ISO-8859-1'))
            socket.outputStream.flush()
            def statusLine = socket.inputStream.newReader('ISO-8859-1').readLine()
            statusLine.split(' ')[1] as int
        }
    }

    private static byte[] body(Object o) {
        if (o instanceof byte[]) {
            return (byte[]) o
        }
        (o instanceof String ? o : JsonOutput.toJson(o)).toString().getBytes('UTF-8')
    }

    @Override
    String toString() { name }
}
