package dev.glaze.emulator.testing

import java.nio.charset.StandardCharsets

/**
 * An upload over a bare socket, for what java.net.http will not do: stop half-way through the body, or pause in
 * the middle of it while something else happens.
 */
class RawUpload implements Closeable {
    private final Socket socket
    private final OutputStream out
    private final boolean chunked

    /** Sends the request head; {@code contentLength} -1 means chunked. */
    RawUpload(Target target, String id, long contentLength, Map<String, String> headers = [:]) {
        socket = new Socket(target.url.host, target.url.port)
        socket.soTimeout = 30_000
        out = new BufferedOutputStream(socket.outputStream)
        chunked = contentLength < 0
        def head = new StringBuilder("PUT /v2/images/${id}/file HTTP/1.1\r\n")
        def all = target.defaults + ['Host': "${target.url.host}:${target.url.port}".toString(),
                                     'Content-Type': 'application/octet-stream', 'Connection': 'close'] + headers
        all.each { k, v -> if (v != null) head.append("${k}: ${v}\r\n") }
        head.append(chunked ? 'Transfer-Encoding: chunked\r\n' : "Content-Length: ${contentLength}\r\n")
        head.append('\r\n')
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII))
        out.flush()
    }

    /** Sends body bytes (as one chunk when chunked). */
    void send(byte[] bytes) {
        if (chunked) {
            out.write("${Integer.toHexString(bytes.length)}\r\n".getBytes(StandardCharsets.US_ASCII))
            out.write(bytes)
            out.write('\r\n'.getBytes(StandardCharsets.US_ASCII))
        } else {
            out.write(bytes)
        }
        out.flush()
    }

    /** Ends a chunked body. */
    void finish() {
        if (chunked) {
            out.write('0\r\n\r\n'.getBytes(StandardCharsets.US_ASCII))
            out.flush()
        }
    }

    /** Reads the answer: status line, headers and a Content-Length body. */
    Resp response() {
        def input = new BufferedInputStream(socket.inputStream)
        def status = readLine(input)
        Map<String, List<String>> headers = [:]
        for (String line = readLine(input); line; line = readLine(input)) {
            int colon = line.indexOf(':')
            headers.computeIfAbsent(line.substring(0, colon).trim(), { [] }) << line.substring(colon + 1).trim()
        }
        def lengthHeader = headers.find { k, v -> k.equalsIgnoreCase('Content-Length') }?.value?.get(0)
        byte[] body = lengthHeader ? input.readNBytes(lengthHeader as int) : new byte[0]
        new Resp(status.split(' ')[1] as int, headers, body)
    }

    private static String readLine(InputStream input) {
        def line = new ByteArrayOutputStream()
        for (int c = input.read(); c >= 0 && c != '\n'; c = input.read()) {
            if (c != '\r') {
                line.write(c)
            }
        }
        line.toString(StandardCharsets.US_ASCII)
    }

    /** Drops the connection, whatever was sent. */
    @Override
    void close() {
        socket.close()
    }
}
