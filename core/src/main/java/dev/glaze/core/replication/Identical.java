package dev.glaze.core.replication;

import dev.glaze.core.Cloud;
import dev.glaze.core.images.Image;
import java.util.Map;
import java.util.Objects;

/** When two images hold the same data: same size, and the same SHA-512 (or, where a side lacks it, MD5). */
final class Identical {
    private Identical() {
    }

    /** An active image of {@code image}'s name in {@code target} with the same data, or null. */
    static Image find(Image image, Cloud target) {
        for (Image candidate : target.images().where(Map.of("name", image.getName()))) {
            if ("active".equals(candidate.getStatus()) && sameData(image, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean sameData(Image a, Image b) {
        if (!Objects.equals(a.getSize(), b.getSize()) || a.getSize() == null) {
            return false;
        }
        if (a.getOsHashValue() != null && b.getOsHashValue() != null
                && Objects.equals(a.getOsHashAlgo(), b.getOsHashAlgo())) {
            return a.getOsHashValue().equals(b.getOsHashValue());
        }
        // an older cloud (Rackspace's Icehouse) keeps only the MD5; without any hash nothing proves them equal
        return a.getChecksum() != null && a.getChecksum().equals(b.getChecksum());
    }

    /** Why two images differ, for a note: the first of size and hash that does. */
    static String difference(Image source, Image copy) {
        if (!Objects.equals(source.getSize(), copy.getSize())) {
            return "size " + copy.getSize() + " instead of " + source.getSize();
        }
        return "hash " + (copy.getOsHashValue() != null ? copy.getOsHashValue() : copy.getChecksum())
                + " instead of " + (source.getOsHashValue() != null ? source.getOsHashValue() : source.getChecksum());
    }
}
