package dev.glaze.core.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * One task glaze created, as the local journal last saw it: where (the cloud's display name), what was asked
 * ({@code input}), and, once an await saw it end, how it ended. The service forgets tasks after about 48 hours;
 * the journal does not. An unfinished one is taken up again with {@code tasks[entry.id].await()}.
 */
public record JournalEntry(String id, String type, String cloud, Map<String, Object> input, Instant createdAt,
                           String status, String message, Map<String, Object> result, Instant finishedAt) {
    /** True once an await saw it succeed or fail. */
    public boolean isFinished() {
        return finishedAt != null;
    }

    @Override
    public String toString() {
        return "task " + id + " (" + type + ", " + status + ", " + cloud + ", created " + createdAt
                + (message == null || message.isEmpty() ? "" : ": " + message) + ")";
    }
}
