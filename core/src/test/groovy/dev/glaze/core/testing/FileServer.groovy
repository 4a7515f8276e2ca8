package dev.glaze.core.testing

import com.sun.net.httpserver.HttpServer

/**
 * A plain web server on a loopback port serving fixed bytes under given paths: the "http URL" that legacy import
 * tasks download from (the embedded service and a real Glance fetch it themselves).
 */
class FileServer implements AutoCloseable {
    private final HttpServer server

    FileServer(Map<String, byte[]> files) {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        files.each { path, bytes ->
            server.createContext(path) { ex ->
                ex.sendResponseHeaders(200, bytes.length)
                ex.responseBody.withCloseable { it.write(bytes) }
            }
        }
        server.start()
    }

    /** {@code http://127.0.0.1:PORT/path} */
    String url(String path) {
        "http://127.0.0.1:${server.address.port}$path"
    }

    @Override
    void close() {
        server.stop(0)
    }
}
