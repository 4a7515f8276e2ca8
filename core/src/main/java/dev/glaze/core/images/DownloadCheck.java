package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a download is verified with, in glanceclient's order: {@code os_hash_value} with {@code os_hash_algo}; else
 * the MD5 {@code checksum}; else the {@code Content-MD5} header of a 200 answer (Glance's is hex, and the
 * whole image's even on a 206, which is never used for it); else nothing.
 */
final class DownloadCheck {
    private static final String HEADER = "Content-MD5";

    private final String imageId;
    private final String label;
    private final BackgroundDigest digest;
    private String expected;

    private DownloadCheck(String imageId, String label, MessageDigest digest, String expected) {
        this.imageId = imageId;
        this.label = label;
        this.digest = digest == null ? null : new BackgroundDigest(digest);
        this.expected = expected;
    }

    /** Ends the digest's worker thread. */
    void close() {
        if (digest != null) {
            digest.close();
        }
    }

    static DownloadCheck choose(String imageId, JsonObject image, DownloadOptions options) {
        if (!options.isVerify()) {
            return new DownloadCheck(imageId, null, null, null);
        }
        String algo = Json.string(image, "os_hash_algo");
        String hash = Json.string(image, "os_hash_value");
        String md5 = Json.string(image, "checksum");
        if (hash != null && algo != null) {
            MessageDigest d = Digests.forGlanceName(algo);
            if (d != null) {
                return new DownloadCheck(imageId, algo, d, hash);
            }
            if (md5 == null || !options.isAllowMd5()) {
                throw new GlazeException("image " + imageId + " is hashed with " + algo + ", which this Java does"
                        + " not know: download with verify: false to skip the check");
            }
        }
        if (!options.isAllowMd5()) {
            return new DownloadCheck(imageId, null, null, null);
        }
        if (md5 != null) {
            return new DownloadCheck(imageId, "md5", Digests.get("MD5"), md5);
        }
        // Nothing recorded: hash anyway, in case a 200 answer carries Content-MD5.
        return new DownloadCheck(imageId, HEADER, Digests.get("MD5"), null);
    }

    /** Takes note of an answer with the whole image (200): the only kind whose Content-MD5 is used. */
    void wholeImage(ApiResponse response) {
        if (digest == null) {
            return;
        }
        digest.reset();
        if (HEADER.equals(label)) {
            expected = response.header(HEADER).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(null);
        }
    }

    boolean hashing() {
        return digest != null;
    }

    void update(byte[] buffer, int offset, int length) {
        digest.update(buffer, offset, length);
    }

    void reset() {
        digest.reset();
    }

    /**
     * Compares the hash of what was downloaded with the expected one.
     *
     * @return what verified it, or null when nothing could
     * @throws GlazeException on a mismatch
     */
    String verify() {
        if (digest == null || expected == null) {
            return null;
        }
        String actual = digest.hex();
        if (!actual.equalsIgnoreCase(expected.trim())) {
            String source = HEADER.equals(label) ? "the server's Content-MD5 says" : "the image records " + label;
            throw new GlazeException("image " + imageId + ": the downloaded data has " + (HEADER.equals(label)
                    ? "md5" : label) + " " + actual + " but " + source + " " + expected.trim()
                    + "; the partial file was deleted: download again, and if it recurs the stored data is damaged");
        }
        return label;
    }
}
