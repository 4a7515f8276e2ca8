package dev.glaze.core.internal.http;

import java.time.Duration;

/** Waits; replaced in specs so that backoff and polling run instantly and their delays can be read. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
