package dev.glaze.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.glaze.emulator.api.Api;
import dev.glaze.emulator.api.ApiRoutes;
import dev.glaze.emulator.api.Versions;
import dev.glaze.emulator.compute.ComputeRoutes;
import dev.glaze.emulator.http.Authenticator;
import dev.glaze.emulator.http.HttpFront;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.swift.ObjectStore;
import dev.glaze.emulator.swift.SwiftApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Glance v2 compatible image service: a real HTTP server on a real port, its state in a data
 * folder that survives restarts and crashes.
 *
 * <pre>{@code
 * try (ImageService service = ImageService.start(ServiceConfig.builder(dir).port(0).build())) {
 *     URI url = service.url();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class ImageService implements AutoCloseable {
    private final ServiceConfig config;
    private final ImageStore store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectStore objects;
    private final URI url;

    private ImageService(ServiceConfig config, ImageStore store, HttpServer server, ExecutorService executor,
            ObjectStore objects) {
        this.config = config;
        this.store = store;
        this.server = server;
        this.executor = executor;
        this.objects = objects;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = URI.create("http://" + host + ":" + address.getPort());
    }

    /** Opens the data folder (recovering from an unclean stop) and starts serving; returns once it accepts. */
    public static ImageService start(ServiceConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        Path region = config.dataDir().resolve("regions").resolve("local");
        ImageStore store = ImageStore.open(region);
        ObjectStore objects = ObjectStore.open(region.resolve("objects"));
        Api api = Api.of(store, config.profile());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
        } catch (IOException e) {
            objects.close();
            throw e;
        }
        ExecutorService executor = newExecutor(config.threads());
        server.setExecutor(executor);
        Mount images = new Mount(Versions::isAccepted, ImageService::toV2, ApiRoutes.build(api), true);
        Mount compute = ComputeRoutes.mount(api);
        server.createContext("/", new HttpFront(List.of(images, SwiftApi.mount(objects), compute),
                Versions::isAccepted, Authenticator.HEADERS,
                (ex, versionsPath) -> Versions.send(ex, versionsPath ? 200 : 300),
                config.profile().hasJsonErrors(), config.maxJsonBytes()));
        server.start();
        return new ImageService(config, store, server, executor, objects);
    }

    /** {@code /v2.1/images} and the like are the v2 API. */
    private static String toV2(String rawPath) {
        int slash = rawPath.indexOf('/', 1);
        return "/v2" + (slash < 0 ? "" : rawPath.substring(slash));
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

    /** The base URL clients use, e.g. {@code http://127.0.0.1:9292}. */
    public URI url() {
        return url;
    }

    /** The Swift-compatible object store served under {@code /v1}, for in-process users such as import tasks. */
    public ObjectStore objects() {
        return objects;
    }

    public ServiceConfig config() {
        return config;
    }

    /**
     * The images behind the API, for code that embeds the service (and tests that need an image in a state the
     * API reaches only slowly). Changes made here bypass every rule the API enforces.
     */
    public ImageStore store() {
        return store;
    }

    /** Stops accepting, lets running requests finish for up to a second, and stops. Safe to call twice. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        objects.close();
    }
}
