package dev.glaze.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.glaze.emulator.api.Api;
import dev.glaze.emulator.api.ApiRoutes;
import dev.glaze.emulator.api.Versions;
import dev.glaze.emulator.http.HttpFront;
import dev.glaze.emulator.store.ImageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
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
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;

    private ImageService(ServiceConfig config, HttpServer server, ExecutorService executor) {
        this.config = config;
        this.server = server;
        this.executor = executor;
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
        ImageStore store = ImageStore.open(config.dataDir().resolve("regions").resolve("local"));
        Api api = Api.of(store, config.profile());
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
        ExecutorService executor = newExecutor(config.threads());
        server.setExecutor(executor);
        server.createContext("/", new HttpFront(ApiRoutes.build(api, config.imageSizeCap()), Versions::isAccepted,
                (ex, versionsPath) -> Versions.send(ex, versionsPath ? 200 : 300),
                config.profile().hasJsonErrors(), config.maxJsonBytes()));
        server.start();
        return new ImageService(config, server, executor);
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

    public ServiceConfig config() {
        return config;
    }

    /** Stops accepting, lets running requests finish for up to a second, and stops. Safe to call twice. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
