package dev.glaze.emulator.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.ServiceConfig;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.swift.ObjectStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a region's tasks in the background: {@code pending}, after the task delay {@code processing} (the job checks
 * its input and prepares), after the delay again the copy, then {@code success} or {@code failure}. The waits hold no
 * thread; the copies run on a fixed pool of {@link ServiceConfig#taskWorkers()} threads, so a thousand tasks queue up
 * instead of starting a thousand threads.
 *
 * <p>A stop (even {@code kill -9}) may cut a task off anywhere. The next start ({@link #start}) ends every task that
 * had not finished in {@code failure} and removes the image an unfinished import had made: as Glance's import flow
 * reverts a failed import by deleting its image, no half-imported image survives.
 */
public final class TaskRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());
    static final String STOPPED = "The image service stopped while this task was running; run it again.";

    private final TaskStore tasks;
    private final TaskJobs jobs;
    private final Duration delay;
    private final Duration timeToLive;
    private final ScheduledThreadPoolExecutor pool;
    private final Set<TaskJob> copying = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private TaskRunner(TaskStore tasks, TaskJobs jobs, ServiceConfig config, String region) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.delay = config.taskDelay();
        this.timeToLive = config.taskTimeToLive();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(config.taskWorkers(), r -> {
            Thread t = new Thread(r, "glaze-task-" + region + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setKeepAliveTime(30, TimeUnit.SECONDS); // an idle service keeps no task threads
        pool.allowCoreThreadTimeOut(true);
    }

    /** Recovers the tasks a stop cut off (they end in failure, their images removed), then accepts new ones. */
    public static TaskRunner start(TaskStore tasks, ImageStore images, ObjectStore objects, ServiceConfig config,
            String region) {
        TaskJobs jobs = new TaskJobs(images, objects, config.profile(), config.imageSizeCap(), tasks);
        TaskRunner runner = new TaskRunner(tasks, jobs, config, region);
        runner.recover(images);
        return runner;
    }

    public Profile profile() {
        return jobs.profile();
    }

    private void recover(ImageStore images) {
        for (StoredTask task : tasks.stored()) {
            if (task.finished()) {
                continue;
            }
            LOG.info(() -> "task " + task.id() + " was " + task.status() + " when the service stopped; it failed");
            if (task.createdImage() != null) {
                TaskJobs.deleteImage(images, task.createdImage());
            }
            Instant now = tasks.now();
            tasks.update(task.id(), t -> t.failed(STOPPED, now, now.plus(timeToLive)));
        }
    }

    /** Starts a stored {@code pending} task after the delay. */
    public void submit(StoredTask task) {
        schedule(() -> begin(task.id()));
    }

    private void schedule(Runnable step) {
        try {
            pool.schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the service is stopping: the task stays as stored, and the next start fails it
        }
    }

    private void begin(String id) {
        Instant now = tasks.now();
        StoredTask task = tasks.update(id, t -> StoredTask.PENDING.equals(t.status()) ? t.processing(now) : t)
                .orElse(null);
        if (task == null || !StoredTask.PROCESSING.equals(task.status())) {
            return;
        }
        TaskJob job = jobs.create(task);
        try {
            job.prepare();
        } catch (TaskFailure f) {
            fail(id, job, f.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(id, job, unexpected(task, e));
            return;
        }
        schedule(() -> finish(task, job));
    }

    private void finish(StoredTask task, TaskJob job) {
        String id = task.id();
        Map<String, Object> result;
        copying.add(job);
        try {
            if (closing) {
                return;
            }
            result = job.copy();
        } catch (TaskFailure f) {
            fail(id, job, f.getMessage());
            return;
        } catch (InterruptedIOException e) {
            if (!closing) {
                fail(id, job, job.describe(e));
            }
            return;
        } catch (IOException e) {
            fail(id, job, job.describe(e));
            return;
        } catch (HttpError e) {
            fail(id, job, jobs.failure(e.explanation()));
            return;
        } catch (RuntimeException e) {
            fail(id, job, unexpected(task, e));
            return;
        } finally {
            copying.remove(job);
        }
        Instant now = tasks.now();
        tasks.update(id, t -> t.succeeded(result, now, now.plus(timeToLive)));
    }

    /** Records the failure, unless the service is stopping: then the next start does (the same for every task). */
    private void fail(String id, TaskJob job, String message) {
        if (closing) {
            return;
        }
        job.cleanUp();
        Instant now = tasks.now();
        tasks.update(id, t -> t.failed(message, now, now.plus(timeToLive)));
    }

    private String unexpected(StoredTask task, RuntimeException e) {
        LOG.log(Level.WARNING, "task " + task.id() + " failed unexpectedly", e);
        return jobs.failure("unexpected error: " + e);
    }

    /** Stops: nothing more is written to the tasks; copies under way are cut off and awaited a little. */
    @Override
    public void close() {
        closing = true;
        tasks.close();
        pool.shutdownNow();
        copying.forEach(TaskJob::abort);
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("task copies still running 10 s after the stop; the next start fails their tasks");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
