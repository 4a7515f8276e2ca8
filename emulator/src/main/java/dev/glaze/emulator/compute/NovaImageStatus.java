package dev.glaze.emulator.compute;

import java.util.Map;

/**
 * How Nova shows a Glance image's status and progress ({@code nova/api/openstack/compute/views/images.py}). Statuses
 * Nova predates ({@code deactivated}, {@code importing}, {@code uploading}) come out {@code UNKNOWN} with progress 0.
 */
public final class NovaImageStatus {
    private static final Map<String, String> STATUS = Map.of(
            "active", "ACTIVE",
            "queued", "SAVING",
            "saving", "SAVING",
            "deleted", "DELETED",
            "pending_delete", "DELETED",
            "killed", "ERROR");
    private static final Map<String, Integer> PROGRESS = Map.of("queued", 25, "saving", 50, "active", 100);

    private NovaImageStatus() {
    }

    /** The Compute status of an image whose Glance status is {@code glanceStatus} (which may be null). */
    public static String status(String glanceStatus) {
        return glanceStatus == null ? "UNKNOWN" : STATUS.getOrDefault(glanceStatus, "UNKNOWN");
    }

    /** The Compute progress (percent) of an image whose Glance status is {@code glanceStatus}. */
    public static int progress(String glanceStatus) {
        return glanceStatus == null ? 0 : PROGRESS.getOrDefault(glanceStatus, 0);
    }
}
