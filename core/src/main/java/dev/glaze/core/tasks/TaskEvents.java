package dev.glaze.core.tasks;

import dev.glaze.core.Cloud;
import dev.glaze.core.spi.GlazePlugin;
import java.util.List;
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

    private final TaskJournal journal;
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();

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

    void finished(Cloud cloud, Task task) {
        if (journal != null) {
            journal.finished(task, cloud.getDisplayName());
        }
        for (TaskListener l : listeners) {
            tell(l, task);
        }
        try {
            for (GlazePlugin p : cloud.plugins().plugins()) {
                p.taskListener().ifPresent(l -> tell(l, task));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "plugins not known for " + cloud.getDisplayName(), e);
        }
    }

    private static void tell(TaskListener l, Task task) {
        try {
            l.finished(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "glaze: a task listener failed on task " + task.getId() + ": " + e);
        }
    }
}
