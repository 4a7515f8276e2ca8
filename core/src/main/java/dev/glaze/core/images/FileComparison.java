package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** Whether a local file holds an image's data: by size, then by the hash the service recorded. */
public final class FileComparison {
    private FileComparison() {
    }

    /**
     * Empty when the file holds the image's data; otherwise what differs ("a size of 10 bytes, not 12"). The hash
     * is the image's {@code os_hash_value} (by its {@code os_hash_algo}), else its MD5 {@code checksum}; the file is
     * read only when the sizes match.
     */
    public static Optional<String> difference(Image image, Path file) {
        try {
            long size = Files.size(file);
            if (image.getSize() == null || image.getSize() != size) {
                return Optional.of("a size of " + image.getSize() + " bytes, not the " + size + " of " + file);
            }
            String algo = image.getOsHashValue() != null ? image.getOsHashAlgo() : "md5";
            String expected = image.getOsHashValue() != null ? image.getOsHashValue() : image.getChecksum();
            MessageDigest digest = algo == null ? null : Digests.forGlanceName(algo);
            if (expected == null || digest == null) {
                return Optional.empty(); // the service recorded no hash this Java can compute: the sizes are equal
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[256 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            return actual.equalsIgnoreCase(expected) ? Optional.empty()
                    : Optional.of("other data (its " + algo + " is not that of " + file + ")");
        } catch (IOException e) {
            throw new GlazeException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
