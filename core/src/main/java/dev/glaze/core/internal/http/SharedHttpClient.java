package dev.glaze.core.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link HttpClient} for the whole JVM, so every cloud and region shares its keep-alive connections. Made on
 * first use, or in the background once a transport is made: building it costs a few hundred milliseconds that a REPL
 * should not pay before its first request.
 */
public final class SharedHttpClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private SharedHttpClient() {
    }

    private static final class Holder {
        static final LazyTlsContext TLS = LazyTlsContext.create();
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TLS)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(daemonPool())
                .build();
    }

    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private static volatile boolean made;

    public static HttpClient get() {
        HttpClient client = Holder.CLIENT;
        made = true;
        return client;
    }

    /**
     * Ends the client's selector thread, for a process about to exit: the JVM waits up to 300 ms at exit for
     * threads that are inside native code, as that thread always is (JDK-8314243). Requests after this fail.
     */
    public static void shutdownForExit() {
        if (!made) {
            return;
        }
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        for (int i = 0; i < n; i++) {
            // the JDK names it HttpClient-<n>-SelectorManager; interrupted, it closes its selector and ends
            if (threads[i].getName().startsWith("HttpClient-") && threads[i].getName().endsWith("-SelectorManager")) {
                threads[i].interrupt();
                try {
                    threads[i].join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Starts building the client on a thread of its own (once), and with {@code tls} the TLS context too, so that
     * their cost (the trust store above all) overlaps with what the caller does before its first request, such as
     * compiling a script; {@link #get()} waits for the build when it is not finished.
     */
    public static void prepareInBackground(boolean tls) {
        if (PREPARING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    get();
                    if (tls) {
                        Holder.TLS.prepare();
                    }
                } catch (RuntimeException | LinkageError e) {
                    // only a head start lost: the first request meets the same problem and reports it in one line
                }
            }, "glaze-http-setup");
            t.setDaemon(true);
            t.start();
        }
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
