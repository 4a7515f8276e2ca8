package dev.glaze.core.internal.http;

import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An answer with its body still unread (so downloads stream); read it once, or close it. */
public final class ApiResponse implements Closeable {
    private final ApiRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;
    private byte[] bytes;

    public ApiResponse(ApiRequest request, int status, HttpHeaders headers, InputStream body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public ApiRequest request() {
        return request;
    }

    public String method() {
        return request.method();
    }

    public URI uri() {
        return request.uri();
    }

    public int status() {
        return status;
    }

    /** 2xx: a redirect (3xx, never followed) is not an answer the caller can use. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as a stream, for downloads; the caller closes it. */
    public InputStream stream() {
        return body;
    }

    /** The whole body (read once and kept); for JSON answers and error bodies, never for image data. */
    public byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = body) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    public JsonValue json() {
        return Json.parse(bytes());
    }

    public JsonObject jsonObject() {
        return json().asJsonObject();
    }

    /** Drops the rest of the body so the connection can be reused. */
    @Override
    public void close() {
        if (bytes == null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // nothing to do: the connection is discarded
            }
        }
    }
}
