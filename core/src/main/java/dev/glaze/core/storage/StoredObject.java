package dev.glaze.core.storage;

import dev.glaze.core.Cloud;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One object of a container, as it was when listed or fetched.
 *
 * <pre>{@code
 * StoredObject vhd = cloud.containers().named("exports").object("1c3f....vhd");
 * vhd.download(Path.of("web.vhd"));                       // streamed to web.vhd.part, then renamed
 * try (InputStream in = vhd.openStream()) { ... }
 * vhd.delete();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class StoredObject {
    private final Cloud cloud;
    private final String container;
    private final String name;
    private final long bytes;
    private final String hash;
    private final String contentType;
    private final Instant lastModified;

    StoredObject(Cloud cloud, String container, String name, long bytes, String hash, String contentType,
            Instant lastModified) {
        this.cloud = cloud;
        this.container = container;
        this.name = name;
        this.bytes = bytes;
        this.hash = hash;
        this.contentType = contentType;
        this.lastModified = lastModified;
    }

    static StoredObject fromHeaders(Cloud cloud, String container, String name, ApiResponse r) {
        String etag = r.header("ETag").map(StoredObject::unquote).orElse(null);
        return new StoredObject(cloud, container, name, Swift.header(r, "Content-Length"), etag,
                r.header("Content-Type").orElse(null), Swift.httpTime(r.header("Last-Modified").orElse(null)));
    }

    static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    public String getName() {
        return name;
    }

    /** The container's name. */
    public String getContainer() {
        return container;
    }

    /** {@code container/name}, as import tasks take it and export tasks give it. */
    public String getLocation() {
        return container + "/" + name;
    }

    public long getBytes() {
        return bytes;
    }

    /** The ETag: the MD5 of the content (hex), except for large-object manifests. */
    public String getHash() {
        return hash;
    }

    public String getContentType() {
        return contentType;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    /** Downloads it to {@code to} (a file, or a folder to put it in), streamed; returns the file written. */
    public Path download(Path to) {
        return Transfers.download(cloud, container, name, to);
    }

    /** Its content as a stream, unbuffered; close it when done. */
    public InputStream openStream() {
        try {
            return cloud.context().transport().call(ApiRequest.get(Swift.object(cloud, container, name))).stream();
        } catch (NotFoundException e) {
            throw new NoSuchObjectException(container, name);
        }
    }

    public void delete() {
        try {
            cloud.context().transport().discard(
                    ApiRequest.builder("DELETE", Swift.object(cloud, container, name)).build());
        } catch (NotFoundException e) {
            throw new NoSuchObjectException(container, name);
        }
    }

    /** The same object fetched again. */
    public StoredObject refresh() {
        return cloud.containers().named(container).object(name);
    }

    @Override
    public String toString() {
        return getLocation() + " (" + bytes + " bytes)";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoredObject)) {
            return false;
        }
        StoredObject s = (StoredObject) o;
        return s.container.equals(container) && s.name.equals(name) && Objects.equals(s.hash, hash)
                && s.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(container, name, hash);
    }
}
