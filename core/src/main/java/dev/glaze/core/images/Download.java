package dev.glaze.core.images;

import dev.glaze.core.ConnectionException;
import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.Transport;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One download of an image's data: streamed into {@code <target>.part}, resumed with {@code Range} when the
 * connection breaks, verified, then renamed to the target ({@link DownloadFiles}). The digest keeps its state across
 * resumes of one run; a {@code .part} file of an earlier run is read into it first.
 */
final class Download {
    private static final int BUFFER = 256 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final CloudContext ctx;
    private final String id;
    private final String status;
    private final long size;
    private final URI uri;
    private final DownloadFiles files;
    private final DownloadOptions options;
    private final DownloadCheck check;
    private final ProgressMeter meter;
    private FileChannel out;
    private long have;

    Download(CloudContext ctx, JsonObject image, DownloadFiles files, DownloadOptions options) {
        this.ctx = ctx;
        this.id = Json.string(image, "id");
        this.status = Json.string(image, "status");
        this.size = image.get("size") instanceof JsonNumber ? image.getJsonNumber("size").longValue() : -1;
        this.uri = ctx.v2("/images/" + Links.segment(id) + "/file");
        this.files = files;
        this.options = options;
        this.check = DownloadCheck.choose(id, image, options);
        this.meter = new ProgressMeter(ctx.clock(), size, options.getProgress());
    }

    Path run() {
        boolean done = false;
        try {
            openPart();
            fetch();
            if (options.isSync()) {
                out.force(false); // not even a power cut may leave a short file under the final name
            }
            out.close();
            String verifiedWith;
            try {
                verifiedWith = check.verify();
            } catch (GlazeException mismatch) {
                files.deletePart();
                throw mismatch;
            }
            files.commit(options.isOverwrite());
            done = true;
            meter.finish(verifiedWith);
            return files.target();
        } catch (IOException e) {
            throw new GlazeException("cannot write " + files.part() + ": " + e.getMessage(), e);
        } finally {
            check.close();
            if (!done) {
                closeQuietly();
                if (have == 0) {
                    files.deletePart(); // nothing worth resuming
                }
            }
        }
    }

    private void openPart() throws IOException {
        Path part = files.part();
        if (options.isResume() && Files.isRegularFile(part)) {
            out = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE);
            have = out.size();
            if (size >= 0 && have > size) {
                startOver();
            } else if (check.hashing()) {
                hashExisting();
            }
            out.position(have);
            meter.resumedAt(have);
        } else {
            out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    private void hashExisting() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        for (long pos = 0; pos < have; ) {
            buffer.clear();
            int n = out.read(buffer, pos);
            if (n < 0) {
                break;
            }
            check.update(buffer.array(), 0, n);
            pos += n;
        }
    }

    private void fetch() throws IOException {
        int failures = 0;
        while (!(have > 0 && have == size)) { // an earlier run may have got it all
            ApiRequest.Builder request = ApiRequest.builder("GET", uri);
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            IOException broke;
            try (ApiResponse response = ctx.transport().send(request.build())) {
                if (!accept(response)) {
                    continue;
                }
                broke = copy(response.stream());
            } catch (ConnectionException e) {
                // no answer at all: the pipeline has retried already; only a download under way is worth resuming
                if (have == 0 || failures++ >= options.getRetries()) {
                    throw e;
                }
                pause(failures);
                continue;
            }
            if (broke == null && size >= 0 && have > size) {
                throw new GlazeException("image " + id + ": the server sent " + have + " bytes, more than the image's"
                        + " size " + size + "; the partial file was kept in " + files.part());
            }
            if (broke == null && (size < 0 || have == size)) {
                return;
            }
            if (broke == null) {
                broke = new IOException("the answer ended early");
            }
            if (failures++ >= options.getRetries()) {
                throw broken(broke, failures - 1);
            }
            pause(failures);
        }
    }

    /** Checks the answer; false when the data must be asked for again from byte 0. */
    private boolean accept(ApiResponse response) throws IOException {
        int code = response.status();
        if (code == 204) {
            throw new GlazeException("image " + id + " has no data (status " + status + ")");
        }
        if (code == 416 && have > 0) {
            startOver(); // the .part file is not a prefix of this image's data
            return false;
        }
        if (code >= 400) {
            throw Transport.error(response);
        }
        if (code == 200) {
            if (have > 0) {
                startOver(); // the server ignored Range: it sends everything again
            }
            check.wholeImage(response);
            if (size < 0) {
                response.header("Content-Length").ifPresent(v -> meter.total(Long.parseLong(v.trim())));
            }
            return true;
        }
        if (code == 206 && have > 0) {
            String range = response.header("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range.trim());
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                throw new GlazeException("image " + id + ": asked for its data from byte " + have
                        + " but the server sent Content-Range '" + range + "'; download again without resume");
            }
            return true;
        }
        throw new GlazeException("image " + id + ": unexpected answer " + code + " to GET " + uri);
    }

    private void startOver() throws IOException {
        out.truncate(0);
        out.position(0);
        have = 0;
        if (check.hashing()) {
            check.reset();
        }
        meter.restart();
    }

    /** Copies the body to the .part file; returns the failure when reading broke (resumable), null at its end. */
    private IOException copy(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            // fill the buffer (the stream hands out a few KiB at a time), then write and hash it in one go
            int n = 0;
            IOException broken = null;
            boolean end = false;
            while (n < buffer.length) {
                int r;
                try {
                    r = in.read(buffer, n, buffer.length - n);
                } catch (IOException e) {
                    broken = e;
                    break;
                }
                if (r < 0) {
                    end = true;
                    break;
                }
                n += r;
            }
            if (n == 0) {
                return broken;
            }
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
            while (b.hasRemaining()) {
                out.write(b);
            }
            if (check.hashing()) {
                check.update(buffer, 0, n);
            }
            have += n;
            meter.add(n);
            if (broken != null || end) {
                return broken;
            }
        }
    }

    private void pause(int failures) {
        try {
            ctx.sleeper().sleep(Duration.ofSeconds(failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("GET", uri, "interrupted while waiting to resume; the partial data is in "
                    + files.part(), e);
        }
    }

    private ConnectionException broken(IOException e, int resumes) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : Secrets.redact(e.getMessage());
        return new ConnectionException("GET", uri, "the download broke after " + have + (size >= 0 ? " of " + size
                : "") + " bytes (resumed " + resumes + " times): " + why + "; the partial data is in " + files.part()
                + ": download again with resume: true to continue", e);
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }
}
