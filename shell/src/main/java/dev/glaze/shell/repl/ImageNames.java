package dev.glaze.shell.repl;

import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Image names for completing {@code images['...}: one listing request of at most {@link #MAX} names, kept for
 * {@link #FRESH_MS}, so that Tab after Tab asks once. The line editor waits at most {@link #WAIT_MS} for it; a
 * slower answer still arrives, for the next Tab. A request that fails completes nothing and says nothing: Tab is
 * no place for an error message.
 */
final class ImageNames {
    static final int MAX = 1000;
    static final long FRESH_MS = 5000;
    static final long WAIT_MS = 1000;

    private final Executor executor;
    private final LongSupplier millis;
    private Images listed;
    private CompletableFuture<List<String>> names;
    private long fetchedAt;

    ImageNames() {
        this(command -> {
            Thread t = new Thread(command, "glaze-complete-images");
            t.setDaemon(true);   // a hung request must not keep the shell from leaving
            t.start();
        }, System::currentTimeMillis);
    }

    ImageNames(Executor executor, LongSupplier millis) {
        this.executor = executor;
        this.millis = millis;
    }

    /** The names of {@code images} (its own filters apply), or none when they cannot be had within a second. */
    List<String> of(Images images) {
        CompletableFuture<List<String>> request;
        synchronized (this) {
            long now = millis.getAsLong();
            boolean stale = names == null || listed != images
                    || names.isDone() && now - fetchedAt > FRESH_MS
                    || names.isCompletedExceptionally();
            if (stale) {
                listed = images;
                fetchedAt = now;
                names = CompletableFuture.supplyAsync(() -> list(images), executor);
            }
            request = names;
        }
        try {
            return request.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<String> list(Images images) {
        List<String> out = new ArrayList<>();
        int seen = 0;
        // one page holds them all, and the loop stops before the listing could ask for a second
        for (Image image : images.where(Map.of("limit", MAX))) {
            if (image.getName() != null && !image.getName().isEmpty()) {
                out.add(image.getName());
            }
            if (++seen >= MAX) {
                break;
            }
        }
        return out;
    }
}
