package dev.glaze.emulator.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies an upload into a file in 1 MiB blocks while MD5 and SHA-512 are computed, each on its own thread, so
 * an upload runs at the pace of the slowest of (read + write), MD5 and SHA-512 instead of their sum. Written data
 * is pushed to disk in the background as it arrives, so the final force does not start a whole image's writeback.
 * Memory stays flat: a handful of blocks are recycled, whatever the size of the upload.
 */
final class DataReceiver {
    static final int BLOCK_SIZE = 1 << 20;
    /**
     * At most this many blocks per upload, allocated as needed (a small upload uses one). Measured on 1 GiB uploads
     * on two cores: 16 blocks smooth out the uneven pace of reader and hashers; 4 or 8 were 20-40 % slower.
     */
    private static final int BLOCKS = 16;
    /** Ask the disk to catch up after this many bytes, so writeback overlaps the upload. */
    private static final long FLUSH_EVERY = 64L << 20;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "glaze-upload-worker");
        t.setDaemon(true);
        return t;
    });

    /** What arrived: its size, hex digests, and its first {@link VirtualSize#HEAD_BYTES} bytes. */
    record Received(long size, String md5, String sha512, byte[] head) {
    }

    /** Looks at the running total after each block; throws (an HttpError) to stop the upload. */
    interface Progress {
        void check(long receivedSoFar);
    }

    /** Thrown when the body ends before its declared length: the client went away mid-upload. */
    static final class TruncatedBody extends IOException {
        TruncatedBody(long received, long declared) {
            super("the request body ended after " + received + " of " + declared + " bytes");
        }
    }

    /** Writing to our own disk failed (full, gone read-only): the service's problem, not the client's. */
    static final class StorageFailure extends IOException {
        StorageFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class Block {
        final byte[] data = new byte[BLOCK_SIZE];
        final AtomicInteger users = new AtomicInteger();
        int length;
    }

    private static final Block END = new Block();

    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private int allocated; // only the reading thread allocates

    private DataReceiver() {
    }

    /** A free block: a recycled one, a new one while fewer than {@link #BLOCKS} exist, else the next one released. */
    private Block nextBlock() throws IOException {
        Block recycled = free.poll();
        if (recycled != null) {
            return recycled;
        }
        if (allocated < BLOCKS) {
            allocated++;
            return new Block();
        }
        return take(free);
    }

    /**
     * Reads {@code body} to its end into {@code out} (which the caller forces and closes), checking
     * {@code declaredLength} (-1 = unknown) and calling {@code progress} after every block.
     */
    static Received receive(InputStream body, long declaredLength, FileChannel out, Progress progress)
            throws IOException {
        return new DataReceiver().run(body, declaredLength, out, progress);
    }

    private Received run(InputStream body, long declaredLength, FileChannel out, Progress progress) throws IOException {
        Hasher md5 = new Hasher(digest("MD5"));
        Hasher sha512 = new Hasher(digest("SHA-512"));
        Future<?> md5Done = WORKERS.submit(md5);
        Future<?> sha512Done = WORKERS.submit(sha512);
        Flusher flusher = new Flusher(out);
        byte[] head = new byte[VirtualSize.HEAD_BYTES];
        long total = 0;
        long flushedAt = 0;
        try {
            while (true) {
                Block block = nextBlock();
                block.length = fill(body, block.data);
                if (block.length == 0) {
                    free.add(block);
                    break;
                }
                if (total < head.length) {
                    System.arraycopy(block.data, 0, head, (int) total, (int) Math.min(block.length, head.length - total));
                }
                total += block.length;
                progress.check(total);
                block.users.set(3); // both hashers and this thread's write
                md5.queue.add(block);
                sha512.queue.add(block);
                write(out, block);
                release(block);
                if (total - flushedAt >= FLUSH_EVERY && flusher.start()) {
                    flushedAt = total;
                }
                if (block.length < BLOCK_SIZE) {
                    break;
                }
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw new TruncatedBody(total, declaredLength);
            }
            md5.queue.add(END);
            sha512.queue.add(END);
            await(md5Done);
            await(sha512Done);
            flusher.await();
            byte[] start = Arrays.copyOf(head, (int) Math.min(total, head.length));
            return new Received(total, md5.hex(), sha512.hex(), start);
        } finally {
            md5Done.cancel(true);
            sha512Done.cancel(true);
            flusher.awaitQuietly();
        }
    }

    /** Reads until the block is full or the body ends; returns how many bytes it holds. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static void write(FileChannel out, Block block) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(block.data, 0, block.length);
        try {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } catch (IOException e) {
            throw new StorageFailure(e);
        }
    }

    private void release(Block block) {
        if (block.users.decrementAndGet() == 0) {
            free.add(block);
        }
    }

    /** Feeds the blocks it is handed to one digest, then returns them to the pool. */
    private final class Hasher implements Runnable {
        final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS + 1);
        final MessageDigest digest;

        Hasher(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void run() {
            try {
                for (Block b = queue.take(); b != END; b = queue.take()) {
                    digest.update(b.data, 0, b.length);
                    release(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the upload was abandoned
            }
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Forces what is written so far to disk on a worker thread, one force at a time. */
    private static final class Flusher {
        private final FileChannel channel;
        private final AtomicBoolean running = new AtomicBoolean();
        private Future<?> current;

        Flusher(FileChannel channel) {
            this.channel = channel;
        }

        boolean start() {
            if (!running.compareAndSet(false, true)) {
                return false;
            }
            current = WORKERS.submit(() -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    // only an early start of the writeback; the final force reports real failures
                } finally {
                    running.set(false);
                }
            });
            return true;
        }

        void await() throws IOException {
            if (current != null) {
                DataReceiver.await(current);
            }
        }

        /** Waits for a running force on the way out of a failed upload, whose own error is the one to report. */
        void awaitQuietly() {
            try {
                await();
            } catch (IOException e) {
                // the upload failed already; this is only cleanup
            }
        }
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing an upload");
        } catch (ExecutionException e) {
            throw new IOException("upload worker failed", e.getCause());
        } catch (CancellationException e) {
            // cancelled on the way out of a failed upload
        }
    }

    private static Block take(BlockingQueue<Block> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving an upload");
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
