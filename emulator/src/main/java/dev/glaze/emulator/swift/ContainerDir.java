package dev.glaze.emulator.swift;

import dev.glaze.emulator.store.AtomicFiles;
import dev.glaze.emulator.swift.Sidecars.Marker;
import dev.glaze.emulator.swift.Sidecars.StoredObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One container's folder. Readers need no lock: every metadata file is replaced whole, and an object's content is
 * never overwritten in place (each version has a file of its own, removed once the new metadata is committed).
 * Changes take the container's lock, shared by every store in this process that has the same root.
 */
final class ContainerDir {
    private static final Logger LOG = Logger.getLogger(ContainerDir.class.getName());
    private static final Object[] LOCKS = new Object[256];
    private static final int READ_ATTEMPTS = 5;

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final Path dir;
    private final Clock clock;

    ContainerDir(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    Object lock() {
        return LOCKS[Math.floorMod(dir.toString().hashCode(), LOCKS.length)];
    }

    Path path() {
        return dir;
    }

    Path markerFile() {
        return dir.resolve(StoreLayout.CONTAINER_FILE);
    }

    boolean exists() {
        return Files.isRegularFile(markerFile());
    }

    Optional<Marker> marker() throws IOException {
        try {
            return Optional.of(Sidecars.readMarker(markerFile()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The container's name and totals; empty when it does not exist (any more). */
    Optional<ContainerInfo> info() throws IOException {
        Optional<Marker> marker = marker();
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        long count = 0;
        long bytes = 0;
        for (ObjectInfo o : liveObjects()) {
            count++;
            bytes += o.size();
        }
        return Optional.of(new ContainerInfo(marker.get().name(), count, bytes, marker.get().created()));
    }

    /** Every unexpired object; expired ones are removed on the way. */
    List<ObjectInfo> liveObjects() throws IOException {
        List<ObjectInfo> live = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (StoreLayout.isSidecar(f.getFileName().toString())) {
                    readLive(f).ifPresent(s -> live.add(s.info()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();   // the container was deleted meanwhile
        }
        return live;
    }

    Optional<StoredObject> find(String object) throws IOException {
        // A different name here would take a SHA-256 collision; checked all the same, as it costs nothing.
        return readLive(StoreLayout.sidecar(dir, object)).filter(s -> s.info().name().equals(object));
    }

    /** Opens the current version of an object, or empty when there is none (or it has expired). */
    Optional<OpenObject> open(String object) throws IOException {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Optional<StoredObject> found = find(object);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            try {
                FileChannel channel = FileChannel.open(dir.resolve(found.get().dataFile()), StandardOpenOption.READ);
                return Optional.of(new OpenObject(found.get().info(), channel));
            } catch (NoSuchFileException e) {
                // replaced or deleted between reading its metadata and opening its content: look again
            }
        }
        LOG.warning(() -> "the content of an object in " + dir + " is missing; answering as if it did not exist");
        return Optional.empty();
    }

    /**
     * Makes a finished upload the object's current version: its content is moved in, then its metadata replaced in
     * one step (the commit), then the previous version's content removed.
     */
    StoredObject commit(String object, Path upload, ObjectInfo info) throws IOException {
        synchronized (lock()) {
            if (!exists()) {
                throw SwiftException.notFound();
            }
            Path sidecar = StoreLayout.sidecar(dir, object);
            Optional<StoredObject> previous = readQuietly(sidecar);
            String dataName = StoreLayout.newDataName(object);
            Path data = dir.resolve(dataName);
            AtomicFiles.move(upload, data);
            StoredObject stored = new StoredObject(info, dataName);
            try {
                Sidecars.writeObject(sidecar, stored);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(data);
                throw e;
            }
            if (previous.isPresent()) {
                Files.deleteIfExists(dir.resolve(previous.get().dataFile()));
            }
            return stored;
        }
    }

    /** Removes an object; false when there was none (an expired one is removed too, and still answers false). */
    boolean remove(String object) throws IOException {
        synchronized (lock()) {
            Optional<StoredObject> found = find(object);
            if (found.isEmpty()) {
                return false;
            }
            removeFiles(StoreLayout.sidecar(dir, object), found.get());
            return true;
        }
    }

    /**
     * Puts the folder back in order after an unclean stop: half-written files go, content no metadata refers to
     * goes, metadata whose content is missing goes, expired objects go. Returns false when the folder is not a
     * container (it was never finished) and has been removed.
     */
    boolean recover() throws IOException {
        synchronized (lock()) {
            if (!exists()) {
                LOG.info(() -> "removing unfinished container folder " + dir);
                FileTrees.deleteQuietly(dir);
                return false;
            }
            Set<String> referenced = new HashSet<>();
            List<Path> dataFiles = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.deleteIfExists(f);
                    } else if (name.endsWith(StoreLayout.DATA_SUFFIX)) {
                        dataFiles.add(f);
                    } else if (StoreLayout.isSidecar(name)) {
                        recoverSidecar(f).ifPresent(referenced::add);
                    }
                }
            }
            for (Path f : dataFiles) {
                if (!referenced.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
            return true;
        }
    }

    /** The data file a sound sidecar refers to; an unsound or expired one is removed. */
    private Optional<String> recoverSidecar(Path sidecar) throws IOException {
        StoredObject stored;
        try {
            stored = Sidecars.readObject(sidecar);
        } catch (IOException e) {
            LOG.warning(() -> "removing damaged object metadata: " + e.getMessage());
            AtomicFiles.delete(sidecar);
            return Optional.empty();
        }
        if (!Files.isRegularFile(dir.resolve(stored.dataFile()))) {
            LOG.warning(() -> "removing object " + stored.info().name() + " of " + dir + ": its content is missing");
            AtomicFiles.delete(sidecar);
            return Optional.empty();
        }
        if (stored.info().expiredAt(clock.instant())) {
            removeFiles(sidecar, stored);
            return Optional.empty();
        }
        return Optional.of(stored.dataFile());
    }

    private Optional<StoredObject> readLive(Path sidecar) throws IOException {
        Optional<StoredObject> found = readQuietly(sidecar);
        if (found.isPresent() && found.get().info().expiredAt(clock.instant())) {
            expire(sidecar, found.get());
            return Optional.empty();
        }
        return found;
    }

    /** Removes an expired object, unless it has been replaced since it was read. */
    private void expire(Path sidecar, StoredObject seen) throws IOException {
        synchronized (lock()) {
            Optional<StoredObject> current = readQuietly(sidecar);
            if (current.isPresent() && current.get().dataFile().equals(seen.dataFile())) {
                removeFiles(sidecar, current.get());
            }
        }
    }

    private void removeFiles(Path sidecar, StoredObject stored) throws IOException {
        AtomicFiles.delete(sidecar);
        Files.deleteIfExists(dir.resolve(stored.dataFile()));
    }

    /** The sidecar's object; empty when there is none, or when it is damaged (which is logged). */
    private static Optional<StoredObject> readQuietly(Path sidecar) {
        try {
            return Optional.of(Sidecars.readObject(sidecar));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warning(() -> "ignoring damaged object metadata: " + e.getMessage());
            return Optional.empty();
        }
    }
}
