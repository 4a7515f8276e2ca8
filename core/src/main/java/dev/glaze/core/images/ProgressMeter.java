package dev.glaze.core.images;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Counts the bytes of one transfer and hands {@link TransferProgress} snapshots to a callback, at most one per
 * {@link #INTERVAL} and a final one. Uploads count on the HTTP client's thread, so the state is guarded.
 */
final class ProgressMeter {
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final Clock clock;
    private final Consumer<TransferProgress> callback;
    private final long startMillis;
    private long total;
    private long bytes;
    private long bytesAtStart; // what a resumed download already had: not part of the rate
    private long lastReport;

    ProgressMeter(Clock clock, long total, Consumer<TransferProgress> callback) {
        this.clock = clock;
        this.total = total;
        this.callback = callback;
        this.startMillis = clock.millis();
        this.lastReport = startMillis;
    }

    /** Starts counting again from zero (a retried upload, a download the server starts over). */
    synchronized void restart() {
        bytes = 0;
        bytesAtStart = 0;
    }

    /** The bytes a resumed download had before this run. */
    synchronized void resumedAt(long bytes) {
        this.bytes = bytes;
        this.bytesAtStart = bytes;
    }

    synchronized void total(long total) {
        this.total = total;
    }

    synchronized long bytes() {
        return bytes;
    }

    void add(int n) {
        TransferProgress report = null;
        synchronized (this) {
            bytes += n;
            if (callback != null) {
                long now = clock.millis();
                if (now - lastReport >= INTERVAL.toMillis()) {
                    lastReport = now;
                    report = snapshot(now, false, null);
                }
            }
        }
        if (report != null) {
            callback.accept(report); // outside the lock: a slow callback must not block a reset from another thread
        }
    }

    /** The final snapshot, also handed to the callback. */
    TransferProgress finish(String verifiedWith) {
        TransferProgress last;
        synchronized (this) {
            if (total < 0) {
                total = bytes;
            }
            last = snapshot(clock.millis(), true, verifiedWith);
        }
        if (callback != null) {
            callback.accept(last);
        }
        return last;
    }

    private TransferProgress snapshot(long now, boolean done, String verifiedWith) {
        long millis = Math.max(0, now - startMillis);
        long rate = millis == 0 ? 0 : (bytes - bytesAtStart) * 1000 / millis;
        return new TransferProgress(bytes, total, Duration.ofMillis(millis), rate, done, verifiedWith);
    }
}
