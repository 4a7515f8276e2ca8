package dev.glaze.core.images;

/** What a lookup by name does when several images carry the name (ids differ between regions; names need not be unique). */
public enum DuplicateNames {
    /** Refuse, listing the ids (the default: acting on the wrong image is worse than stopping). */
    ERROR,
    /** Take the most recently created. */
    NEWEST,
    /** Take the first created. */
    OLDEST
}
