package dev.glaze.core.images

import dev.glaze.core.Cloud
import dev.glaze.core.internal.http.Sleeper

import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.concurrent.atomic.AtomicLong

/** Files of seeded random bytes written and hashed in chunks (never whole in memory), and a cloud for the specs. */
class TransferData {
    static final int MiB = 1 << 20

    /** {@code size} pseudo-random bytes from {@code seed}, written 1 MiB at a time. */
    static Path write(Path file, long size, long seed = 1) {
        def random = new Random(seed)
        byte[] chunk = new byte[MiB]
        Files.newOutputStream(file).withCloseable { out ->
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk)
                out.write(chunk, 0, (int) Math.min(chunk.length, left))
            }
        }
        file
    }

    static String hash(Path file, String algorithm = 'SHA-512') {
        def digest = MessageDigest.getInstance(algorithm)
        byte[] buffer = new byte[MiB]
        Files.newInputStream(file).withCloseable { InputStream i ->
            int n
            while ((n = i.read(buffer)) > 0) {
                digest.update(buffer, 0, n)
            }
        }
        HexFormat.of().formatHex(digest.digest())
    }

    /** A clock that moves on 50 ms each time it is read, so progress is reported at a known pace, not by timing. */
    static Clock ticking() {
        AtomicLong millis = new AtomicLong(1_700_000_000_000L)
        new Clock() {
            ZoneId getZone() { ZoneOffset.UTC }
            Clock withZone(ZoneId zone) { this }
            Instant instant() { Instant.ofEpochMilli(millis.addAndGet(50)) }
        }
    }

    /** A cloud on {@code endpoint} (auth none, project local) with a ticking clock; waits recorded, not slept. */
    static Cloud cloud(URI endpoint, List<Duration> waits = []) {
        Cloud.builder().endpoint(endpoint).project('local').clock(ticking())
                .sleeper({ Duration d -> waits << d } as Sleeper).build()
    }
}
