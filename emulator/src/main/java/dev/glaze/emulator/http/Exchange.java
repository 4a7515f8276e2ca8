package dev.glaze.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;

/** One request and its answer: a thin, test-friendly face over the JDK's {@link HttpExchange}. */
public final class Exchange {
    private final HttpExchange http;
    private final String path;
    private final Query query;
    private RequestContext context;
    private final int maxJsonBytes;
    private Map<String, String> params = Map.of();
    private boolean answered;
    private final String requestId = "req-" + UUID.randomUUID();

    Exchange(HttpExchange http, String path, int maxJsonBytes) {
        this.http = http;
        this.path = path;
        this.query = Query.parse(http.getRequestURI().getRawQuery());
        this.maxJsonBytes = maxJsonBytes;
        this.context = Authenticator.HEADERS.authenticate(this);
        http.getResponseHeaders().set("X-Openstack-Request-Id", requestId);
    }

    /** The id this request is answered under ({@code X-Openstack-Request-Id}); upstream tasks record it. */
    public String requestId() {
        return requestId;
    }

    void params(Map<String, String> params) {
        this.params = params;
    }

    public String method() {
        return http.getRequestMethod();
    }

    /** The request path with its version prefix normalised to {@code /v2}. */
    public String path() {
        return path;
    }

    /** A path parameter as the text the client meant: its percent-decoded bytes read as UTF-8. */
    public String param(String name) {
        String wsgi = params.get(name);
        return wsgi == null ? null : PathCodec.utf8(wsgi);
    }

    /**
     * A path parameter as Python 3's WSGI hands it to Glance: each decoded byte one ISO-8859-1 character, so
     * UTF-8 text arrives garbled ("é" as "Ã©"). Upstream Glance stores tags and member ids that way.
     */
    public String latin1Param(String name) {
        return params.get(name);
    }

    public Query query() {
        return query;
    }

    public RequestContext context() {
        return context;
    }

    void context(RequestContext context) {
        this.context = context;
    }

    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The request's media type without parameters, lower case, or null. */
    public String contentType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The declared body length: -1 when chunked or unknown. */
    public long contentLength() {
        String cl = header("Content-Length");
        if (cl == null) {
            return -1;
        }
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Invalid Content-Length header: " + cl);
        }
    }

    public boolean hasBody() {
        long cl = contentLength();
        return cl > 0 || (cl < 0 && "chunked".equalsIgnoreCase(header("Transfer-Encoding")));
    }

    public InputStream body() {
        return http.getRequestBody();
    }

    /** Reads a JSON body of at most the configured size; larger bodies get 413, bad ones 400. */
    public Object json() throws IOException {
        long declared = contentLength();
        if (declared > maxJsonBytes) {
            throw HttpError.of(413, "Request body too large: at most " + maxJsonBytes + " bytes are accepted.");
        }
        byte[] body = http.getRequestBody().readNBytes(maxJsonBytes + 1);
        if (body.length > maxJsonBytes) {
            throw HttpError.of(413, "Request body too large: at most " + maxJsonBytes + " bytes are accepted.");
        }
        return Json.parse(body);
    }

    /** Refuses a body on routes that take none, as Glance's {@code body_reject} routes do. */
    public void rejectBody() {
        if (hasBody()) {
            throw HttpError.badRequest("A body is not expected with this request.");
        }
    }

    public void setHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    public void sendJson(int status, Object value) throws IOException {
        sendBytes(status, "application/json", Json.bytes(value));
    }

    public void sendBytes(int status, String contentType, byte[] body) throws IOException {
        answered = true;
        http.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(method())) {
            // An answer to HEAD has no body (Glance's 405 for HEAD says Content-Length: 0).
            http.sendResponseHeaders(status, -1);
            http.getResponseBody().close();
            return;
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An answer without a body; Glance labels even these {@code text/html}. */
    public void sendEmpty(int status) throws IOException {
        answered = true;
        http.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        http.sendResponseHeaders(status, -1);
        http.getResponseBody().close();
    }

    /** A 204 with neither body nor Content-Type: what WebOb answers when a handler raises HTTPNoContent. */
    public void sendNoContent() throws IOException {
        answered = true;
        http.sendResponseHeaders(204, -1);
        http.getResponseBody().close();
    }

    /** Starts a streamed answer of known length; the caller writes exactly that many bytes and closes. */
    public OutputStream startStream(int status, String contentType, long length) throws IOException {
        answered = true;
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, length == 0 ? -1 : length);
        return http.getResponseBody();
    }

    public void sendError(HttpError error, boolean jsonErrors) throws IOException {
        ErrorBodies.Rendered r = ErrorBodies.render(error, header("Accept"), jsonErrors);
        error.headers().forEach(this::setHeader);
        sendBytes(error.status(), r.contentType(), r.body());
    }

    boolean answered() {
        return answered;
    }

    /** The absolute base URL the client used to reach us, from its Host header. */
    public String baseUrl() {
        String host = header("Host");
        if (host == null) {
            host = http.getLocalAddress().getHostString() + ":" + http.getLocalAddress().getPort();
        }
        return "http://" + host;
    }
}
