package dev.glaze.core.ensure;

import dev.glaze.core.images.Image;
import java.util.List;
import java.util.Locale;

/**
 * What {@link EnsureImage} found and did: the image (null only when a dry run found none to update), whether it
 * was created, updated or already as asked, and each change in words ({@code min_disk 10 → 20}).
 */
public record Ensured(String name, Image image, Action action, List<String> changes, boolean dryRun) {
    /** The outcome. */
    public enum Action {
        CREATED, UPDATED, UNCHANGED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Ensured {
        changes = List.copyOf(changes);
    }

    public boolean isChanged() {
        return action != Action.UNCHANGED;
    }

    /** One line: {@code web-gold 1b2c…: updated (min_disk 10 → 20, tags + gold)}; a dry run says "would be". */
    @Override
    public String toString() {
        String id = image == null ? "" : " " + image.getId();
        if (action == Action.UNCHANGED) {
            return name + id + ": unchanged";
        }
        return name + id + ": " + (dryRun ? "would be " : "") + action
                + (changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
    }
}
