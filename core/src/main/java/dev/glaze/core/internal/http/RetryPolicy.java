package dev.glaze.core.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a request again. Bounded: at most {@code maxAttempts} sends, delays
 * growing exponentially from {@code baseDelay} up to {@code maxDelay} with jitter, and a server's
 * {@code Retry-After} honoured up to {@code maxRetryAfter} (a longer one is not waited for: the error is raised).
 */
public final class RetryPolicy {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20),
            Duration.ofSeconds(120));
    public static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The pause before attempt {@code attempt + 1} (attempt counts from 1): half of the exponential step plus a
     * random part of the other half, so that many clients do not retry in step, and never more than maxDelay.
     */
    public Duration backoff(int attempt) {
        long step = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
