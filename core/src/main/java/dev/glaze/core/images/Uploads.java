package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.http.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code PUT /v2/images/{id}/file}: the data streamed from a file or a stream, hashed as it is sent (MD5 and
 * SHA-512), and compared afterwards with what the server recorded.
 */
final class Uploads {
    private static final String OCTET_STREAM = "application/octet-stream";

    private Uploads() {
    }

    static void file(Image image, Path file, UploadOptions options) {
        file(image, file, options, false);
    }

    /** As {@link #file(Image, Path, UploadOptions)}; {@code stage}: to {@code PUT .../stage} (glance-direct). */
    static void file(Image image, Path file, UploadOptions options, boolean stage) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new GlazeException("cannot upload " + file + " to image " + image.getId() + ": "
                    + (Files.exists(file) ? "it is not a readable file" : "no such file"));
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new GlazeException("cannot upload " + file + ": " + e.getMessage(), e);
        }
        // A file can be opened again, so the pipeline may send it again (a 401 with a fresh token, a 503).
        send(image, () -> open(file), size, true, options, stage);
    }

    static void stream(Image image, InputStream data, long size, UploadOptions options) {
        stream(image, data, size, options, false);
    }

    static void stream(Image image, InputStream data, long size, UploadOptions options, boolean stage) {
        send(image, () -> data, size, false, options, stage);
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void send(Image image, Supplier<InputStream> source, long size, boolean replayable,
            UploadOptions options, boolean stage) {
        precheck(image); // staged data also needs its formats: the import stores it as any upload
        CloudContext ctx = image.getCloud().context();
        ProgressMeter meter = new ProgressMeter(ctx.clock(), size, options.getProgress());
        AtomicReference<HashingInputStream> sent = new AtomicReference<>();
        // One digest, the one the service records: upstream Glance's os_hash_value (sha512), Rackspace's checksum.
        // Staged data gets its hashes only when the import has stored it, so there is nothing to compare yet.
        String algorithm = !options.isVerify() || stage ? null
                : ctx.profile() == dev.glaze.core.ServiceProfile.RACKSPACE ? "MD5" : "SHA-512";
        Supplier<BodyPublisher> body = () -> {
            meter.restart(); // each attempt counts and hashes what it sends
            BodyPublisher stream = BodyPublishers.ofInputStream(() -> {
                HashingInputStream h = new HashingInputStream(source.get(), meter, algorithm);
                HashingInputStream before = sent.getAndSet(h);
                if (before != null) {
                    before.abandon(); // an earlier attempt: close its file, end its digest's thread
                }
                return h;
            });
            // with a known length Content-Length is sent (Glance prefers it); otherwise chunked
            return size > 0 ? BodyPublishers.fromPublisher(stream, size) : stream;
        };
        ApiRequest request = ApiRequest.builder("PUT", ctx.v2("/images/" + image.seg() + (stage ? "/stage" : "/file")))
                .body(OCTET_STREAM, body, replayable).notIdempotent().timeout(timeout(size)).build();
        try {
            ctx.transport().discard(request);
        } catch (RuntimeException | Error failed) {
            HashingInputStream h = sent.get();
            if (h != null) {
                h.abandon();
            }
            throw failed;
        }
        HashingInputStream h = sent.get();
        if (algorithm == null) {
            image.refresh();
            meter.finish(null);
            return;
        }
        String hash = h == null ? Digests.hexOfNothing(algorithm) : h.hex();
        image.refresh();
        meter.finish(compare(image, "MD5".equals(algorithm) ? null : hash, "MD5".equals(algorithm) ? hash : null));
    }

    /** Glance's own refusals (409, 400), said before any data is sent, with what to do instead. */
    private static void precheck(Image image) {
        String status = image.getStatus();
        if (status != null && !"queued".equals(status)) {
            throw new GlazeException("cannot upload to image " + image.getId() + ": it is " + status
                    + ", and only a queued image takes data; create a new image and upload to that");
        }
        boolean disk = image.getDiskFormat() != null;
        boolean container = image.getContainerFormat() != null;
        if (!disk || !container) {
            String missing = !disk && !container ? "disk_format and container_format"
                    : !disk ? "disk_format" : "container_format";
            throw new GlazeException("cannot upload to image " + image.getId() + ": it has no " + missing
                    + "; set it and save (e.g. image.diskFormat = 'raw'; image.containerFormat = 'bare';"
                    + " image.save()) first");
        }
    }

    /**
     * Compares the hash of what was sent (sha512 or md5; the other null) with what the server recorded; returns
     * what matched, null when it recorded none.
     */
    private static String compare(Image image, String sha512, String md5) {
        String verified = null;
        String algo = image.getOsHashAlgo();
        String hash = image.getOsHashValue();
        if (sha512 != null && hash != null && "sha512".equalsIgnoreCase(algo)) {
            mismatch(image, "sha512", hash, sha512);
            verified = "sha512";
        }
        String checksum = image.getChecksum();
        if (md5 != null && checksum != null) {
            mismatch(image, "md5", checksum, md5);
            verified = verified == null ? "md5" : verified;
        }
        return verified;
    }

    private static void mismatch(Image image, String algo, String recorded, String sent) {
        if (!recorded.equalsIgnoreCase(sent)) {
            throw new GlazeException("image " + image.getId() + ": the server recorded " + algo + " " + recorded
                    + " but the data sent has " + sent + "; the data changed on the way: delete the image and"
                    + " upload again");
        }
    }

    /**
     * The request timeout runs until the answer's headers arrive, i.e. over the whole upload: 10 minutes plus a
     * second per MiB (a slow 1 MiB/s link), 12 hours when the size is unknown.
     */
    private static Duration timeout(long size) {
        return size < 0 ? Duration.ofHours(12) : Duration.ofMinutes(10).plusSeconds(size >> 20);
    }
}
