package dev.glaze.core.images;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far an upload or download is: an immutable snapshot handed to a progress callback at most about ten times a
 * second, and once more when the transfer is done (after its data was verified).
 *
 * <pre>{@code
 * image.upload(Path.of("disk.raw"), p -> System.out.println(p));
 * // 12.0 MiB of 1.0 GiB (1%), 85.3 MiB/s, ETA 0:12
 * // ...
 * // 1.0 GiB of 1.0 GiB (100%), 91.2 MiB/s, done, verified by sha512
 * }</pre>
 */
public final class TransferProgress {
    private final long bytes;
    private final long total;
    private final Duration elapsed;
    private final long bytesPerSecond;
    private final boolean done;
    private final String verifiedWith;

    /**
     * @param bytes          bytes moved so far (a resumed download counts those it already had)
     * @param total          bytes in all, -1 when unknown
     * @param bytesPerSecond the rate over the bytes moved by this transfer
     * @param verifiedWith   on the final snapshot, what the data was checked with ({@code sha512}, {@code md5},
     *                       {@code Content-MD5}); null when unchecked or not done
     */
    TransferProgress(long bytes, long total, Duration elapsed, long bytesPerSecond, boolean done, String verifiedWith) {
        this.bytes = bytes;
        this.total = total;
        this.elapsed = elapsed;
        this.bytesPerSecond = bytesPerSecond;
        this.done = done;
        this.verifiedWith = verifiedWith;
    }

    /** Bytes sent or received so far. */
    public long getBytes() {
        return bytes;
    }

    /** The size of the whole transfer, or -1 when the server or the caller did not say. */
    public long getTotal() {
        return total;
    }

    /** Time since the transfer started. */
    public Duration getElapsed() {
        return elapsed;
    }

    /** The average rate so far; 0 before any time has passed. */
    public long getBytesPerSecond() {
        return bytesPerSecond;
    }

    /** Time left at the current rate; empty when the total or the rate is unknown, zero once done. */
    public Optional<Duration> getEta() {
        if (done) {
            return Optional.of(Duration.ZERO);
        }
        if (total < 0 || bytesPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, total - bytes) * 1000 / bytesPerSecond));
    }

    /** Whether this is the final snapshot: all data moved (and, where possible, verified). */
    public boolean isDone() {
        return done;
    }

    /** Whether the data was checked against a hash the server recorded or sent (final snapshot only). */
    public boolean isVerified() {
        return verifiedWith != null;
    }

    /** What the data was checked with ({@code sha512}, {@code md5}, {@code Content-MD5}); null when it was not. */
    public String getVerifiedWith() {
        return verifiedWith;
    }

    /** Like {@code 12.0 MiB of 1.0 GiB (1%), 85.3 MiB/s, ETA 0:12}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(size(bytes));
        if (total >= 0) {
            s.append(" of ").append(size(total)).append(" (").append(total == 0 ? 100 : bytes * 100 / total)
                    .append("%)");
        }
        s.append(", ").append(size(bytesPerSecond)).append("/s");
        if (done) {
            s.append(", done, ").append(verifiedWith == null ? "unverified" : "verified by " + verifiedWith);
        } else {
            getEta().ifPresent(eta -> s.append(", ETA ").append(clock(eta)));
        }
        return s.toString();
    }

    /** {@code 512 B}, {@code 12.0 MiB}, {@code 1.0 GiB}: binary units, one decimal. */
    static String size(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    /** {@code 0:12}, {@code 12:05}, {@code 1:02:03}. */
    static String clock(Duration d) {
        long seconds = d.toSeconds();
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
