package dev.glaze.emulator.swift;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored object as a listing or a HEAD shows it: {@code etag} is the MD5 of its content in lower-case hex,
 * {@code deleteAt} when it expires (null: never).
 *
 * <p>A listing with a delimiter also rolls names up into pseudo-folders: those entries are {@linkplain #isSubdir()
 * subdirs}, with only a name (ending with the delimiter), size 0 and every other field null.
 */
public record ObjectInfo(String name, long size, String etag, String contentType, Instant lastModified,
        Instant deleteAt) {

    public ObjectInfo {
        Objects.requireNonNull(name, "name");
    }

    /** A pseudo-folder entry of a delimited listing. */
    public static ObjectInfo subdir(String name) {
        return new ObjectInfo(name, 0, null, null, null, null);
    }

    public boolean isSubdir() {
        return etag == null;
    }

    /** True when the object has expired at {@code now} (Swift: {@code X-Delete-At <= now}). */
    public boolean expiredAt(Instant now) {
        return deleteAt != null && !now.isBefore(deleteAt);
    }
}
