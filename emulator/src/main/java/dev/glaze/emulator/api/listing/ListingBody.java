package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.api.ImageRenderer;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.Json;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.store.StoredImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a listing's JSON: {@code {"images": [...], "first": ..., "schema": ..., "next": ...}}, keys in Glance's
 * order. A page of 1000 images is written often and changes rarely, so each image's JSON is kept once rendered:
 * a stored image never changes (every change makes a new one), so the cached bytes stay right for as long as the
 * store holds that very object. This relies on the rendering depending on the image alone, never on the caller.
 */
public final class ListingBody {
    private static final byte[] SCHEMA = ",\"schema\":\"/v2/schemas/images\"".getBytes(StandardCharsets.US_ASCII);

    private final ImageRenderer renderer;
    private final ImageStore store;
    private final ConcurrentHashMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    private record Rendered(StoredImage image, byte[] json) {
    }

    public ListingBody(ImageRenderer renderer, ImageStore store) {
        this.renderer = renderer;
        this.store = store;
    }

    /** Sends the page with a known length, streaming the images' JSON rather than assembling one document. */
    public void send(Exchange ex, List<StoredImage> images, String first, String next) throws IOException {
        byte[][] parts = new byte[images.size()][];
        long length = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = json(images.get(i));
            length += parts[i].length + 1;
        }
        byte[] head = "{\"images\":[".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = tail(first, next);
        length += head.length + tail.length + (parts.length == 0 ? 1 : 0);
        try (OutputStream out = new BufferedOutputStream(ex.startStream(200, "application/json", length), 1 << 16)) {
            out.write(head);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(parts[i]);
            }
            out.write(']');
            out.write(tail);
        }
        forgetStale();
    }

    private static byte[] tail(String first, String next) {
        StringBuilder sb = new StringBuilder(",\"first\":").append(Json.quote(first));
        sb.append(new String(SCHEMA, StandardCharsets.US_ASCII));
        if (next != null) {
            sb.append(",\"next\":").append(Json.quote(next));
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The image's JSON, as {@code GET /v2/images/{id}} renders it. */
    byte[] json(StoredImage image) {
        Rendered r = rendered.get(image.id());
        if (r == null || r.image != image) {
            r = new Rendered(image, Json.bytes(renderer.render(image)));
            rendered.put(image.id(), r);
        }
        return r.json;
    }

    /** Drops what deleted or changed images left behind, once that is a fair share of the cache. */
    private void forgetStale() {
        if (rendered.size() > 2 * store.size() + 64) {
            rendered.values().removeIf(r -> store.find(r.image.id()).orElse(null) != r.image);
        }
    }
}
