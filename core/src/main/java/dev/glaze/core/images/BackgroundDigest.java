package dev.glaze.core.images;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A digest computed on its own thread while the caller goes on moving bytes: SHA-512 runs at a few hundred MiB/s,
 * slower than a fast network, so hashing in line would slow every transfer down to it. The bytes are copied into
 * chunks (a few MiB in flight at most, so a slow digest holds the transfer back rather than filling the heap) and
 * digested in order by one worker thread.
 */
final class BackgroundDigest implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 4;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MessageDigest digest;
    private final ExecutorService worker;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ArrayBlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private byte[] current;
    private int filled;

    BackgroundDigest(MessageDigest digest) {
        this.digest = digest;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glaze-digest-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void update(byte[] buffer, int offset, int length) {
        while (length > 0) {
            if (current == null) {
                current = spare.poll();
                if (current == null) {
                    current = new byte[CHUNK];
                }
                filled = 0;
            }
            int n = Math.min(length, CHUNK - filled);
            System.arraycopy(buffer, offset, current, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == CHUNK) {
                submit();
            }
        }
    }

    private void submit() {
        if (current == null || filled == 0) {
            return;
        }
        slots.acquireUninterruptibly();
        byte[] chunk = current;
        int n = filled;
        current = null;
        filled = 0;
        worker.execute(() -> {
            try {
                digest.update(chunk, 0, n);
            } finally {
                spare.offer(chunk);
                slots.release();
            }
        });
    }

    /** Waits for the bytes handed over so far to be digested. */
    private void drain() {
        submit();
        slots.acquireUninterruptibly(IN_FLIGHT);
        slots.release(IN_FLIGHT);
    }

    /** The digest of everything handed over, as lower-case hex; the digest starts afresh. */
    String hex() {
        drain();
        return HexFormat.of().formatHex(digest.digest());
    }

    void reset() {
        drain();
        digest.reset();
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
