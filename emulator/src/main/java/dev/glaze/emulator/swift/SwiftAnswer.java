package dev.glaze.emulator.swift;

import dev.glaze.emulator.http.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes an answer the way Swift's swob does: {@code text/html; charset=UTF-8} unless said otherwise, Swift's
 * default HTML body for statuses that have one, no body on HEAD, and a transaction id in {@code X-Trans-Id} and
 * {@code X-Openstack-Request-Id}.
 */
final class SwiftAnswer {
    static final String HTML = "text/html; charset=UTF-8";
    private static final byte[] NOTHING = new byte[0];
    private static final long MAX_DRAIN = 64L << 20;

    private final Exchange ex;
    private boolean started;

    SwiftAnswer(Exchange ex) {
        this.ex = ex;
        String id = transactionId();
        ex.setHeader("X-Trans-Id", id);
        ex.setHeader("X-Openstack-Request-Id", id);
    }

    /** True once the status line has gone out: a later failure can only cut the connection. */
    boolean started() {
        return started;
    }

    boolean isHead() {
        return "HEAD".equals(ex.method());
    }

    void header(String name, String value) {
        ex.setHeader(name, value);
    }

    /** An answer with swob's default body for the status (none for 201 and 204, the HTML one for 202). */
    void standard(int status) throws IOException {
        body(status, HTML, SwiftStatus.defaultBody(status).getBytes(StandardCharsets.UTF_8));
    }

    /** A whole answer; on HEAD only its headers, with the length the body would have had. */
    void body(int status, String contentType, byte[] body) throws IOException {
        if (isHead() || status == 204) {
            headersOnly(status, contentType, status == 204 ? -1 : body.length);
        } else {
            started = true;
            ex.sendBytes(status, contentType, body);
        }
    }

    /** Only headers; {@code length} (unless negative) goes into {@code Content-Length}, as for HEAD of an object. */
    void headersOnly(int status, String contentType, long length) throws IOException {
        if (length >= 0 && status != 204) {
            ex.setHeader("Content-Length", Long.toString(length));
        }
        started = true;
        ex.sendBytes(status, contentType, NOTHING);
    }

    /** Starts a body of exactly {@code length} bytes; the caller writes them and closes the stream. */
    OutputStream stream(int status, String contentType, long length) throws IOException {
        started = true;
        return ex.startStream(status, contentType, length);
    }

    /** Swift's answer to a refusal: its plain-text reason, or the default HTML body for the status. */
    void error(SwiftException e) throws IOException {
        drainRequest();
        e.headers().forEach(ex::setHeader);
        if (e.reason() == null) {
            standard(e.status());
        } else {
            body(e.status(), "text/plain; charset=UTF-8", e.reason().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads what is left of the request body before an early answer, so that a client still sending reads the answer
     * instead of a connection reset; past 64 MiB the connection is cut instead.
     */
    private void drainRequest() {
        try {
            InputStream in = ex.body();
            byte[] buf = new byte[8192];
            long left = MAX_DRAIN;
            int n;
            while (left > 0 && (n = in.read(buf)) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Swift's form: {@code tx} + 21 hex digits + {@code -} + the time in hex. */
    private static String transactionId() {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 21);
        return "tx" + random + "-" + HexFormat.of().toHexDigits(System.currentTimeMillis() / 1000).substring(6);
    }
}
