package dev.glaze.core.storage;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Object data up and down, streamed (never held in memory) and checked against the store's MD5. */
final class Transfers {
    /** Swift's largest single object (5 GiB); bigger ones are segmented large objects. */
    static final long MAX_OBJECT = 5L << 30;
    /** The answer to an upload comes only after the last byte: the default request timeout would cut big ones off. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(12);
    private static final Pattern PLAIN_MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    private Transfers() {
    }

    static void upload(Cloud cloud, String container, String name, Supplier<InputStream> source, long size,
            boolean replayable) {
        if (size > MAX_OBJECT) {
            throw new GlazeException("cannot upload " + size + " bytes as " + container + "/" + name + ": Swift takes"
                    + " at most 5 GiB in one object, and segmented (large object) uploads are not supported yet");
        }
        AtomicReference<MessageDigest> digest = new AtomicReference<>();
        ApiRequest request = ApiRequest.builder("PUT", Swift.object(cloud, container, name))
                .body(null, () -> {
                    MessageDigest md = md5();
                    digest.set(md); // a retry reads the source again, with a fresh digest
                    InputStream in = new DigestInputStream(source.get(), md);
                    return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> in), size);
                }, replayable)
                .timeout(TRANSFER_TIMEOUT)
                .build();
        String etag;
        try (ApiResponse r = cloud.context().transport().call(request)) {
            etag = r.header("ETag").map(StoredObject::unquote).orElse(null);
        } catch (NotFoundException e) {
            throw new NoSuchContainerException(container, cloud.getDisplayName());
        } catch (UncheckedIOException e) {
            throw new GlazeException("upload to " + container + "/" + name + " failed reading the source: "
                    + e.getCause().getMessage(), e);
        }
        String sent = HexFormat.of().formatHex(digest.get().digest());
        if (etag == null || !etag.equalsIgnoreCase(sent)) {
            throw new GlazeException("upload to " + container + "/" + name + " arrived damaged: the store's ETag "
                    + etag + " is not the MD5 " + sent + " of the bytes sent; upload it again");
        }
    }

    static Path download(Cloud cloud, String container, String name, Path to) {
        Path target = Files.isDirectory(to) ? to.resolve(lastSegment(name)) : to;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        ApiResponse r;
        try {
            r = cloud.context().transport().call(ApiRequest.builder("GET", Swift.object(cloud, container, name))
                    .timeout(TRANSFER_TIMEOUT).build());
        } catch (NotFoundException e) {
            throw new NoSuchObjectException(container, name);
        }
        long expected = Swift.header(r, "Content-Length");
        String etag = r.header("ETag").map(StoredObject::unquote).orElse("");
        boolean checkMd5 = PLAIN_MD5.matcher(etag).matches() && r.header("X-Object-Manifest").isEmpty()
                && !r.header("X-Static-Large-Object").map("true"::equalsIgnoreCase).orElse(false)
                && r.status() == 200;
        MessageDigest md = md5();
        long written = 0;
        try (InputStream in = new DigestInputStream(r.stream(), md); OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                written += n;
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new GlazeException("download of " + container + "/" + name + " to " + target + " failed after "
                    + written + " bytes: " + e.getMessage() + "; run it again", e);
        }
        String got = HexFormat.of().formatHex(md.digest());
        if (r.header("Content-Length").isPresent() && written != expected || checkMd5 && !got.equalsIgnoreCase(etag)) {
            deleteQuietly(part);
            throw new GlazeException("download of " + container + "/" + name + " arrived damaged (" + written
                    + " of " + expected + " bytes, MD5 " + got + ", ETag " + etag + "); run it again");
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new GlazeException("cannot move the download of " + container + "/" + name + " to " + target
                    + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static String lastSegment(String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is harmless and overwritten next time
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }
}
