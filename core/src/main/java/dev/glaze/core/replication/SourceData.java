package dev.glaze.core.replication;

import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.images.Image;
import dev.glaze.core.storage.StoredObject;
import dev.glaze.core.tasks.AwaitOptions;
import dev.glaze.core.tasks.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data of each source image, fetched once however many targets it goes to: on Rackspace the object an export
 * task wrote to Cloud Files, elsewhere a verified download into a temporary file. {@link #release(Image)} deletes
 * one image's, {@link #cleanUp()} what is left.
 */
final class SourceData {
    /** Bytes to send: opened once per target, read to the end, closed by the reader. */
    interface Data {
        InputStream open();

        long size();

        /** The object name copies take in the targets' stores. */
        String objectName();

        void delete();
    }

    private final String container;
    private final AwaitOptions await;
    private final Map<String, CompletableFuture<Data>> byImage = new ConcurrentHashMap<>();

    SourceData(String container, AwaitOptions await) {
        this.container = container;
        this.await = await;
    }

    /** The data of {@code image}, fetched by the first caller; the others wait for it. */
    Data of(Image image) {
        CompletableFuture<Data> mine = new CompletableFuture<>();
        CompletableFuture<Data> earlier = byImage.putIfAbsent(image.getId(), mine);
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof GlazeException g ? g : new GlazeException(e.getCause().toString(), e);
            }
        }
        try {
            Data data = image.getCloud().getProfile() == ServiceProfile.RACKSPACE ? exported(image) : downloaded(image);
            mine.complete(data);
            return data;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Data exported(Image image) {
        image.getCloud().containers().create(container);
        Task task = image.export(container).await(await);
        StoredObject object = task.getExportedObject();
        return new Data() {
            public InputStream open() {
                return object.openStream();
            }

            public long size() {
                return object.getBytes();
            }

            public String objectName() {
                return object.getName();
            }

            public void delete() {
                object.delete();
            }
        };
    }

    private Data downloaded(Image image) {
        Path file;
        Path dir;
        try {
            dir = Files.createTempDirectory("glaze-replicate-");
        } catch (IOException e) {
            throw new GlazeException("cannot make a temporary folder for the data of " + image.getName() + ": "
                    + e.getMessage(), e);
        }
        try {
            file = image.download(dir.resolve(image.getId() + "." + image.getDiskFormat()));
        } catch (RuntimeException e) {
            deleteTree(dir); // nothing of a failed download stays in the temporary folder
            throw e;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Data() {
            public InputStream open() {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new GlazeException("cannot read the downloaded data " + file + ": " + e.getMessage(), e);
                }
            }

            public long size() {
                return size;
            }

            public String objectName() {
                return file.getFileName().toString();
            }

            public void delete() {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (IOException e) {
                    // a temporary file the system cleans up later
                }
            }
        };
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder the system cleans up later
        }
    }

    /**
     * Deletes the data of {@code image} once no target needs it any more (its last target is done); nothing when it
     * was never fetched. A failure to delete is left to the store's owner, as in {@link #cleanUp()}.
     */
    void release(Image image) {
        CompletableFuture<Data> f = byImage.remove(image.getId());
        if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
            try {
                f.join().delete();
            } catch (RuntimeException e) {
                // best effort: the object stays in its container, named after the image
            }
        }
    }

    /** Deletes every export object and temporary file; failures to delete are left to the store's owner. */
    void cleanUp() {
        for (CompletableFuture<Data> f : byImage.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                try {
                    f.join().delete();
                } catch (RuntimeException e) {
                    // best effort: the object stays in its container, named after the image
                }
            }
        }
    }
}
