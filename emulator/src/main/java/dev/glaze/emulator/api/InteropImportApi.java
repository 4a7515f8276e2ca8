package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Upstream Glance's interoperable image import (API 2.6+): {@code GET /v2/info/import}, {@code GET /v2/info/stores},
 * {@code PUT /v2/images/{id}/stage} and {@code POST /v2/images/{id}/import} with {@code glance-direct} and
 * {@code web-download}. Like a single-store Glance (Zed, as CI runs it), it lists {@code copy-image} but has no
 * multiple stores: {@code /v2/info/stores} is a 404, and a copy is refused. Statuses move as Glance's do:
 * {@code queued -> uploading} (staged) {@code -> importing -> active}, and a failed import puts the image back to
 * {@code queued}. Staged data lives in an upload file of the store, so a restart drops it.
 */
public final class InteropImportApi {
    private static final Logger LOG = Logger.getLogger(InteropImportApi.class.getName());
    static final List<String> METHODS = List.of("glance-direct", "web-download", "copy-image");

    private final Api api;
    private final long imageSizeCap;
    private final Duration delay;
    private final ImageDataWriter writer;
    private final Map<String, Path> staged = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "glaze-import");
        t.setDaemon(true); // an import under way must not keep the service's JVM alive
        return t;
    });

    /** @param delay how long an import stays {@code importing} before its data is stored, to watch it */
    public InteropImportApi(Api api, long imageSizeCap, Duration delay) {
        this.api = api;
        this.imageSizeCap = imageSizeCap;
        this.delay = delay;
        this.writer = new ImageDataWriter(api.store());
    }

    public void methods(Exchange ex) throws IOException {
        ex.rejectBody();
        ex.sendJson(200, Map.of("import-methods", Map.of("description", "Import methods available.",
                "type", "array", "value", METHODS)));
    }

    public void stores(Exchange ex) throws IOException {
        ex.rejectBody();
        throw HttpError.notFound("Multi backend is not supported at this site.");
    }

    public void stage(Exchange ex) throws IOException {
        String contentType = ex.header("Content-Type");
        if (contentType == null || !contentType.split(";", 2)[0].equals("application/octet-stream")) {
            throw HttpError.unsupportedMediaType(contentType == null ? "text/plain" : contentType, null);
        }
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        api.store().update(id, image -> {
            checkOwner(image, ctx, "Not allowed to upload image data for image " + id);
            if (!"queued".equals(image.status())) {
                throw HttpError.conflict("Image status transition from " + image.status()
                        + " to uploading is not allowed");
            }
            return image.with(a -> {
                a.put("status", "uploading");
                a.put("updated_at", Times.now());
            });
        }, ImageAccess.notFound(id));
        Path file = api.store().newUploadFile(id);
        try {
            long size;
            try (InputStream in = ex.body()) {
                size = Files.copy(in, file);
            }
            if (size > imageSizeCap) {
                throw HttpError.of(413, "The incoming image is too large: The provided image is too large.");
            }
            staged.put(id, file);
            api.store().update(id, image -> image.with(a -> a.put("size", size)), ImageAccess.notFound(id));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            backToQueued(id);
            throw e;
        }
        ex.sendEmpty(204);
    }

    public void importImage(Exchange ex) throws IOException {
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        Object body = ex.json();
        Object method = body instanceof Map<?, ?> m ? m.get("method") : null;
        Object name = method instanceof Map<?, ?> m ? m.get("name") : null;
        if (!(name instanceof String methodName) || !METHODS.contains(methodName)) {
            throw HttpError.badRequest("Unknown import method name '" + name + "'.");
        }
        URI uri = "web-download".equals(methodName) ? webDownloadUri(((Map<?, ?>) method).get("uri")) : null;
        api.store().update(id, image -> {
            checkOwner(image, ctx, "You are not authorized to complete import action.");
            String status = image.status();
            if ("copy-image".equals(methodName)) {
                if (!"active".equals(status)) {
                    throw HttpError.conflict("Image " + id + " is not in active state");
                }
                // a single store has nowhere to copy to (real Zed answers a 500 here; we say why)
                throw HttpError.conflict("Multi backend is not supported at this site.");
            }
            if ("glance-direct".equals(methodName) && "queued".equals(status)) {
                throw HttpError.conflict("Image needs to be staged before 'glance-direct' method can be used");
            }
            boolean ready = "glance-direct".equals(methodName) ? "uploading".equals(status) : "queued".equals(status);
            if (!ready) {
                throw HttpError.conflict("Image with status " + status + " cannot be target for import");
            }
            return image.with(a -> {
                a.put("status", "importing");
                a.put("os_glance_import_task", java.util.UUID.randomUUID().toString());
                a.put("os_glance_importing_to_stores", "");
                a.put("os_glance_failed_import", "");
                a.put("updated_at", Times.now());
            });
        }, ImageAccess.notFound(id));
        workers.execute(() -> run(id, uri));
        ex.sendEmpty(202);
    }

    private static URI webDownloadUri(Object uri) {
        if (!(uri instanceof String text) || text.isBlank()) {
            throw HttpError.badRequest("Import method web-download requires the 'uri' field.");
        }
        try {
            URI parsed = URI.create(text);
            if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
                throw HttpError.badRequest("URI for web-download does not pass filtering: " + text);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("URI for web-download does not pass filtering: " + text);
        }
    }

    /** The import itself, after the 202: the staged file or the URL's body becomes the image's data. */
    private void run(String id, URI uri) {
        try {
            Thread.sleep(delay.toMillis());
            if (uri == null) {
                Path file = staged.remove(id);
                if (file == null) {
                    throw new IOException("the staged data is gone (the service restarted)");
                }
                try (InputStream in = Files.newInputStream(file)) {
                    store(id, in, Files.size(file));
                } finally {
                    Files.deleteIfExists(file);
                }
            } else {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() / 100 != 2) {
                        throw new IOException("HTTP " + r.statusCode() + " from " + uri);
                    }
                    store(id, in, r.headers().firstValueAsLong("Content-Length").orElse(-1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            backToQueued(id);
        } catch (IOException | RuntimeException e) {
            // Glance logs the cause and reports only that the image is queued again (its task says more)
            LOG.log(Level.INFO, "import of image " + id + " failed: " + e.getMessage());
            backToQueued(id);
        }
    }

    /** As Glance: the image is active first, and its import lock is let go in a second save. */
    private void store(String id, InputStream in, long length) throws IOException {
        writer.write(id, in, length, imageSizeCap, "importing");
        api.store().update(id, image -> image.with(a -> a.remove("os_glance_import_task")),
                ImageAccess.notFound(id));
    }

    private void backToQueued(String id) {
        try {
            api.store().update(id, image -> "active".equals(image.status()) ? image : image.with(a -> {
                a.remove("os_glance_import_task");
                a.put("status", "queued");
                a.put("size", null);
                a.put("updated_at", Times.now());
            }), ImageAccess.notFound(id));
        } catch (HttpError deleted) {
            // deleted meanwhile: nothing to put back
        }
    }

    private static void checkOwner(StoredImage image, RequestContext ctx, String forbidden) {
        if (!ImageAccess.canSee(image, ctx)) {
            throw ImageAccess.notFound(image.id());
        }
        if (!ImageAccess.canChange(image, ctx)) {
            throw HttpError.forbidden(forbidden);
        }
    }
}
