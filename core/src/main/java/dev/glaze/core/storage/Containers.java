package dev.glaze.core.storage;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The containers of one region's object store (Swift, Rackspace Cloud Files), where import tasks read and export
 * tasks write. A lazy {@link Iterable}: containers are listed a page at a time as the iteration goes.
 *
 * <pre>{@code
 * Containers containers = cloud.containers();
 * Container exports = containers.create("exports");             // idempotent
 * exports.upload("web.vhd", Path.of("web.vhd"));
 * for (Container c : containers) System.out.println(c.getName() + " " + c.getCount());
 * Container same = containers.named("exports");                   // Groovy: cloud.containers()['exports']
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Containers implements Iterable<Container> {
    private final Cloud cloud;

    public Containers(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public Iterator<Container> iterator() {
        return Swift.listing(cloud, Swift.account(cloud), null, this::fromListing,
                () -> new GlazeException("the object store at " + Swift.account(cloud) + " answers 404: is its"
                        + " account URL right?"));
    }

    /** Every container, fetched now. */
    public List<Container> toList() {
        List<Container> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /**
     * The container called {@code name}, with its object count and bytes ({@code HEAD}).
     *
     * @throws NoSuchContainerException when there is none
     */
    public Container named(String name) {
        return find(name).orElseThrow(() -> new NoSuchContainerException(name, cloud.getDisplayName()));
    }

    /** Groovy's {@code containers['exports']}. */
    public Container getAt(String name) {
        return named(name);
    }

    /** The container called {@code name}, or empty. */
    public Optional<Container> find(String name) {
        checkName(name);
        try (ApiResponse r = cloud.context().transport().call(
                ApiRequest.builder("HEAD", Swift.container(cloud, name)).build())) {
            return Optional.of(new Container(cloud, name, Swift.header(r, "X-Container-Object-Count"),
                    Swift.header(r, "X-Container-Bytes-Used")));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** Creates the container, or leaves it as it is when it exists already; returns it. */
    public Container create(String name) {
        checkName(name);
        cloud.context().transport().discard(ApiRequest.builder("PUT", Swift.container(cloud, name)).build());
        return named(name);
    }

    private Container fromListing(JsonObject o) {
        return new Container(cloud, o.getString("name"), Swift.number(o, "count"), Swift.number(o, "bytes"));
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains("/")) {
            throw new GlazeException("'" + name + "' is not a container name: give a non-empty name without '/'");
        }
    }

    @Override
    public String toString() {
        return "containers of " + cloud.getDisplayName();
    }
}
