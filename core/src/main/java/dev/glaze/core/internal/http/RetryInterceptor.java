package dev.glaze.core.internal.http;

import dev.glaze.core.ConnectionException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends a request again when that is safe and may help:
 * <ul>
 * <li>no connection could be made (refused, connect timeout): nothing reached the server, so any replayable request;
 * <li>the connection broke after sending: only idempotent requests (a POST's fate is unknown, never repeated);
 * <li>429, or 413 with {@code Retry-After} (Repose's rate limit): refused before the service saw it, so any
 * replayable request;
 * <li>502, 503 (with or without {@code Retry-After}), 504: only idempotent requests, since a proxy may answer so
 * after the service acted.
 * </ul>
 */
final class RetryInterceptor implements Interceptor {
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public ApiResponse intercept(Chain chain) {
        ApiRequest request = chain.request();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.maxAttempts();
            ApiResponse response;
            try {
                response = chain.proceed(request);
            } catch (ConnectionException e) {
                boolean nothingSent = e.getCause() instanceof ConnectException
                        || e.getCause() instanceof HttpConnectTimeoutException;
                boolean safe = nothingSent ? request.replayable() : request.idempotent();
                if (last || !safe) {
                    throw e;
                }
                pause(policy.backoff(attempt), request, e);
                continue;
            }
            Optional<Duration> retryAfter = retryAfter(response);
            int status = response.status();
            boolean refused = status == 429 || (status == 413 && retryAfter.isPresent());
            boolean transientFailure = status == 502 || status == 503 || status == 504;
            boolean retry = refused ? request.replayable() : transientFailure && request.idempotent();
            if (!retry || last) {
                return response;
            }
            Duration wait = retryAfter.orElse(policy.backoff(attempt));
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                return response; // the server asks for longer than we wait: let the caller see it
            }
            response.close();
            pause(wait, request, null);
        }
    }

    private void pause(Duration wait, ApiRequest request, RuntimeException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (cause != null) {
                throw cause;
            }
            throw new ConnectionException(request.method(), Transport.redactedUri(request.uri()),
                    "interrupted while waiting to retry", e);
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date. */
    private Optional<Duration> retryAfter(ApiResponse response) {
        Optional<String> value = response.header("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
