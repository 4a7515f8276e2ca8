package dev.glaze.emulator.swift;

import dev.glaze.emulator.swift.Sidecars.Marker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A Swift-compatible object store on disk: accounts hold containers, containers hold objects. Every change is on
 * disk before it is visible, and a crash at any moment leaves either the old state or the new one. The disk is the
 * only state, so several stores in this process may be open on the same root (they share its locks); another
 * process must not write to it at the same time. See {@link StoreLayout} for the files.
 *
 * <p>Refusals are {@link SwiftException}s with the status Swift would answer: 400 for a name that is not allowed,
 * 404 for a missing container or object, 409 for deleting a container that is not empty, 422 for content that
 * does not match the ETag sent with it.
 */
public final class ObjectStore implements AutoCloseable {
    /** Swift's default largest object ({@code max_file_size}: 5 GiB + 2). */
    public static final long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024 + 2;

    private final StoreLayout layout;
    private final Clock clock;
    private final IncomingArea incoming;

    private ObjectStore(StoreLayout layout, Clock clock, IncomingArea incoming) {
        this.layout = layout;
        this.clock = clock;
        this.incoming = incoming;
    }

    /** Opens (creating if needed) the store under {@code root}, tidying up after an unclean stop. */
    public static ObjectStore open(Path root) throws IOException {
        return open(root, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, telling the time (for expiry and timestamps) by {@code clock}. */
    public static ObjectStore open(Path root, Clock clock) throws IOException {
        StoreLayout layout = new StoreLayout(root);
        Files.createDirectories(root);
        FileTrees.deleteQuietly(layout.trash());
        Files.createDirectories(layout.trash());
        IncomingArea incoming = IncomingArea.open(layout.incoming());
        ObjectStore store = new ObjectStore(layout, clock, incoming);
        store.recover();
        return store;
    }

    private void recover() throws IOException {
        for (Path account : StoreLayout.hashedChildren(layout.root())) {
            for (Path container : StoreLayout.hashedChildren(account)) {
                new ContainerDir(container, clock).recover();
            }
        }
    }

    /** Creates a container; false when it exists already. */
    public boolean createContainer(String account, String container) {
        ObjectNames.checkAccount(account);
        ObjectNames.checkContainer(container);
        ContainerDir dir = containerDir(account, container);
        try {
            synchronized (dir.lock()) {
                if (dir.exists()) {
                    return false;
                }
                Instant now = SwiftTimes.now(clock);
                Files.createDirectories(dir.path());
                Path accountMarker = layout.account(account).resolve(StoreLayout.ACCOUNT_FILE);
                if (!Files.exists(accountMarker)) {
                    Sidecars.writeMarker(accountMarker, new Marker(account, now));
                }
                Sidecars.writeMarker(dir.markerFile(), new Marker(container, now));
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create container " + container + ": " + e.getMessage(), e);
        }
    }

    /** True when the container exists; cheaper than {@link #container} (which adds up its objects). */
    public boolean hasContainer(String account, String container) {
        return containerIfExists(account, container).isPresent();
    }

    /** The container's totals; empty when it does not exist. */
    public Optional<ContainerInfo> container(String account, String container) {
        ObjectNames.checkAccount(account);
        ObjectNames.checkContainer(container);
        try {
            return containerDir(account, container).info();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The account's containers in name order, with their totals; an unused account has none. */
    public List<ContainerInfo> containers(String account, String prefix, String marker, int limit) {
        return containers(account, new ListingQuery(prefix, marker, null, limit, null));
    }

    /** As {@link #containers(String, String, String, int)}; a delimiter is not applied to container names. */
    public List<ContainerInfo> containers(String account, ListingQuery query) {
        ObjectNames.checkAccount(account);
        record Named(Marker marker, ContainerDir dir) {
        }
        List<Named> all = new ArrayList<>();
        try {
            for (Path p : StoreLayout.hashedChildren(layout.account(account))) {
                ContainerDir dir = new ContainerDir(p, clock);
                dir.marker().ifPresent(m -> all.add(new Named(m, dir)));
            }
            ListingQuery undelimited = new ListingQuery(query.prefix(), query.marker(), query.endMarker(),
                    query.limit(), null);
            List<ContainerInfo> page = new ArrayList<>();
            for (Listings.Entry<Named> e : Listings.page(all, n -> n.marker().name(), undelimited)) {
                e.item().dir().info().ifPresent(page::add);
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The account's totals over all its containers. */
    public AccountInfo account(String account) {
        ObjectNames.checkAccount(account);
        List<ContainerInfo> all = containers(account, ListingQuery.all());
        long objects = 0;
        long bytes = 0;
        for (ContainerInfo c : all) {
            objects += c.count();
            bytes += c.bytes();
        }
        Instant created = null;
        try {
            created = Sidecars.readMarker(layout.account(account).resolve(StoreLayout.ACCOUNT_FILE)).created();
        } catch (IOException e) {
            // an account that was never used, or whose marker is damaged: no creation time to tell
        }
        return new AccountInfo(account, all.size(), objects, bytes, created);
    }

    /** One page of a container's objects in name order; 404 when the container does not exist. */
    public List<ObjectInfo> objects(String account, String container, String prefix, String marker, int limit,
            String delimiter) {
        return objects(account, container, new ListingQuery(prefix, marker, null, limit, delimiter));
    }

    public List<ObjectInfo> objects(String account, String container, ListingQuery query) {
        ContainerDir dir = existingContainer(account, container);
        try {
            List<ObjectInfo> page = new ArrayList<>();
            for (Listings.Entry<ObjectInfo> e : Listings.page(dir.liveObjects(), ObjectInfo::name, query)) {
                page.add(e.isSubdir() ? ObjectInfo.subdir(e.name()) : e.item());
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes an empty container: 404 when there is none, 409 when it still holds an (unexpired) object. */
    public void deleteContainer(String account, String container) {
        ContainerDir dir = existingContainer(account, container);
        Path trash = layout.trash().resolve(UUID.randomUUID().toString());
        try {
            synchronized (dir.lock()) {
                if (!dir.exists()) {
                    throw SwiftException.notFound();
                }
                if (!dir.liveObjects().isEmpty()) {
                    throw SwiftException.of(409);
                }
                // One rename makes the whole folder vanish at once; its files are removed at leisure.
                try {
                    Files.move(dir.path(), trash, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.delete(dir.markerFile());
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete container " + container + ": " + e.getMessage(), e);
        }
        FileTrees.deleteQuietly(trash);
    }

    /**
     * Stores an object from {@code data}, read to its end block by block (never held in memory), hashed on the way
     * and forced to disk before it replaces any previous version.
     *
     * @param contentType null or blank: guessed from the name, else {@code application/octet-stream}
     * @param expectedEtag null, or the MD5 the content must have (hex, quotes allowed): else 422 and nothing stored
     * @param deleteAt null, or when the object expires (whole seconds; must be in the future, else 400)
     * @throws SwiftException 404 without the container, 413 past {@link #MAX_OBJECT_BYTES}, 422 on an ETag
     *         mismatch, 499 when reading {@code data} fails; nothing is stored in any of these cases
     */
    public ObjectInfo put(String account, String container, String object, InputStream data, String contentType,
            String expectedEtag, Instant deleteAt) throws IOException {
        ObjectNames.checkObject(object);
        ContainerDir dir = existingContainer(account, container);
        Instant expiry = deleteAt == null ? null : Instant.ofEpochSecond(deleteAt.getEpochSecond());
        if (expiry != null && !expiry.isAfter(clock.instant())) {
            throw SwiftException.badRequest("X-Delete-At in past");
        }
        String type = contentType == null || contentType.isBlank() ? Upload.guessType(object) : contentType.trim();
        Path upload = incoming.newFile();
        try {
            Upload.Received received = Upload.receive(data, upload, MAX_OBJECT_BYTES);
            if (expectedEtag != null && !Upload.sameEtag(expectedEtag, received.md5())) {
                throw SwiftException.of(422);
            }
            ObjectInfo info = new ObjectInfo(object, received.size(), received.md5(), type, SwiftTimes.now(clock),
                    expiry);
            return dir.commit(object, upload, info).info();
        } finally {
            Files.deleteIfExists(upload);   // still there only when nothing was committed
        }
    }

    /** The object's metadata; empty when it (or its container) does not exist or it has expired. */
    public Optional<ObjectInfo> head(String account, String container, String object) {
        ObjectNames.checkObject(object);
        Optional<ContainerDir> dir = containerIfExists(account, container);
        try {
            return dir.isEmpty() ? Optional.empty() : dir.get().find(object).map(Sidecars.StoredObject::info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the object's current version for reading (with its metadata); empty when there is none. */
    public Optional<OpenObject> read(String account, String container, String object) throws IOException {
        ObjectNames.checkObject(object);
        Optional<ContainerDir> dir = containerIfExists(account, container);
        return dir.isEmpty() ? Optional.empty() : dir.get().open(object);
    }

    /** The object's content; 404 when there is none. Close the stream. */
    public InputStream openObject(String account, String container, String object) throws IOException {
        return read(account, container, object).orElseThrow(SwiftException::notFound).stream();
    }

    /** Deletes an object; false when there was none. */
    public boolean deleteObject(String account, String container, String object) {
        ObjectNames.checkObject(object);
        Optional<ContainerDir> dir = containerIfExists(account, container);
        try {
            return dir.isPresent() && dir.get().remove(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases this store's upload folder; uploads under way fail. The files stay. */
    @Override
    public void close() {
        incoming.close();
    }

    /** The clock this store tells the time by. */
    Clock clock() {
        return clock;
    }

    private ContainerDir containerDir(String account, String container) {
        return new ContainerDir(layout.container(account, container), clock);
    }

    private Optional<ContainerDir> containerIfExists(String account, String container) {
        ObjectNames.checkAccount(account);
        ObjectNames.checkContainer(container);
        ContainerDir dir = containerDir(account, container);
        return dir.exists() ? Optional.of(dir) : Optional.empty();
    }

    private ContainerDir existingContainer(String account, String container) {
        return containerIfExists(account, container).orElseThrow(SwiftException::notFound);
    }
}
