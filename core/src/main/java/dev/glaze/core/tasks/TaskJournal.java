package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local history of the tasks glaze creates, in a file of JSON lines that only grows: a {@code created} line when
 * a task is made (its input, with anything that looks like a secret masked), a {@code finished} line when an await
 * sees it end. Several processes, and threads, may write one journal at once (each line is written under a file
 * lock and a lock of the process); a line that a crash cut short is ended before the next one and skipped when
 * read. The file is readable by its owner only.
 *
 * <pre>{@code
 * Cloud cloud = Cloud.builder()...journal(TaskJournal.at(Path.of(home, ".glaze", "tasks.jsonl"))).build();
 * cloud.tasks().getHistory();      // newest first
 * }</pre>
 */
public final class TaskJournal {
    private static final Logger LOG = Logger.getLogger(TaskJournal.class.getName());

    /** Tasks' inputs may name private containers and URLs: the journal is its owner's only, as the history is. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    private TaskJournal(Path file) {
        this.file = file;
    }

    /** The journal in {@code file}, made with its folder on the first task. */
    public static TaskJournal at(Path file) {
        return new TaskJournal(file.toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    void created(Task task, String cloud) {
        JsonObjectBuilder line = Json.object().add("event", "created")
                .add("id", task.getId()).add("type", nonNull(task.getType())).add("cloud", cloud)
                .add("at", Instant.now().toString());
        line.add("input", masked(Json.fromJava(task.getInput())));
        append(line.build());
    }

    void finished(Task task, String cloud) {
        JsonObjectBuilder line = Json.object().add("event", "finished")
                .add("id", task.getId()).add("cloud", cloud).add("status", nonNull(task.getStatus()))
                .add("message", Secrets.redact(nonNull(task.getMessage()))).add("at", Instant.now().toString());
        line.add("result", masked(Json.fromJava(task.getResult())));
        append(line.build());
    }

    /**
     * Records that the service no longer has the task (it forgets tasks about 48 hours after they end), so that it
     * stops counting as unfinished; its status is {@code forgotten}.
     */
    void forgotten(String id, String cloud) {
        append(Json.object().add("event", "finished").add("id", id).add("cloud", cloud).add("status", "forgotten")
                .add("message", "the service no longer has this task").add("at", Instant.now().toString()).build());
    }

    /** Every task of the journal, as last seen, newest first. */
    public List<JournalEntry> entries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new GlazeException("cannot read the task journal " + file + ": " + e.getMessage(), e);
        }
        Map<String, JournalEntry> byId = new LinkedHashMap<>();
        for (String text : lines) {
            JsonObject line;
            try {
                line = Json.parse(text).asJsonObject();
            } catch (RuntimeException e) {
                continue; // half a line from a crash
            }
            String id = line.getString("id", null);
            if (id == null) {
                continue;
            }
            JournalEntry before = byId.get(id);
            if ("created".equals(line.getString("event", ""))) {
                byId.put(id, new JournalEntry(id, line.getString("type", ""), line.getString("cloud", ""),
                        map(line, "input"), instant(line), "created", "", Map.of(), null));
            } else if (before != null) {
                byId.put(id, new JournalEntry(id, before.type(), before.cloud(), before.input(), before.createdAt(),
                        line.getString("status", ""), line.getString("message", ""), map(line, "result"),
                        instant(line)));
            }
        }
        List<JournalEntry> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(JournalEntry::createdAt).reversed());
        return out;
    }

    private void append(JsonObject line) {
        byte[] bytes = (line.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        // a file lock is per process: threads of this one take turns on a lock of their own first
        ReentrantLock inProcess = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ), OWNER_ONLY); FileLock lock = channel.lock()) {
                long size = channel.size();
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    channel.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size); // a line a crash cut short ends here
                        size++;
                    }
                }
                channel.write(ByteBuffer.wrap(bytes), size);
            }
        } catch (IOException | RuntimeException e) {
            // the journal is a record, not the task: a full disk must not fail the import it describes
            LOG.log(Level.WARNING, "glaze: cannot write the task journal " + file + ": " + e);
        } finally {
            inProcess.unlock();
        }
    }

    private static jakarta.json.JsonValue masked(jakarta.json.JsonValue value) {
        return Json.parse(Secrets.redactJson(Json.write(value)));
    }

    private static Map<String, Object> map(JsonObject line, String key) {
        if (line.get(key) instanceof JsonObject o && Json.toJava(o) instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return Map.of();
    }

    private static Instant instant(JsonObject line) {
        try {
            return Instant.parse(line.getString("at", ""));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
