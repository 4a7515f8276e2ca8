package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.AtomicFiles;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code PUT} and {@code GET /v2/images/{id}/file}: image data, streamed both ways and never held in memory.
 *
 * <p>An upload moves the image {@code queued -> saving} atomically (so of two concurrent uploads exactly one wins),
 * streams the body into a fresh file while hashing it, forces the file to disk, renames it into place and marks the
 * image {@code active} in one step under the image's lock. Any failure on the way puts the image back to
 * {@code queued} and removes what was written, as Glance does so that the upload can be retried.
 */
public final class ImageDataApi {
    private static final Logger LOG = Logger.getLogger(ImageDataApi.class.getName());
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final List<String> HAS_DATA = List.of("active", "deactivated");

    private final Api api;
    private final long imageSizeCap;

    /** @param imageSizeCap the largest upload accepted, in bytes (Glance's {@code image_size_cap}) */
    public ImageDataApi(Api api, long imageSizeCap) {
        this.api = api;
        this.imageSizeCap = imageSizeCap;
    }

    public void upload(Exchange ex) throws IOException {
        requireOctetStream(ex.header("Content-Type"));
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        long declared = "chunked".equalsIgnoreCase(ex.header("Transfer-Encoding")) ? -1 : ex.contentLength();
        ImageStore store = api.store();
        store.update(id, image -> startSaving(image, ctx), ImageAccess.notFound(id));

        Path temp = store.newUploadFile(id);
        StoredImage saved;
        try {
            // Like Glance, refuse only once more than the cap has arrived, not on the declared length: answering
            // before reading the body would reset the connection under a client still sending, losing the 413.
            DataReceiver.Received received;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                received = DataReceiver.receive(ex.body(), declared, out, total -> {
                    if (total > imageSizeCap) {
                        throw tooLarge();
                    }
                    if (store.find(id).isEmpty()) {
                        throw gone(id);
                    }
                });
                force(out);
            }
            saved = store.update(id, image -> finishSaving(image, temp, received), gone(id));
        } catch (DataReceiver.StorageFailure e) {
            abandon(id, temp);
            throw storageProblem(e);
        } catch (IOException e) {
            abandon(id, temp);
            // The client sent less than it announced or broke the chunked framing; usually it has gone already.
            throw HttpError.badRequest("The image data did not arrive complete: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            abandon(id, temp);
            throw e;
        }
        LOG.fine(() -> "image " + id + " received " + saved.get("size") + " bytes");
        ex.sendEmpty(204);
    }

    public void download(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        StoredImage image = api.access().visible(id, ctx);
        if ("deactivated".equals(image.status()) && !ctx.isAdmin()) {
            throw HttpError.forbidden("The requested image has been deactivated. Image data download is forbidden.");
        }
        if (!HAS_DATA.contains(image.status())) {
            // Glance answers a Range on an image without data with a 500; no data is no data, Range or not.
            ex.sendNoContent();
            return;
        }
        FileChannel in;
        try {
            in = FileChannel.open(api.store().dataFile(id), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw ImageAccess.notFound(id); // deleted since we looked it up
        }
        try (in) {
            RangeHeader.Slice slice = RangeHeader.select(ex.header("Range"), ex.header("Content-Range"), in.size());
            if (image.get("checksum") != null) {
                ex.setHeader("Content-Md5", (String) image.get("checksum")); // hex, whole image, even on a 206
            }
            if (slice.partial()) {
                ex.setHeader("Content-Range", slice.contentRange());
            }
            try (OutputStream out = ex.startStream(slice.partial() ? 206 : 200, OCTET_STREAM, slice.length())) {
                send(in, slice.offset(), slice.length(), out);
            }
        }
    }

    /** WebOb compares the media type as sent (no lower-casing); a request without one counts as text/plain. */
    private static void requireOctetStream(String contentType) {
        String mediaType = contentType == null ? null : contentType.split(";", 2)[0];
        if (!OCTET_STREAM.equals(mediaType)) {
            throw HttpError.unsupportedMediaType(contentType == null ? "text/plain" : contentType, null);
        }
    }

    /** Glance's checks, in its order: visible (404), owner (403), state (409), formats (400). */
    private static StoredImage startSaving(StoredImage image, RequestContext ctx) {
        String id = image.id();
        if (!ImageAccess.canSee(image, ctx)) {
            throw ImageAccess.notFound(id);
        }
        if (!ImageAccess.canChange(image, ctx)) {
            throw HttpError.forbidden("Not allowed to upload image data for image " + id);
        }
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

    /** Under the image's lock: the data goes into place and the image becomes active, or neither happens. */
    private StoredImage finishSaving(StoredImage image, Path temp, DataReceiver.Received received) {
        if (!"saving".equals(image.status())) {
            throw gone(image.id());
        }
        try {
            AtomicFiles.move(temp, api.store().dataFile(image.id()));
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

    /** Undoes a failed upload: no data file left anywhere, and the image (if it still exists) queued again. */
    private void abandon(String id, Path temp) {
        ImageStore store = api.store();
        deleteQuietly(temp);
        try {
            store.update(id, image -> {
                if (!"saving".equals(image.status())) {
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
            // deleted while uploading: nothing to restore
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not put image " + id + " back to queued; a restart will", e);
        }
    }

    private static void send(FileChannel in, long offset, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(DataReceiver.BLOCK_SIZE, Math.max(length, 1)));
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = in.read(buffer, position);
            if (n < 0) {
                throw new IOException("image data ended " + (end - position) + " bytes early");
            }
            out.write(buffer.array(), 0, n);
            position += n;
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

    private static HttpError tooLarge() {
        return HttpError.of(413, "The incoming image is too large: The provided image is too large.");
    }

    private static HttpError gone(String id) {
        return HttpError.of(410, "Image " + id + " could not be found after upload. The image may have been deleted "
                + "during the upload, cleaning up the chunks uploaded.");
    }

    /** A full disk is Glance's 413; any other failure of our own storage is a genuine server error. */
    private static RuntimeException storageProblem(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left")) {
            return HttpError.of(413, "Image storage media is full: " + message);
        }
        return new UncheckedIOException("cannot write image data", e);
    }
}
