package dev.glaze.core.internal.http;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** One request as the pipeline sees it: immutable; {@link #toBuilder()} makes a changed copy (e.g. a new token). */
public final class ApiRequest {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final Supplier<BodyPublisher> body;
    private final boolean replayable;
    private final boolean notIdempotent;
    private final boolean authenticated;
    private final boolean secretBody;
    private final String logBody;
    private final Duration timeout;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.replayable = b.replayable;
        this.notIdempotent = b.notIdempotent;
        this.authenticated = b.authenticated;
        this.secretBody = b.secretBody;
        this.logBody = b.logBody;
        this.timeout = b.timeout;
    }

    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    public static ApiRequest get(URI uri) {
        return builder("GET", uri).build();
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public BodyPublisher bodyPublisher() {
        return body == null ? BodyPublishers.noBody() : body.get();
    }

    public boolean hasBody() {
        return body != null;
    }

    /**
     * Whether sending it twice does no more than sending it once (RFC 9110), and its body can be sent again. A PUT
     * of image data is not: the first one makes the image active, and a second is a 409.
     */
    public boolean idempotent() {
        return IDEMPOTENT.contains(method) && replayable && !notIdempotent;
    }

    /** Whether its body can be produced again (bytes, or a file reopened), so the request may be repeated at all. */
    public boolean replayable() {
        return replayable;
    }

    /** Whether the pipeline adds the token (sign-in requests themselves carry none). */
    public boolean authenticated() {
        return authenticated;
    }

    /** Whether the body must never be logged as it is (sign-in requests). */
    public boolean secretBody() {
        return secretBody;
    }

    /** The body as text for the debug log, when it is small JSON; null otherwise. */
    public String logBody() {
        return logBody;
    }

    public Duration timeout() {
        return timeout;
    }

    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers.putAll(headers);
        b.body = body;
        b.replayable = replayable;
        b.notIdempotent = notIdempotent;
        b.authenticated = authenticated;
        b.secretBody = secretBody;
        b.logBody = logBody;
        b.timeout = timeout;
        return b;
    }

    public static final class Builder {
        private final String method;
        private URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Supplier<BodyPublisher> body;
        private boolean replayable = true;
        private boolean notIdempotent;
        private boolean authenticated = true;
        private boolean secretBody;
        private String logBody;
        private Duration timeout;

        private Builder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        public Builder header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** A body that can be sent again (the bytes are kept). */
        public Builder body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            this.body = () -> BodyPublishers.ofByteArray(bytes);
            this.replayable = true;
            if (contentType.contains("json") && bytes.length <= 4096) {
                this.logBody = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            return this;
        }

        /** A streamed body; {@code replayable} when the supplier opens the source again (a file), not a one-shot stream. */
        public Builder body(String contentType, Supplier<BodyPublisher> publisher, boolean replayable) {
            header("Content-Type", contentType);
            this.body = publisher;
            this.replayable = replayable;
            return this;
        }

        /** A request whose method says idempotent but whose effect is not (a PUT of image data). */
        public Builder notIdempotent() {
            this.notIdempotent = true;
            return this;
        }

        public Builder unauthenticated() {
            this.authenticated = false;
            return this;
        }

        public Builder secretBody() {
            this.secretBody = true;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
