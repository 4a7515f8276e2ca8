package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Waiting for one task without a thread of its own: each look is a one-shot job on the shared {@link Scheduler}
 * that sends one {@code GET}, decides, and schedules the next look. Cancelling (or completing) the future stops it.
 */
final class Poll implements Runnable {
    private static final Random JITTER = new Random();

    private final Tasks tasks;
    private final AwaitOptions options;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Instant deadline;
    private final CompletableFuture<Task> future = new CompletableFuture<>();
    private Backoff backoff;
    private int retriesLeft;
    /** Looks in a row that found the service unreachable or failing (5xx); the wait goes on through a few. */
    private int troubledLooks;
    static final int TROUBLED_LOOKS_TOLERATED = 5;
    private volatile Task current;
    private volatile ScheduledFuture<?> next;

    Poll(Tasks tasks, Task task, AwaitOptions options, Scheduler scheduler, Random random) {
        this.tasks = tasks;
        this.options = options;
        this.scheduler = scheduler;
        this.clock = tasks.cloud().context().clock();
        Instant now = clock.instant();
        Duration timeout = options.getTimeout();
        // a timeout of years must not overflow Instant
        this.deadline = timeout.compareTo(Duration.ofDays(365_000)) > 0 ? Instant.MAX : now.plus(timeout);
        this.current = task;
        this.retriesLeft = options.getRetryTransient();
        this.backoff = Backoff.of(options, tasks.cloud().context().profile(), tasks.cloud().context().isLoopback(),
                random == null ? JITTER : random);
        future.whenComplete((t, e) -> {
            ScheduledFuture<?> n = next;
            if (n != null) {
                n.cancel(false);
            }
        });
    }

    /** Looks at the task as given first (it may have ended), on the scheduler. */
    Poll start() {
        // not kept in next: a cancel finds the future done before this runs, and scheduleNext sets next itself
        scheduler.schedule(() -> guarded(() -> evaluate(current)), Duration.ZERO);
        return this;
    }

    CompletableFuture<Task> future() {
        return future;
    }

    /** The task as last seen. */
    Task current() {
        return current;
    }

    @Override
    public void run() {
        guarded(() -> {
            Task fresh;
            try {
                fresh = current.refresh();
            } catch (dev.glaze.core.ConnectionException | dev.glaze.core.ServerErrorException trouble) {
                // a network blip or a 503 during a two-hour import must not end the wait: look again later
                if (++troubledLooks > TROUBLED_LOOKS_TOLERATED) {
                    throw trouble;
                }
                scheduleNext();
                return;
            }
            troubledLooks = 0;
            current = fresh;
            tell(fresh);
            evaluate(fresh);
        });
    }

    private void guarded(Runnable step) {
        if (future.isDone()) {
            return;
        }
        try {
            step.run();
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
    }

    private void evaluate(Task task) {
        if (task.isSuccess()) {
            // journaled before the await returns (a reader of the history sees it); listeners run on their own thread
            tasks.cloud().taskEvents().finished(tasks.cloud(), task);
            future.complete(task);
            return;
        }
        if (task.isFailure()) {
            if (retriesLeft > 0 && tasks.flow().isTransient(task)) {
                retriesLeft--;
                Task again = tasks.recreate(task);
                current = again;
                tell(again);
                backoff = Backoff.of(options, tasks.cloud().context().profile(), tasks.cloud().context().isLoopback(),
                        JITTER);
                scheduleNext();
                return;
            }
            tasks.cloud().taskEvents().finished(tasks.cloud(), task);
            future.completeExceptionally(new TaskFailedException(task));
            return;
        }
        scheduleNext();
    }

    private void scheduleNext() {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            future.completeExceptionally(new AwaitTimeoutException(current, options.getTimeout()));
            return;
        }
        Duration wait = backoff.next();
        Duration left = Duration.between(now, deadline);
        if (wait.compareTo(left) > 0) {
            wait = left; // one last look at the deadline itself
        }
        ScheduledFuture<?> scheduled = scheduler.schedule(this, wait);
        next = scheduled;
        if (future.isDone()) {
            scheduled.cancel(false); // cancelled while scheduling
        }
    }

    private void tell(Task task) {
        Consumer<Task> onPoll = options.getOnPoll();
        if (onPoll != null) {
            onPoll.accept(task);
        }
    }

    /** The exception a waiting caller sees: the one that ended the wait, as thrown on the scheduler. */
    static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new GlazeException("waiting for the task failed: " + cause, cause);
    }
}
