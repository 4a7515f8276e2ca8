package dev.glaze.emulator.tasks;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Json;
import dev.glaze.emulator.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tasks kept in memory for speed and on disk for durability: one JSON file per task under {@code tasks/}, each
 * change written crash-safely ({@link AtomicFiles}) before it becomes visible. A task past its {@code expires_at}
 * is gone: it is no longer found, listed, and its file is removed when next looked at.
 */
public final class TaskStore {
    private static final Logger LOG = Logger.getLogger(TaskStore.class.getName());
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final Clock clock;
    private final ConcurrentHashMap<String, StoredTask> tasks = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];
    private volatile boolean closed;

    private TaskStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Opens (creating if needed) the tasks folder; half-written files of an unclean stop are removed. */
    public static TaskStore open(Path dir, Clock clock) throws IOException {
        TaskStore store = new TaskStore(dir, clock);
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    StoredTask task = read(f);
                    store.tasks.put(task.id(), task);
                } else {
                    Files.deleteIfExists(f); // a temporary file of a write cut short
                }
            }
        }
        return store;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The task, unless it does not exist or has expired. */
    public Optional<StoredTask> find(String id) {
        StoredTask task = id == null ? null : tasks.get(id);
        if (task != null && task.expiredAt(now())) {
            forget(task);
            return Optional.empty();
        }
        return Optional.ofNullable(task);
    }

    /** A snapshot of every task that has not expired, in no particular order. */
    public List<StoredTask> all() {
        Instant now = now();
        List<StoredTask> live = new ArrayList<>();
        for (StoredTask task : tasks.values()) {
            if (task.expiredAt(now)) {
                forget(task);
            } else {
                live.add(task);
            }
        }
        return live;
    }

    /** Every task as stored, expired or not: for recovery at start. */
    List<StoredTask> stored() {
        return new ArrayList<>(tasks.values());
    }

    public void insert(StoredTask task) {
        synchronized (lock(task.id())) {
            write(task);
        }
    }

    /**
     * Applies {@code change} to the current task atomically; the result is written, then visible. Returns the new
     * task, or empty when the task is gone or the store is closed (a stopping service writes nothing more).
     */
    public Optional<StoredTask> update(String id, UnaryOperator<StoredTask> change) {
        synchronized (lock(id)) {
            StoredTask current = tasks.get(id);
            if (current == null || closed) {
                return Optional.empty();
            }
            StoredTask next = change.apply(current);
            if (next != current) {
                write(next);
            }
            return Optional.of(next);
        }
    }

    /** From now on nothing is written: what is on disk is what the next start recovers from. */
    public void close() {
        closed = true;
    }

    private void forget(StoredTask task) {
        synchronized (lock(task.id())) {
            if (tasks.remove(task.id(), task)) {
                try {
                    AtomicFiles.delete(file(task.id()));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not remove expired task " + task.id() + "; the next start will", e);
                }
            }
        }
    }

    private void write(StoredTask task) {
        if (closed) {
            throw HttpError.of(503, "The image service is stopping.");
        }
        try {
            AtomicFiles.write(file(task.id()), Json.bytes(task.toDocument()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write task " + task.id() + ": " + e.getMessage(), e);
        }
        tasks.put(task.id(), task);
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    @SuppressWarnings("unchecked")
    private static StoredTask read(Path file) throws IOException {
        return StoredTask.fromDocument((Map<String, Object>) Json.parse(Files.readAllBytes(file)));
    }
}
