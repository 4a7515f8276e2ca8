package dev.glaze.emulator.compute;

import dev.glaze.emulator.api.Api;
import dev.glaze.emulator.api.ImageAccess;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Compute API's image proxy: {@code GET .../images}, {@code .../images/detail} and {@code .../images/{id}},
 * answered from the same store the Glance API serves, in Nova's shapes, with Nova's faults.
 */
public final class ComputeImagesApi {
    private final Api api;
    private final NovaBehaviour nova;

    public ComputeImagesApi(Api api) {
        this.api = api;
        this.nova = new NovaBehaviour(api.profile());
    }

    public void index(Exchange ex) throws IOException {
        serve(ex, (links, version) -> list(ex, links, version, false));
    }

    public void detail(Exchange ex) throws IOException {
        serve(ex, (links, version) -> list(ex, links, version, true));
    }

    public void show(Exchange ex) throws IOException {
        serve(ex, (links, version) -> {
            String id = ex.param("id");
            StoredImage image = api.store().find(id).filter(i -> ImageAccess.canSee(i, ex.context()))
                    .orElseThrow(() -> NovaFault.itemNotFound("Image not found."));
            return Map.of("image", ComputeImageView.detail(image, links, version));
        });
    }

    /** Builds the answer of one route. */
    @FunctionalInterface
    private interface Answer {
        Object build(ComputeLinks links, ComputeApiVersion version);
    }

    /**
     * What every route does around its answer, in Nova's order: the microversion is read, the project in the URL
     * must be the caller's, the image proxy must exist at that microversion; any fault is answered in Nova's shape.
     */
    private void serve(Exchange ex, Answer answer) throws IOException {
        ComputeApiVersion version = ComputeApiVersion.fromSegment(ex.param("version"));
        if (version == null) {
            throw HttpError.notFound(); // no such API: the front answers as WebOb does
        }
        String requestId = "req-" + UUID.randomUUID();
        ex.setHeader("X-Openstack-Request-Id", requestId);
        ex.setHeader("X-Compute-Request-Id", requestId);
        try {
            Microversion microversion = null;
            if (version.hasMicroversions()) {
                microversion = Microversion.requested(ex);
                microversion.announce(ex);
            }
            String tenant = ex.param("tenant");
            String project = ex.context().project();
            if (!tenant.equals(project)) {
                throw NovaFault.badRequest("Malformed request URL: URL's project_id '" + tenant
                        + "' doesn't match Context's project_id '" + project + "'");
            }
            if (microversion != null && !microversion.hasImageProxy()) {
                throw NovaFault.itemNotFound("The resource could not be found.");
            }
            Object body = answer.build(new ComputeLinks(ex.baseUrl(), version, project, nova), version);
            ex.sendJson(200, body);
        } catch (NovaFault fault) {
            fault.send(ex);
        }
    }

    private Map<String, Object> list(Exchange ex, ComputeLinks links, ComputeApiVersion version, boolean detailed) {
        ComputeImageQuery query = ComputeImageQuery.parse(ex.query(), nova);
        List<StoredImage> page = GlanceSelection.select(api.store(), ex.context(), query, nova);
        List<Object> images = new ArrayList<>();
        for (StoredImage image : page) {
            images.add(detailed ? ComputeImageView.detail(image, links, version) : ComputeImageView.basic(image, links));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", images);
        if (query.isFull(page.size())) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("rel", "next");
            next.put("href", links.next(detailed ? "images/detail" : "images", ex.query(),
                    page.get(page.size() - 1).id()));
            body.put("images_links", List.of(next));
        }
        return body;
    }
}
