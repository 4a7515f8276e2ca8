package dev.glaze.core.replication;

import dev.glaze.core.internal.TextTable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Replication} did: one row per image and target, in the order they were asked for. Its
 * {@link #toString()} is the summary table a script prints.
 *
 * <pre>
 * image     target          outcome  target image                          time    note
 * web-base  local ORD       copied   5c1f0b2e-8a7d-4c53-9e62-0b1f6a3c2d11  12.4 s
 * web-base  local IAD       skipped  0d9e4c1a-77b0-4f3e-8c5d-2a6b9e1f3c40   0.1 s  identical image there
 * </pre>
 */
public final class ReplicationReport {
    /** What happened to one image in one target. */
    public enum Outcome {
        /** Exported, copied, imported and verified. */
        COPIED,
        /** The target has an active image of that name with the same size and hash already. */
        SKIPPED,
        /** A dry run found nothing identical there: a real run would copy. */
        WOULD_COPY,
        /** Something went wrong; the row's note says what. Nothing half-made is left in the target. */
        FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One image in one target. {@code targetImageId} is null when no image is there (failed, would copy). */
    public record Row(String image, String sourceImageId, String target, Outcome outcome, String targetImageId,
                      Duration time, String note) {
    }

    private final List<Row> rows;

    ReplicationReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The rows that failed. */
    public List<Row> getFailed() {
        return rows.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
    }

    /** True when no row failed. */
    public boolean isOk() {
        return getFailed().isEmpty();
    }

    /** How many rows had {@code outcome}. */
    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The summary table, then one line of totals. */
    @Override
    public String toString() {
        TextTable table = new TextTable(List.of("image", "target", "outcome", "target image", "time", "note"), 4);
        for (Row r : rows) {
            table.row(r.image(), r.target(), r.outcome().toString(),
                    r.targetImageId() == null ? "-" : r.targetImageId(),
                    String.format(Locale.ROOT, "%.1f s", r.time().toMillis() / 1000.0), r.note());
        }
        StringBuilder out = new StringBuilder(table.toString());
        out.append(String.format(Locale.ROOT, "%d copied, %d skipped, %d would copy, %d failed%n",
                count(Outcome.COPIED), count(Outcome.SKIPPED), count(Outcome.WOULD_COPY), count(Outcome.FAILED)));
        return out.toString();
    }
}
