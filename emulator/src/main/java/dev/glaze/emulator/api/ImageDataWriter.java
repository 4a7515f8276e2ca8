package dev.glaze.emulator.api;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.AtomicFiles;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams bytes into an image: the one way data reaches an image, for uploads ({@code PUT .../file}) and import tasks
 * alike. The image is first moved {@code queued -> saving} atomically (so of two writers exactly one wins); the data
 * goes into a fresh file while MD5 and SHA-512 are computed, the file is forced to disk, renamed into place and the
 * image marked {@code active} in one step under the image's lock. Any failure on the way puts the image back to
 * {@code queued} and removes what was written, as Glance does so that the upload can be retried.
 */
public final class ImageDataWriter {
    private static final Logger LOG = Logger.getLogger(ImageDataWriter.class.getName());

    private final ImageStore store;

    public ImageDataWriter(ImageStore store) {
        this.store = store;
    }

    /**
     * Glance's checks before data may be saved, in its order: the state (409), then the formats (400). Returns the
     * image as {@code saving}; meant to run inside {@link ImageStore#update}.
     */
    public static StoredImage startSaving(StoredImage image) {
        if (!"queued".equals(image.status())) {
            throw HttpError.conflict("Image status transition from " + image.status() + " to saving is not allowed");
        }
        List<String> missing = new ArrayList<>();
        for (String format : List.of("disk_format", "container_format")) {
            if (image.get(format) == null || "".equals(image.get(format))) {
                missing.add(format);
            }
        }
        if (missing.size() == 1) {
            throw HttpError.badRequest("Property " + missing.get(0) + " must be set prior to saving data.");
        } else if (!missing.isEmpty()) {
            throw HttpError.badRequest("Properties " + String.join(", ", missing) + " must be set prior to saving data.");
        }
        return image.with(a -> {
            a.put("status", "saving");
            a.put("updated_at", Times.now());
        });
    }

    /**
     * Reads {@code data} to its end into the image, which must be {@code saving} (see {@link #startSaving}): on
     * success the image is {@code active} with its size and checksums; on any failure it is {@code queued} again
     * without data and the failure is thrown on.
     *
     * @param declaredLength how many bytes {@code data} announced, -1 when unknown; fewer is a failure
     * @param sizeCap the largest image accepted: past it, 413
     * @throws HttpError 413 past {@code sizeCap}, 410 when the image was deleted meanwhile
     * @throws IOException when reading {@code data} fails or ends early; {@link DataReceiver.StorageFailure} when
     *         our own disk fails
     */
    public StoredImage write(String id, InputStream data, long declaredLength, long sizeCap) throws IOException {
        return write(id, data, declaredLength, sizeCap, "saving");
    }

    /**
     * As {@link #write(String, InputStream, long, long)}, for an image that shows {@code writingStatus} meanwhile:
     * an interoperable import stays {@code importing} until it is active, as in Glance.
     */
    public StoredImage write(String id, InputStream data, long declaredLength, long sizeCap, String writingStatus)
            throws IOException {
        Path temp = store.newUploadFile(id);
        try {
            // Like Glance, refuse only once more than the cap has arrived, not on the declared length: answering
            // before reading the body would reset the connection under a client still sending, losing the 413.
            DataReceiver.Received received;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                received = DataReceiver.receive(data, declaredLength, out, total -> {
                    if (total > sizeCap) {
                        throw tooLarge();
                    }
                    if (store.find(id).isEmpty()) {
                        throw gone(id);
                    }
                });
                force(out);
            }
            return store.update(id, image -> finishSaving(image, temp, received, writingStatus), gone(id));
        } catch (IOException | RuntimeException | Error e) {
            abandon(id, temp, writingStatus);
            throw e;
        }
    }

    /** Under the image's lock: the data goes into place and the image becomes active, or neither happens. */
    private StoredImage finishSaving(StoredImage image, Path temp, DataReceiver.Received received,
            String writingStatus) {
        if (!writingStatus.equals(image.status())) {
            throw gone(image.id());
        }
        try {
            AtomicFiles.move(temp, store.dataFile(image.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the data of image " + image.id(), e);
        }
        Long virtualSize = VirtualSize.of((String) image.get("disk_format"), (String) image.get("container_format"),
                received.head(), received.size());
        return image.with(a -> {
            a.put("size", received.size());
            a.put("virtual_size", virtualSize);
            a.put("checksum", received.md5());
            a.put("os_hash_algo", "sha512");
            a.put("os_hash_value", received.sha512());
            a.put("status", "active");
            a.put("updated_at", Times.now());
        });
    }

    /** Undoes a failed write: no data file left anywhere, and the image (if it still exists) queued again. */
    private void abandon(String id, Path temp, String writingStatus) {
        deleteQuietly(temp);
        try {
            store.update(id, image -> {
                if (!writingStatus.equals(image.status())) {
                    return image;
                }
                deleteQuietly(store.dataFile(id)); // moved into place just before the metadata write failed
                return image.with(a -> {
                    a.put("status", "queued");
                    a.put("size", null);
                    a.put("virtual_size", null);
                    a.put("updated_at", Times.now());
                });
            }, ImageAccess.notFound(id));
        } catch (HttpError deleted) {
            // deleted while receiving: nothing to restore
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not put image " + id + " back to queued; a restart will", e);
        }
    }

    private static void force(FileChannel out) throws IOException {
        try {
            out.force(true);
        } catch (IOException e) {
            throw new DataReceiver.StorageFailure(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + file + "; a restart will", e);
        }
    }

    /** True when {@code e} is our own disk failing rather than the data's source. */
    public static boolean isStorageFailure(IOException e) {
        return e instanceof DataReceiver.StorageFailure;
    }

    private static HttpError tooLarge() {
        return HttpError.of(413, "The incoming image is too large: The provided image is too large.");
    }

    static HttpError gone(String id) {
        return HttpError.of(410, "Image " + id + " could not be found after upload. The image may have been deleted "
                + "during the upload, cleaning up the chunks uploaded.");
    }
}
