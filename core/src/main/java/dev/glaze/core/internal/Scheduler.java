package dev.glaze.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where glaze waits for tasks: a small shared pool of daemon threads running one-shot polls. Waiting
 * for a thousand tasks therefore takes at most {@link #MAX_THREADS} threads, never one per task, and no thread
 * sleeps between polls (a poll is scheduled, runs one request, and schedules the next).
 *
 * <pre>{@code
 * Scheduler.shared().schedule(() -> poll(), Duration.ofSeconds(5));
 * new Scheduler(Executors.newSingleThreadScheduledExecutor());    // specs: an executor of their own
 * }</pre>
 */
public final class Scheduler {
    /** Names of the shared pool's threads start with this, so a thread dump shows who they are. */
    public static final String THREAD_PREFIX = "glaze-tasks-";
    public static final int MAX_THREADS = 4;

    private static volatile Scheduler shared;

    private final ScheduledExecutorService executor;

    public Scheduler(ScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The pool every cloud shares, made on first use; its idle threads end after 30 s. */
    public static Scheduler shared() {
        Scheduler s = shared;
        if (s == null) {
            synchronized (Scheduler.class) {
                s = shared;
                if (s == null) {
                    s = new Scheduler(newPool());
                    shared = s;
                }
            }
        }
        return s;
    }

    private static ScheduledExecutorService newPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, THREAD_PREFIX + count.incrementAndGet());
            t.setDaemon(true); // waiting for a task must never keep a script's JVM alive
            return t;
        };
        // A ScheduledThreadPoolExecutor never grows beyond its core size, so this is the upper bound.
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(MAX_THREADS, threads);
        pool.setRemoveOnCancelPolicy(true);
        pool.setKeepAliveTime(30, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public ScheduledFuture<?> schedule(Runnable work, Duration delay) {
        return executor.schedule(work, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    public ScheduledExecutorService executor() {
        return executor;
    }
}
