package dev.glaze.core.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Feeds every byte read to an MD5 and a SHA-512 digest and to a progress meter: what an upload really sent. */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest md5 = Digests.get("MD5");
    private final MessageDigest sha512 = Digests.get("SHA-512");
    private final ProgressMeter meter;
    private long count;

    HashingInputStream(InputStream in, ProgressMeter meter) {
        super(in);
        this.meter = meter;
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
        md5.update(buffer, offset, n);
        sha512.update(buffer, offset, n);
        count += n;
        meter.add(n);
    }

    long count() {
        return count;
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha512Hex() {
        return HexFormat.of().formatHex(sha512.digest());
    }
}
