package dev.glaze.core.testing

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A misbehaving server for pipeline specs: answers each request with the next scripted answer (status, headers,
 * body, or a closure given the exchange, e.g. to cut the connection), and records what it received. It is a real
 * server on a real port; it stands in for a cloud that fails, not for glaze's own HTTP code.
 */
class ScriptedServer implements AutoCloseable {
    final HttpServer server
    final Queue<Object> script = new ConcurrentLinkedQueue<>()
    final List<Map> received = new CopyOnWriteArrayList<>()
    Object fallback = [status: 200, body: '{}']

    ScriptedServer() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 16)
        server.createContext('/') { HttpExchange ex -> answer(ex) }
        server.start()
    }

    URI getUrl() {
        URI.create("http://127.0.0.1:${server.address.port}")
    }

    /** Queues answers: maps like [status: 503, headers: ['Retry-After': '2'], body: '...'] or closures. */
    ScriptedServer then(Object... answers) {
        answers.each { script.add(it) }
        this
    }

    private void answer(HttpExchange ex) {
        byte[] body = ex.requestBody.readAllBytes()
        received << [method: ex.requestMethod, path: ex.requestURI.toString(),
                     headers: ex.requestHeaders.collectEntries { k, v -> [k.toLowerCase(), v.join(',')] },
                     body: new String(body, 'UTF-8')]
        def next = script.poll() ?: fallback
        if (next instanceof Closure) {
            next.call(ex)
            return
        }
        Map a = next as Map
        (a.headers ?: [:]).each { k, v -> ex.responseHeaders.add(k as String, v as String) }
        if (!a.headers?.containsKey('Content-Type')) {
            ex.responseHeaders.add('Content-Type', 'application/json')
        }
        byte[] out = (a.body ?: '').toString().getBytes('UTF-8')
        ex.sendResponseHeaders(a.status as int, out.length == 0 ? -1 : out.length)
        if (out.length > 0) {
            ex.responseBody.write(out)
        }
        ex.close()
    }

    @Override
    void close() {
        server.stop(0)
    }
}
