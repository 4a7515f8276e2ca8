package dev.glaze.plugin.rackspace

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import jakarta.json.Json
import jakarta.json.JsonObject

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The embedded service with one Rackspace quirk it lacks: the first import task fails with "Error code: '396'"
 * (Rackspace's spurious "not a valid VHD"). The proxy sends that first import to an object that is not there,
 * so the service really fails it, and shows the task with the input given and the failure worded as Rackspace does; everything else passes unchanged.
 */
class Error396Proxy implements AutoCloseable {
    static final String MESSAGE = "Error code: '396'. The image is not a valid VHD."
    final HttpServer server
    final URI target
    final HttpClient client = HttpClient.newHttpClient()
    volatile String failedTaskId
    volatile String importFrom
    volatile int importsPosted

    Error396Proxy(URI target) {
        this.target = target
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 16)
        server.createContext('/') { HttpExchange ex -> forward(ex) }
        server.start()
    }

    URI getUrl() {
        URI.create("http://127.0.0.1:${server.address.port}")
    }

    private void forward(HttpExchange ex) {
        byte[] body = ex.requestBody.readAllBytes()
        String path = ex.requestURI.toString()
        boolean firstImport = ex.requestMethod == 'POST' && path == '/v2/tasks' && importsPosted++ == 0
        if (firstImport) {
            JsonObject task = Json.createReader(new ByteArrayInputStream(body)).readObject()
            importFrom = task.getJsonObject('input').getString('import_from')
            def input = Json.createObjectBuilder(task.getJsonObject('input')).add('import_from', 'exports/absent-396.vhd')
            body = Json.createObjectBuilder(task).add('input', input).build().toString().bytes
        }
        def request = HttpRequest.newBuilder(URI.create("$target$path"))
                .method(ex.requestMethod, HttpRequest.BodyPublishers.ofByteArray(body))
        ex.requestHeaders.each { k, v ->
            if (!(k.toLowerCase() in ['host', 'content-length', 'connection', 'expect', 'upgrade'])) {
                v.each { request.header(k, it) }
            }
        }
        def response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        byte[] answer = response.body()
        if (firstImport) {
            failedTaskId = Json.createReader(new ByteArrayInputStream(answer)).readObject().getString('id')
        } else if (failedTaskId && path == "/v2/tasks/$failedTaskId".toString()) {
            JsonObject t = Json.createReader(new ByteArrayInputStream(answer)).readObject()
            // the task as Rackspace would show it: the input given, failed with 396
            def input = Json.createObjectBuilder(t.getJsonObject('input')).add('import_from', importFrom)
            def shown = Json.createObjectBuilder(t).add('input', input)
            if (t.getString('status') == 'failure') {
                shown.add('message', MESSAGE)
            }
            answer = shown.build().toString().bytes
        }
        response.headers().map().each { k, v ->
            if (!(k.toLowerCase() in ['content-length', 'transfer-encoding', 'connection', ':status'])) {
                v.each { ex.responseHeaders.add(k, it) }
            }
        }
        ex.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length)
        if (answer.length > 0) {
            ex.responseBody.write(answer)
        }
        ex.close()
    }

    void close() {
        server.stop(0)
    }
}
