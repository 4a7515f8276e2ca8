package dev.glaze.core.storage;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConflictException;
import dev.glaze.core.GlazeException;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of the object store, as it was when fetched ({@link #getCount()}, {@link #getBytes()} are that
 * moment's), and the way to its objects.
 *
 * <pre>{@code
 * Container exports = cloud.containers().create("exports");
 * StoredObject web = exports.upload("web.vhd", Path.of("web.vhd"));       // streamed, MD5 checked
 * for (StoredObject o : exports.objects("web")) System.out.println(o.getName() + " " + o.getBytes());
 * exports.download("web.vhd", Path.of("copy.vhd"));
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Container {
    private final Cloud cloud;
    private final String name;
    private final long count;
    private final long bytes;

    Container(Cloud cloud, String name, long count, long bytes) {
        this.cloud = cloud;
        this.name = name;
        this.count = count;
        this.bytes = bytes;
    }

    public String getName() {
        return name;
    }

    /** How many objects it held when fetched. */
    public long getCount() {
        return count;
    }

    /** How many bytes its objects held when fetched. */
    public long getBytes() {
        return bytes;
    }

    /** Its objects, listed lazily a page at a time, in name order. */
    public Iterable<StoredObject> objects() {
        return objects(null);
    }

    /** Its objects whose names start with {@code prefix}. */
    public Iterable<StoredObject> objects(String prefix) {
        return () -> Swift.listing(cloud, Swift.container(cloud, name), prefix, this::fromListing,
                () -> new NoSuchContainerException(name, cloud.getDisplayName()));
    }

    /** Every object (with {@code prefix}, may be null), fetched now. */
    public List<StoredObject> listObjects(String prefix) {
        List<StoredObject> out = new ArrayList<>();
        objects(prefix).forEach(out::add);
        return out;
    }

    /**
     * The object called {@code name} ({@code HEAD}).
     *
     * @throws NoSuchObjectException when there is none
     */
    public StoredObject object(String objectName) {
        return find(objectName).orElseThrow(() -> new NoSuchObjectException(name, objectName));
    }

    /** Groovy's {@code container['web.vhd']}. */
    public StoredObject getAt(String objectName) {
        return object(objectName);
    }

    /** The object called {@code name}, or empty. */
    public Optional<StoredObject> find(String objectName) {
        checkObjectName(objectName);
        try (ApiResponse r = cloud.context().transport().call(
                ApiRequest.builder("HEAD", Swift.object(cloud, name, objectName)).build())) {
            return Optional.of(StoredObject.fromHeaders(cloud, name, objectName, r));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Uploads a file as object {@code objectName}, streamed; the store's ETag is checked against the MD5 sent. */
    public StoredObject upload(String objectName, Path file) {
        checkObjectName(objectName);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new GlazeException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Transfers.upload(cloud, name, objectName, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, size, true);
        return object(objectName);
    }

    /**
     * Uploads exactly {@code size} bytes read from {@code in} as object {@code objectName}, streamed (a one-shot
     * stream is never retried). The caller closes {@code in}.
     */
    public StoredObject upload(String objectName, InputStream in, long size) {
        checkObjectName(objectName);
        Objects.requireNonNull(in, "in");
        if (size < 0) {
            throw new GlazeException("the size of the upload to " + name + "/" + objectName + " is " + size
                    + ": give the number of bytes the stream holds");
        }
        Transfers.upload(cloud, name, objectName, () -> in, size, false);
        return object(objectName);
    }

    /** Downloads object {@code objectName} to {@code to} (a file, or a folder to put it in); returns the file. */
    public Path download(String objectName, Path to) {
        checkObjectName(objectName);
        return Transfers.download(cloud, name, objectName, to);
    }

    /**
     * Deletes the container, which must be empty.
     *
     * @throws GlazeException naming what it holds when it is not empty
     */
    public void delete() {
        try {
            cloud.context().transport().discard(ApiRequest.builder("DELETE", Swift.container(cloud, name)).build());
        } catch (ConflictException e) {
            throw new GlazeException("container '" + name + "' is not empty: delete its objects first"
                    + " (container.objects().each { it.delete() })", e);
        } catch (NotFoundException e) {
            throw new NoSuchContainerException(name, cloud.getDisplayName());
        }
    }

    /** The same container fetched again (current count and bytes). */
    public Container refresh() {
        return cloud.containers().named(name);
    }

    public Cloud getCloud() {
        return cloud;
    }

    private StoredObject fromListing(JsonObject o) {
        return new StoredObject(cloud, name, o.getString("name"), Swift.number(o, "bytes"), Json.string(o, "hash"),
                Json.string(o, "content_type"), Swift.listingTime(Json.string(o, "last_modified")));
    }

    static void checkObjectName(String objectName) {
        if (objectName == null || objectName.isEmpty()) {
            throw new GlazeException("an object needs a name, e.g. 'web.vhd' or 'images/web.vhd'");
        }
    }

    @Override
    public String toString() {
        return "container " + name + " (" + count + " objects, " + bytes + " bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Container && ((Container) o).name.equals(name) && ((Container) o).cloud == cloud;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
