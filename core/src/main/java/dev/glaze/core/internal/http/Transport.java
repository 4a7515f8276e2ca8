package dev.glaze.core.internal.http;

import dev.glaze.core.ApiException;
import dev.glaze.core.ConnectionException;
import dev.glaze.core.internal.Version;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one HTTP pipeline: retry, then authentication, then (when on) logging, then {@code java.net.http}. Every
 * request gets {@code User-Agent: glaze/<version>} and {@code Accept: application/json} unless it says otherwise.
 * Thread-safe; one per cloud and region, all sharing {@link SharedHttpClient}.
 */
public final class Transport {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final String USER_AGENT = "glaze/" + Version.get();

    private final Supplier<HttpClient> client;
    private final List<Interceptor> interceptors;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    private Transport(Builder b) {
        this.client = b.client;
        this.retry = b.retry;
        this.sleeper = b.sleeper;
        List<Interceptor> chain = new ArrayList<>();
        chain.add(new RetryInterceptor(b.retry, b.sleeper, b.clock));
        chain.add(new AuthInterceptor(b.tokens));
        if (b.log != null) {
            chain.add(new LoggingInterceptor(b.log));
        }
        this.interceptors = List.copyOf(chain);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends the request and returns the answer whatever its status; the caller reads or closes it. */
    public ApiResponse send(ApiRequest request) {
        return new RealChain(0, request).proceed(request);
    }

    /** Sends the request; an error status becomes the matching {@link ApiException}. */
    public ApiResponse call(ApiRequest request) {
        ApiResponse response = send(request);
        if (!response.ok()) {
            throw error(response);
        }
        return response;
    }

    /**
     * Sends the request and reads the JSON object it answers with. A connection that breaks while the body is read
     * is, for an idempotent request, sent again (the pipeline's retries cover failures before the answer starts).
     */
    public JsonObject json(ApiRequest request) {
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = call(request);
            try {
                response.bytes();
            } catch (java.io.UncheckedIOException broken) {
                if (!request.idempotent() || attempt >= retry.maxAttempts()) {
                    throw new ConnectionException(request.method(), redactedUri(request.uri()),
                            "the connection broke while reading the answer: "
                                    + Secrets.redact(String.valueOf(broken.getCause().getMessage())), broken);
                }
                try {
                    sleeper.sleep(retry.backoff(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionException(request.method(), redactedUri(request.uri()), "interrupted", e);
                }
                continue;
            }
            return response.jsonObject();
        }
    }

    /** Sends the request and drops the answer's body (204s, deletes). */
    public void discard(ApiRequest request) {
        call(request).close();
    }

    /** The exception for an error answer, with the server's message; reads (and so consumes) the body. */
    public static ApiException error(ApiResponse response) {
        byte[] body;
        try {
            body = response.bytes();
        } catch (RuntimeException unreadable) {
            body = new byte[0];
        }
        String message = response.status() >= 300 && response.status() < 400
                ? redirect(response)
                : Secrets.redact(ErrorBodies.message(body, response.header("Content-Type").orElse(null)));
        return ApiException.of(response.method(), redactedUri(response.uri()), response.status(), message,
                response.header("x-openstack-request-id").orElse(null));
    }

    /** glaze follows no redirects: a 3xx means the URL is not quite right, and says where to look. */
    private static String redirect(ApiResponse response) {
        return response.header("Location")
                .map(to -> "the service redirects to " + Secrets.redact(to) + "; use that URL as the endpoint")
                .orElse(response.status() == 300
                        ? "the service answered with its list of API versions, not the v2 API: check the endpoint"
                        + " URL (it ends at the host and port, or the path prefix, or .../v2)"
                        : "unexpected redirect; check the endpoint URL");
    }

    static URI redactedUri(URI uri) {
        String text = uri.toString();
        String redacted = Secrets.redact(text);
        return text.equals(redacted) ? uri : URI.create(redacted.replace(Secrets.MASK, "REDACTED"));
    }

    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final ApiRequest request;

        RealChain(int index, ApiRequest request) {
            this.index = index;
            this.request = request;
        }

        @Override
        public ApiRequest request() {
            return request;
        }

        @Override
        public ApiResponse proceed(ApiRequest next) {
            if (index < interceptors.size()) {
                return interceptors.get(index).intercept(new RealChain(index + 1, next));
            }
            return network(next);
        }
    }

    private ApiResponse network(ApiRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .method(request.method(), request.bodyPublisher())
                .timeout(request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout())
                .header("User-Agent", USER_AGENT);
        if (!request.headers().containsKey("Accept")) {
            b.header("Accept", "application/json");
        }
        request.headers().forEach(b::header);
        try {
            HttpResponse<InputStream> r = client.get().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new ApiResponse(request, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new ConnectionException(request.method(), redactedUri(request.uri()), problem(e, request), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(request.method(), redactedUri(request.uri()), "interrupted", e);
        }
    }

    private static String problem(IOException e, ApiRequest request) {
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect within " + SharedHttpClient.CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            Duration t = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
            return "no answer within " + t.toSeconds() + " s";
        }
        if (e instanceof ConnectException || (e.getCause() instanceof ConnectException)) {
            return "connection refused (is the service running at " + request.uri().getAuthority() + "?)";
        }
        String m = e.getMessage();
        return Secrets.redact(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    public static final class Builder {
        private Supplier<HttpClient> client = SharedHttpClient::get;
        private TokenProvider tokens = TokenProvider.NONE;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private HttpLog log;

        public Builder client(Supplier<HttpClient> client) {
            this.client = client;
            return this;
        }

        public Builder tokens(TokenProvider tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder log(HttpLog log) {
            this.log = log;
            return this;
        }

        public Transport build() {
            return new Transport(this);
        }
    }
}
