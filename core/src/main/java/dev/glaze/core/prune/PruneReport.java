package dev.glaze.core.prune;

import dev.glaze.core.internal.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Prune} did: one row per image of the series, newest first. Its {@link #toString()} is the table a
 * script prints:
 *
 * <pre>
 * image   id                                    created               decision      reason
 * web-5   0d9e4c1a-77b0-4f3e-8c5d-2a6b9e1f3c40  2026-12-02T01:00:00Z  keep          one of the 2 newest
 * web-2   5c1f0b2e-8a7d-4c53-9e62-0b1f6a3c2d11  2026-12-02T00:57:00Z  keep          protected
 * web-1   7a2b…                                 2026-12-02T00:56:00Z  would delete  older than the 2 newest
 * 1 would be deleted, 2 kept (dry run: nothing deleted)
 * </pre>
 */
public final class PruneReport {
    /** What became of one image. */
    public enum Decision {
        KEEP, DELETED, WOULD_DELETE,
        /** Chosen for deletion, but the service refused; the row's reason says why. */
        FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One image: its decision and why. */
    public record Row(String image, String imageId, Instant createdAt, Decision decision, String reason) {
    }

    private final List<Row> rows;
    private final boolean dryRun;

    PruneReport(List<Row> rows, boolean dryRun) {
        this.rows = List.copyOf(rows);
        this.dryRun = dryRun;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** The rows with {@code decision}. */
    public List<Row> rows(Decision decision) {
        return rows.stream().filter(r -> r.decision() == decision).toList();
    }

    /** The images deleted (none in a dry run). */
    public List<Row> getDeleted() {
        return rows(Decision.DELETED);
    }

    /** True when no deletion failed. */
    public boolean isOk() {
        return rows(Decision.FAILED).isEmpty();
    }

    /** The table, then one line of totals. */
    @Override
    public String toString() {
        TextTable table = new TextTable(List.of("image", "id", "created", "decision", "reason"));
        rows.forEach(r -> table.row(r.image(), r.imageId(), r.createdAt() == null ? "-" : r.createdAt().toString(),
                r.decision().toString(), r.reason()));
        String totals = dryRun
                ? rows(Decision.WOULD_DELETE).size() + " would be deleted, " + rows(Decision.KEEP).size()
                        + " kept (dry run: nothing deleted)"
                : rows(Decision.DELETED).size() + " deleted, " + rows(Decision.KEEP).size() + " kept"
                        + (isOk() ? "" : ", " + rows(Decision.FAILED).size() + " failed");
        return (rows.isEmpty() ? "" : table.toString()) + totals + "\n";
    }
}
