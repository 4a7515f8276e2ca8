package dev.glaze.emulator.testing

import com.sun.net.httpserver.HttpServer

import java.util.concurrent.ConcurrentHashMap

/**
 * A web server on 127.0.0.1 (any free port) that serves bytes a test puts at a path, and 404 for anything else:
 * the source of import tasks that download a URL (a real Glance allows loopback sources in CI's configuration).
 */
class SourceServer implements Closeable {
    private final HttpServer server
    private final Map<String, byte[]> files = new ConcurrentHashMap<>()

    SourceServer() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 16)
        server.createContext('/') { exchange ->
            byte[] data = files[exchange.requestURI.path]
            if (data == null) {
                exchange.sendResponseHeaders(404, -1)
            } else {
                exchange.responseHeaders.set('Content-Type', 'application/octet-stream')
                exchange.sendResponseHeaders(200, data.length == 0 ? -1 : data.length)
                exchange.responseBody.write(data)
            }
            exchange.close()
        }
        server.start()
    }

    /** Serves {@code data} at {@code path} and returns its URL. */
    String serve(String path, byte[] data) {
        files[path] = data
        url(path)
    }

    String url(String path) {
        "http://127.0.0.1:${server.address.port}${path}"
    }

    @Override
    void close() {
        server.stop(0)
    }
}
