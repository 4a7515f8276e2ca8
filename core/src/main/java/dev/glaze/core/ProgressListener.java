package dev.glaze.core;

import dev.glaze.core.images.Image;
import dev.glaze.core.images.TransferProgress;
import dev.glaze.core.tasks.Task;

/**
 * What a program shows while a call of this cloud waits: a {@code task.await()} or an image upload or download.
 * Set once for a cloud with {@link Cloud.Builder#progress(ProgressListener)} (the {@code glaze} shell sets one that
 * draws a status line on a terminal); other regions of the cloud keep it.
 *
 * <p>It is asked only for a call that brings no callback of its own: an {@code await} without {@code onPoll}, a
 * transfer without {@code progress}. Each such call gets a fresh {@link Watch}, told every state and closed when the
 * call ends in any way (done, failed, timed out, interrupted), on whatever thread the library is using: watches must
 * be thread-safe and quick.
 *
 * <pre>{@code
 * Cloud cloud = Cloud.builder().endpoint(url).progress(new ProgressListener() {
 *     public Watch<Task> awaiting(Task task) {
 *         return ProgressListener.watch(t -> System.err.println(t.getStatus()), () -> {});
 *     }
 * }).build();
 * }</pre>
 */
public interface ProgressListener {
    /** Shows nothing: the default. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A {@code task.await()} begins on the calling thread; null watches nothing. */
    default Watch<Task> awaiting(Task task) {
        return null;
    }

    /** An upload ({@code upload} true) or download of {@code image} begins; null watches nothing. */
    default Watch<TransferProgress> transferring(Image image, boolean upload) {
        return null;
    }

    /** One call being watched. */
    interface Watch<T> extends AutoCloseable {
        /** The latest state: the task after each look, or a transfer's snapshot (about ten a second at most). */
        void update(T state);

        /** The call ended, either way; nothing more is told. */
        @Override
        void close();
    }

    /** A watch made of two lambdas. */
    static <T> Watch<T> watch(java.util.function.Consumer<T> update, Runnable close) {
        return new Watch<>() {
            @Override
            public void update(T state) {
                update.accept(state);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
