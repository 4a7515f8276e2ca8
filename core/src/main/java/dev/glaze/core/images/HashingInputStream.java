package dev.glaze.core.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Feeds every byte read to a progress meter and to the digest the server will record, computed on a thread of its
 * own so the upload is not held to the digest's speed: what an upload really sent.
 */
final class HashingInputStream extends FilterInputStream {
    private final String algorithm;
    private final BackgroundDigest digest;
    private final ProgressMeter meter;
    private long count;

    /** {@code algorithm}: {@code SHA-512} or {@code MD5} (a Java digest name), or null to count without hashing. */
    HashingInputStream(InputStream in, ProgressMeter meter, String algorithm) {
        super(in);
        this.meter = meter;
        this.algorithm = algorithm;
        this.digest = algorithm == null ? null : new BackgroundDigest(Digests.get(algorithm));
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte sent must be hashed, so nothing is skipped
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void seen(byte[] buffer, int offset, int n) {
        if (digest != null) {
            digest.update(buffer, offset, n);
        }
        count += n;
        meter.add(n);
    }

    long count() {
        return count;
    }

    String algorithm() {
        return algorithm;
    }

    /** The digest of what was read; ends the digest's thread. */
    String hex() {
        if (digest == null) {
            return null;
        }
        try {
            return digest.hex();
        } finally {
            digest.close();
        }
    }

    /** After a failed attempt: closes the source and ends the digest's thread without waiting for it. */
    void abandon() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the attempt failed already; nothing more to report
        }
        if (digest != null) {
            digest.close();
        }
    }
}
