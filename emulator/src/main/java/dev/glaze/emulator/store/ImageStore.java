package dev.glaze.emulator.store;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Images kept in memory for speed and on disk for durability: one JSON file per image under
 * {@code images/}, image data under {@code data/}. Every change is written crash-safely before it becomes
 * visible; changes to one image are serialised, so two concurrent PATCHes cannot lose an update.
 */
public final class ImageStore {
    private static final Logger LOG = Logger.getLogger(ImageStore.class.getName());
    private static final String UPLOAD_MARK = ".upload-";

    private final Path metaDir;
    private final Path dataDir;
    private final ConcurrentHashMap<String, StoredImage> images = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();
    private final Object[] locks = new Object[64];

    private ImageStore(Path root) {
        this.metaDir = root.resolve("images");
        this.dataDir = root.resolve("data");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Opens (creating if needed) the store under {@code root} and recovers from an unclean stop: temporary
     * files are removed, and an image caught in {@code saving} goes back to {@code queued} without data,
     * as Glance does after a failed upload.
     */
    public static ImageStore open(Path root) throws IOException {
        ImageStore store = new ImageStore(root);
        Files.createDirectories(store.metaDir);
        Files.createDirectories(store.dataDir);
        store.recover();
        return store;
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(metaDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(f);
                } else if (name.endsWith(".json")) {
                    StoredImage image = read(f);
                    images.put(image.id(), image);
                    lastSequence.accumulateAndGet(image.sequence(), Math::max);
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.contains(UPLOAD_MARK) || !images.containsKey(name)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        for (StoredImage image : List.copyOf(images.values())) {
            if ("saving".equals(image.status())) {
                LOG.info(() -> "image " + image.id() + " was saving when the service stopped; back to queued");
                Files.deleteIfExists(dataFile(image.id()));
                write(image.with(a -> {
                    a.put("status", "queued");
                    a.put("size", null);
                    a.put("virtual_size", null);
                }));
            }
        }
    }

    public Optional<StoredImage> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(images.get(id));
    }

    /** A snapshot of every image, in no particular order. */
    public Collection<StoredImage> all() {
        return new ArrayList<>(images.values());
    }

    public int size() {
        return images.size();
    }

    /** Stores a new image, numbering it in the order of creation; false when its id is taken. */
    public boolean insert(StoredImage image) {
        synchronized (lock(image.id())) {
            if (images.containsKey(image.id())) {
                return false;
            }
            write(image.withSequence(lastSequence.incrementAndGet()));
            return true;
        }
    }

    /**
     * Applies {@code change} to the current image atomically: the result is written and then becomes visible.
     * If {@code change} throws, nothing changes. Unknown ids throw {@code notFound}.
     */
    public StoredImage update(String id, UnaryOperator<StoredImage> change, HttpError notFound) {
        synchronized (lock(id)) {
            StoredImage current = images.get(id);
            if (current == null) {
                throw notFound;
            }
            StoredImage next = change.apply(current);
            if (next != current) {
                write(next);
            }
            return next;
        }
    }

    /** Removes an image and its data; {@code check} may refuse by throwing. */
    public StoredImage delete(String id, java.util.function.Consumer<StoredImage> check, HttpError notFound) {
        synchronized (lock(id)) {
            StoredImage current = images.get(id);
            if (current == null) {
                throw notFound;
            }
            check.accept(current);
            try {
                AtomicFiles.delete(metaFile(id));
                Files.deleteIfExists(dataFile(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            images.remove(id);
            return current;
        }
    }

    /** Where an active image's data lives. */
    public Path dataFile(String id) {
        return dataDir.resolve(id);
    }

    /** A fresh file to receive an upload; it is removed on restart unless committed. */
    public Path newUploadFile(String id) {
        return dataDir.resolve(id + UPLOAD_MARK + UUID.randomUUID());
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private Path metaFile(String id) {
        return metaDir.resolve(id + ".json");
    }

    private void write(StoredImage image) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("image", image.attributes());
        List<Map<String, Object>> members = new ArrayList<>();
        for (Member m : image.members()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("member_id", m.memberId());
            mm.put("status", m.status());
            mm.put("created_at", m.createdAt());
            mm.put("updated_at", m.updatedAt());
            members.add(mm);
        }
        doc.put("members", members);
        doc.put("sequence", image.sequence());
        try {
            AtomicFiles.write(metaFile(image.id()), Json.bytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write image " + image.id() + ": " + e.getMessage(), e);
        }
        images.put(image.id(), image);
    }

    @SuppressWarnings("unchecked")
    private static StoredImage read(Path file) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readAllBytes(file));
        Map<String, Object> attributes = (Map<String, Object>) doc.get("image");
        List<Member> members = new ArrayList<>();
        for (Object o : (List<Object>) doc.getOrDefault("members", List.of())) {
            Map<String, Object> m = (Map<String, Object>) o;
            members.add(new Member((String) m.get("member_id"), (String) m.get("status"),
                    (String) m.get("created_at"), (String) m.get("updated_at")));
        }
        // files written before images were numbered have none: 0 sorts them by created_at and id alone
        Object sequence = doc.get("sequence");
        return new StoredImage(attributes, members, sequence instanceof Long n ? n : 0);
    }
}
