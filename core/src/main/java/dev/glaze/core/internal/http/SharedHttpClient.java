package dev.glaze.core.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link HttpClient} for the whole JVM, so every cloud and region shares its keep-alive connections. Made on
 * first use: building it costs a few hundred milliseconds that a REPL should not pay before its first request.
 */
public final class SharedHttpClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private SharedHttpClient() {
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(daemonPool())
                .build();
    }

    public static HttpClient get() {
        return Holder.CLIENT;
    }

    private static ExecutorService daemonPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "glaze-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
