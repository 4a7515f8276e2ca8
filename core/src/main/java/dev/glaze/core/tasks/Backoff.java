package dev.glaze.core.tasks;

import dev.glaze.core.ServiceProfile;
import java.time.Duration;
import java.util.Random;

/**
 * The waits between two looks at a task: {@code initial}, then each {@code factor} times the one before, never over
 * {@code max}; each varied by up to ±{@code jitter} (but still at most {@code max}), so that many tasks created
 * together are not all polled in the same instant. Not thread-safe: one per wait.
 */
final class Backoff {
    private final double maxMs;
    private final double factor;
    private final double jitter;
    private final Random random;
    private double currentMs;

    Backoff(Duration initial, Duration max, double factor, double jitter, Random random) {
        this.currentMs = initial.toMillis();
        this.maxMs = Math.max(max.toMillis(), initial.toMillis());
        this.factor = factor;
        this.jitter = jitter;
        this.random = random;
    }

    static Backoff of(AwaitOptions options, ServiceProfile profile, Random random) {
        return of(options, profile, false, random);
    }

    static Backoff of(AwaitOptions options, ServiceProfile profile, boolean loopback, Random random) {
        return new Backoff(options.initialPoll(profile, loopback), options.maxPoll(profile, loopback),
                options.getFactor(), options.getJitter(), random);
    }

    Duration next() {
        double base = currentMs;
        currentMs = Math.min(maxMs, currentMs * factor);
        double spread = jitter == 0 ? 1.0 : 1.0 + (random.nextDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(maxMs, base * spread))));
    }
}
