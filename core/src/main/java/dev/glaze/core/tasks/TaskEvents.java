package dev.glaze.core.tasks;

import dev.glaze.core.Cloud;
import dev.glaze.core.spi.GlazePlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a cloud reports the tasks it creates and sees end: its journal, if it has one, the listeners registered on
 * it, and those of its active plugins. Shared by every region of the cloud.
 */
public final class TaskEvents {
    private static final Logger LOG = Logger.getLogger(TaskEvents.class.getName());

    /** Listeners run here, never on a poller: one that waits for another task must not hold the pollers up. */
    private static final ExecutorService LISTENERS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glaze-task-listeners");
        t.setDaemon(true);
        return t;
    });

    private final TaskJournal journal;
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();
    /** A task awaited again (after Ctrl-C, from the history) is reported once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public TaskEvents(TaskJournal journal, List<TaskListener> listeners) {
        this.journal = journal;
        this.listeners.addAll(listeners);
    }

    public Optional<TaskJournal> journal() {
        return Optional.ofNullable(journal);
    }

    /** Adds a listener for every task of the cloud (all its regions) that ends from now on. */
    public void add(TaskListener listener) {
        listeners.add(listener);
    }

    void created(Cloud cloud, Task task) {
        if (journal != null) {
            journal.created(task, cloud.getDisplayName());
        }
    }

    /**
     * Journals the ending (before the await returns, so the history has it) and hands it to the listeners' own
     * thread: a listener that waits for another task holds up no poller.
     */
    void finished(Cloud cloud, Task task) {
        if (!reported.add(task.getId())) {
            return;
        }
        if (journal != null) {
            journal.finished(task, cloud.getDisplayName());
        }
        List<TaskListener> all = new ArrayList<>(listeners);
        try {
            for (GlazePlugin p : cloud.plugins().plugins()) {
                p.taskListener().ifPresent(all::add);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "plugins not known for " + cloud.getDisplayName(), e);
        }
        if (!all.isEmpty()) {
            LISTENERS.execute(() -> all.forEach(l -> tell(l, task)));
        }
    }

    /** Waits (at most {@code timeout}) until the listeners have heard of every ending so far: before exiting. */
    public static void drain(Duration timeout) {
        try {
            LISTENERS.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a listener still busy: the process ends without it
        }
    }

    private static void tell(TaskListener l, Task task) {
        try {
            l.finished(task);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // an assertion in a Groovy listener is an Error: still only the listener's failure
            LOG.log(Level.WARNING, "glaze: a task listener failed on task " + task.getId() + ": " + e);
        }
    }
}
