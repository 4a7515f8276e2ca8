package dev.glaze.core.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How a batch of tasks ended ({@link Tasks#awaitAll}): the ones that succeeded, failed (with the service's
 * messages), were still running at the timeout, or could not be followed (e.g. the task vanished).
 *
 * <pre>{@code
 * AwaitSummary s = cloud.tasks().awaitAll(started, AwaitOptions.builder().timeout(Duration.ofHours(2)).build());
 * if (!s.isAllSucceeded()) System.err.println(s);   // a small table of what went wrong
 * s.getSucceeded().forEach(t -> System.out.println(t.getImageId()));
 * }</pre>
 *
 * Immutable.
 */
public final class AwaitSummary {
    private static final int LISTED_SUCCESSES = 20;

    private final List<Task> succeeded;
    private final List<Task> failed;
    private final List<Task> timedOut;
    private final Map<Task, String> errors;

    private AwaitSummary(List<Task> succeeded, List<Task> failed, List<Task> timedOut, Map<Task, String> errors) {
        this.succeeded = Collections.unmodifiableList(succeeded);
        this.failed = Collections.unmodifiableList(failed);
        this.timedOut = Collections.unmodifiableList(timedOut);
        this.errors = Collections.unmodifiableMap(errors);
    }

    static AwaitSummary collect(List<Poll> polls) {
        CompletableFuture<?>[] all = polls.stream().map(Poll::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get();
        } catch (ExecutionException someFailed) {
            // allOf ends only once every task has; each outcome is read below
        } catch (InterruptedException e) {
            List<Task> running = new ArrayList<>();
            for (Poll p : polls) {
                if (!p.future().isDone()) {
                    running.add(p.current());
                }
                p.future().cancel(false);
            }
            Thread.currentThread().interrupt();
            throw new AwaitInterruptedException(running, e);
        }
        List<Task> ok = new ArrayList<>();
        List<Task> failed = new ArrayList<>();
        List<Task> late = new ArrayList<>();
        Map<Task, String> errors = new LinkedHashMap<>();
        for (Poll p : polls) {
            try {
                ok.add(p.future().get());
            } catch (ExecutionException e) {
                RuntimeException cause = Poll.unwrap(e.getCause());
                if (cause instanceof TaskFailedException) {
                    failed.add(((TaskFailedException) cause).getTask());
                } else if (cause instanceof AwaitTimeoutException) {
                    late.add(((AwaitTimeoutException) cause).getTask());
                } else {
                    errors.put(p.current(), cause.getMessage());
                }
            } catch (CancellationException | InterruptedException e) {
                errors.put(p.current(), "no longer followed (cancelled)");
            }
        }
        return new AwaitSummary(ok, failed, late, errors);
    }

    public List<Task> getSucceeded() {
        return succeeded;
    }

    /** Tasks that ended in failure; {@link Task#getMessage()} says why. */
    public List<Task> getFailed() {
        return failed;
    }

    /** Tasks still running when the timeout passed; they keep running. */
    public List<Task> getTimedOut() {
        return timedOut;
    }

    /** Tasks that could not be followed to their end, with the reason. */
    public Map<Task, String> getErrors() {
        return errors;
    }

    public int getTotal() {
        return succeeded.size() + failed.size() + timedOut.size() + errors.size();
    }

    public boolean isAllSucceeded() {
        return succeeded.size() == getTotal();
    }

    /** A headline and one row per task that did not succeed (and per success, for small batches). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(getTotal()).append(getTotal() == 1 ? " task: " : " tasks: ").append(succeeded.size())
                .append(" succeeded, ").append(failed.size()).append(" failed, ").append(timedOut.size())
                .append(" timed out");
        if (!errors.isEmpty()) {
            out.append(", ").append(errors.size()).append(" not followed");
        }
        if (succeeded.size() <= LISTED_SUCCESSES) {
            for (Task t : succeeded) {
                row(out, "succeeded", t, t.getImageId() != null ? "image " + t.getImageId()
                        : t.getExportLocation() != null ? t.getExportLocation() : "");
            }
        }
        for (Task t : failed) {
            row(out, "failed", t, t.getMessage());
        }
        for (Task t : timedOut) {
            row(out, "timed out", t, t.getStatus() + "; resume: tasks['" + t.getId() + "'].await()");
        }
        errors.forEach((t, why) -> row(out, "not followed", t, why));
        return out.toString();
    }

    private static void row(StringBuilder out, String outcome, Task t, String detail) {
        out.append(System.lineSeparator()).append(String.format("%-12s  %-36s  %-6s  %s", outcome, t.getId(),
                t.getType(), detail == null ? "" : detail).stripTrailing());
    }
}
