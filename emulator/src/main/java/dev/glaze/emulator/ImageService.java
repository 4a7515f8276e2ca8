package dev.glaze.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.glaze.emulator.api.Versions;
import dev.glaze.emulator.http.HttpFront;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.identity.Identity;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.swift.ObjectStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Glance v2 compatible image service: a real HTTP server on a real port, its state in a data
 * folder that survives restarts and crashes. Its root URL is also the identity endpoint
 * ({@code /v3/auth/tokens}, {@code /v2.0/tokens}). The root serves the default (first) region's APIs
 * ({@code /v2/images}, {@code /v1/AUTH_<project>}, {@code /compute/...}); with several regions, each region's APIs are
 * also under {@code /<REGION>}, where the catalog points.
 *
 * <pre>{@code
 * try (ImageService service = ImageService.start(ServiceConfig.builder(dir).port(0).build())) {
 *     URI url = service.url();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class ImageService implements AutoCloseable {
    static {
        // The JDK server leaves Nagle's algorithm on, which delays every small answer by ~40 ms on loopback.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ServiceConfig config;
    private final Map<String, Region> regions;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;

    private ImageService(ServiceConfig config, Map<String, Region> regions, HttpServer server,
            ExecutorService executor) {
        this.config = config;
        this.regions = regions;
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = URI.create("http://" + host + ":" + address.getPort());
    }

    /**
     * Opens the data folder (recovering from an unclean stop) and starts serving; returns once it accepts.
     *
     * @throws IllegalArgumentException when the users file of {@code auth keystone} is missing or wrong (the message
     *         names the file and the problem)
     */
    public static ImageService start(ServiceConfig config) throws IOException {
        Identity identity = Identity.create(config);
        Files.createDirectories(config.dataDir());
        Map<String, Region> regions = new LinkedHashMap<>();
        HttpServer server;
        try {
            for (String name : config.regions()) {
                regions.put(name, Region.open(name, config));
            }
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
        } catch (IOException | RuntimeException e) {
            regions.values().forEach(Region::close);
            throw e;
        }
        ExecutorService executor = newExecutor(config.threads());
        server.setExecutor(executor);
        // Identity first: /v2.0 is both Rackspace Identity's prefix and a Glance version prefix.
        // The root serves the default (first) region too, so a single-region setup needs no prefix.
        List<Mount> root = new ArrayList<>();
        root.add(identity.mount());
        root.addAll(regions.values().iterator().next().mounts());
        server.createContext("/", front(config, identity, root));
        if (regions.size() > 1) {
            for (Region region : regions.values()) {
                server.createContext("/" + region.name() + "/",
                        front(config, identity, region.mounts()).under("/" + region.name()));
            }
        }
        server.start();
        return new ImageService(config, regions, server, executor);
    }

    private static HttpFront front(ServiceConfig config, Identity identity, List<Mount> mounts) {
        return new HttpFront(mounts, segment -> Versions.isAccepted(segment) || Identity.servesSegment(segment),
                identity.authenticator(), (ex, versionsPath) -> Versions.send(ex, versionsPath ? 200 : 300),
                config.profile().hasJsonErrors(), config.maxJsonBytes());
    }

    private static ExecutorService newExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "glaze-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:9292}; also the identity endpoint. */
    public URI url() {
        return url;
    }

    /** The base URL of a region's APIs: {@link #url()} itself with one region, {@code url/<region>} with several. */
    public URI url(String region) {
        requireRegion(region);
        return regions.size() == 1 ? url : URI.create(url + "/" + region);
    }

    public ServiceConfig config() {
        return config;
    }

    /** The regions, the default first. */
    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    public Region region(String name) {
        return requireRegion(name);
    }

    /** The default (first) region's Swift-compatible object store, for in-process users such as import tasks. */
    public ObjectStore objects() {
        return regions().get(0).objects();
    }

    /**
     * The default (first) region's images, for code that embeds the service (and tests that need an image in a state
     * the API reaches only slowly). Changes made here bypass every rule the API enforces.
     */
    public ImageStore store() {
        return regions().get(0).images();
    }

    private Region requireRegion(String name) {
        Region region = regions.get(name);
        if (region == null) {
            throw new IllegalArgumentException("no region '" + name + "': this service has " + regions.keySet());
        }
        return region;
    }

    /** Stops accepting, lets running requests finish for up to a second, and stops. Safe to call twice. */
    @Override
    public void close() {
        stop(1);
    }

    /**
     * Stops accepting, lets running requests finish for up to {@code graceSeconds}, and stops; with 0 at once, for
     * a process whose client is done (the JDK's server waits the whole grace time even when nothing runs).
     */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        executor.shutdownNow();
        regions.values().forEach(Region::close);
    }
}
