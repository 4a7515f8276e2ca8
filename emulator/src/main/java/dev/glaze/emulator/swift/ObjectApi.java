package dev.glaze.emulator.swift;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/** {@code /v1/AUTH_<project>/<container>/<object...>}: upload, download (with ranges), HEAD, delete. */
final class ObjectApi {
    private static final int BLOCK = 64 * 1024;

    private final ObjectStore store;

    ObjectApi(ObjectStore store) {
        this.store = store;
    }

    /** 201 with the content's MD5 in {@code ETag}; the body is streamed to disk, never held in memory. */
    void put(SwiftRequest req) throws IOException {
        SwiftPath p = req.path();
        // Swift's order: the container first, then the request's own checks.
        if (!store.hasContainer(p.account(), p.container())) {
            throw SwiftException.notFound();
        }
        long declared = req.exchange().contentLength();
        boolean chunked = "chunked".equalsIgnoreCase(req.header("Transfer-Encoding"));
        if (declared < 0 && !chunked) {
            throw SwiftException.withReason(411, "Missing Content-Length header.");
        }
        if (declared > ObjectStore.MAX_OBJECT_BYTES) {
            throw SwiftException.withReason(413, "Your request is too large.");
        }
        var deleteAt = DeleteHeaders.parse(req.header("X-Delete-After"), req.header("X-Delete-At"),
                store.clock().instant());
        InputStream body = declared >= 0 ? new ExactLength(req.exchange().body(), declared) : req.exchange().body();
        ObjectInfo info = store.put(p.account(), p.container(), p.object(), body, req.header("Content-Type"),
                req.header("ETag"), deleteAt);
        req.answer().header("ETag", info.etag());
        req.answer().header("Last-Modified", SwiftTimes.httpDate(info.lastModified()));
        req.answer().standard(201);
    }

    /** 200 with the content, 206 with one range of it, 416 when the range misses; HEAD gives the headers only. */
    void get(SwiftRequest req) throws IOException {
        SwiftPath p = req.path();
        Optional<OpenObject> found = store.read(p.account(), p.container(), p.object());
        try (OpenObject object = found.orElseThrow(SwiftException::notFound)) {
            ObjectInfo info = object.info();
            SwiftAnswer a = req.answer();
            a.header("ETag", info.etag());
            a.header("Last-Modified", SwiftTimes.httpDate(info.lastModified()));
            a.header("X-Timestamp", SwiftTimes.normal(info.lastModified()));
            a.header("Accept-Ranges", "bytes");
            if (info.deleteAt() != null) {
                a.header("X-Delete-At", Long.toString(info.deleteAt().getEpochSecond()));
            }
            if (a.isHead()) {
                a.headersOnly(200, info.contentType(), info.size());
                return;
            }
            ByteRange range = ByteRange.of(req.header("Range"), info.size());
            if (range == ByteRange.UNSATISFIABLE) {
                throw SwiftException.of(416).header("Content-Range", "bytes */" + info.size());
            }
            if (range == null) {
                send(object.channel(), 0, info.size(), a.stream(200, info.contentType(), info.size()));
            } else {
                a.header("Content-Range", range.contentRange(info.size()));
                send(object.channel(), range.start(), range.length(),
                        a.stream(206, info.contentType(), range.length()));
            }
        }
    }

    /** 204; 404 when there is none. */
    void delete(SwiftRequest req) throws IOException {
        SwiftPath p = req.path();
        if (!store.deleteObject(p.account(), p.container(), p.object())) {
            throw SwiftException.notFound();
        }
        req.answer().standard(204);
    }

    private static void send(FileChannel channel, long start, long length, OutputStream out) throws IOException {
        try (out) {
            ByteBuffer buf = ByteBuffer.allocate(BLOCK);
            long position = start;
            long left = length;
            while (left > 0) {
                buf.clear().limit((int) Math.min(BLOCK, left));
                int n = channel.read(buf, position);
                if (n < 0) {
                    throw new IOException("object content ended " + left + " bytes early");
                }
                out.write(buf.array(), 0, n);
                position += n;
                left -= n;
            }
        }
    }

    /** The body of a request with a Content-Length: ending before that many bytes is an error, not an end. */
    private static final class ExactLength extends FilterInputStream {
        private long left;

        ExactLength(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the request body ended " + left + " bytes short of its Content-Length");
            }
            left -= n;
            return n;
        }
    }
}
