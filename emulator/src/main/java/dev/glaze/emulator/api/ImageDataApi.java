package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code PUT} and {@code GET /v2/images/{id}/file}: image data, streamed both ways and never held in memory.
 * An upload is checked here (who may upload, what was sent) and written by {@link ImageDataWriter}.
 */
public final class ImageDataApi {
    private static final Logger LOG = Logger.getLogger(ImageDataApi.class.getName());
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final List<String> HAS_DATA = List.of("active", "deactivated");

    private final Api api;
    private final long imageSizeCap;
    private final ImageDataWriter writer;

    /** @param imageSizeCap the largest upload accepted, in bytes (Glance's {@code image_size_cap}) */
    public ImageDataApi(Api api, long imageSizeCap) {
        this.api = api;
        this.imageSizeCap = imageSizeCap;
        this.writer = new ImageDataWriter(api.store());
    }

    public void upload(Exchange ex) throws IOException {
        requireOctetStream(ex.header("Content-Type"));
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        long declared = "chunked".equalsIgnoreCase(ex.header("Transfer-Encoding")) ? -1 : ex.contentLength();
        api.store().update(id, image -> startSaving(image, ctx), ImageAccess.notFound(id));
        StoredImage saved;
        try {
            saved = writer.write(id, ex.body(), declared, imageSizeCap);
        } catch (IOException e) {
            if (ImageDataWriter.isStorageFailure(e)) {
                throw storageProblem(e);
            }
            // The client sent less than it announced or broke the chunked framing; usually it has gone already.
            throw HttpError.badRequest("The image data did not arrive complete: " + e.getMessage());
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

    /** Glance's checks, in its order: visible (404), owner (403), then the writer's state and format checks. */
    private static StoredImage startSaving(StoredImage image, RequestContext ctx) {
        String id = image.id();
        if (!ImageAccess.canSee(image, ctx)) {
            throw ImageAccess.notFound(id);
        }
        if (!ImageAccess.canChange(image, ctx)) {
            throw HttpError.forbidden("Not allowed to upload image data for image " + id);
        }
        return ImageDataWriter.startSaving(image);
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

    /** A full disk is Glance's 413; any other failure of our own storage is a genuine server error. */
    private static RuntimeException storageProblem(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left")) {
            return HttpError.of(413, "Image storage media is full: " + message);
        }
        return new UncheckedIOException("cannot write image data", e);
    }
}
