package dev.glaze.core.images;

import dev.glaze.core.Cloud;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The images of one cloud and region, optionally filtered: a lazy {@link Iterable} that asks for the next page only
 * when the one before is used up, so {@code images.find { ... }} stops at the first hit.
 *
 * <pre>{@code
 * Images active = cloud.images().where(Map.of("status", "active", "sort", "name:asc"));
 * for (Image i : active) { ... }                                      // page by page
 * Image gold = cloud.images().named("web-gold");                     // exactly one, or an error listing the ids
 * Image any = cloud.images().getAt("web-gold");                      // Groovy: images['web-gold'] (an id or a name)
 * }</pre>
 *
 * Filters that the server understands are sent; the rest ({@link #filter}, closures, what this service cannot
 * filter) are applied to each page as it arrives. Each page is requested with glaze's own query and the last id as
 * {@code marker}, never by following Glance's {@code next} link, which drops repeated filters (contract 4.2).
 * Immutable and thread-safe; each iteration lists afresh.
 */
public final class Images implements Iterable<Image> {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Cloud cloud;
    private final ImageQuery query;

    public Images(Cloud cloud) {
        this(cloud, ImageQuery.all());
    }

    private Images(Cloud cloud, ImageQuery query) {
        this.cloud = cloud;
        this.query = query;
    }

    /** The cloud (and region) these images are listed from. */
    public Cloud getCloud() {
        return cloud;
    }

    /** These images, further filtered by the server where it can ({@code status}, {@code tag}, {@code sort}, ...). */
    public Images where(Map<String, ?> filters) {
        return new Images(cloud, query.and(filters));
    }

    /** These images, further filtered here, on each page as it arrives. */
    public Images filter(Predicate<Image> predicate) {
        return new Images(cloud, query.and(predicate));
    }

    /** The filters sent or applied, for messages and the REPL. */
    public Map<String, Object> getFilters() {
        return new LinkedHashMap<>(query.filters());
    }

    @Override
    public Iterator<Image> iterator() {
        Optional<dev.glaze.core.spi.ImageSource> source = SourcedImages.of(cloud);
        if (source.isPresent()) {
            return SourcedImages.list(cloud, source.get(), query);
        }
        return new PageIterator(query.plan(cloud.context()::profile));
    }

    /** Page by page (as the server sent them, after local filters), for callers that work in batches. */
    public Iterable<List<Image>> pages() {
        if (SourcedImages.of(cloud).isPresent()) {
            return () -> new Iterator<List<Image>>() {
                // an image source pages on its own; batches of a Glance page's default size here
                private final Iterator<Image> all = iterator();

                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public List<Image> next() {
                    List<Image> page = new ArrayList<>();
                    while (all.hasNext() && page.size() < 25) {
                        page.add(all.next());
                    }
                    if (page.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    return page;
                }
            };
        }
        return () -> new Iterator<List<Image>>() {
            private final PageIterator pages = new PageIterator(query.plan(cloud.context()::profile));

            @Override
            public boolean hasNext() {
                return pages.loadUntilItemsOrEnd();
            }

            @Override
            public List<Image> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pages.drainPage();
            }
        };
    }

    /** Every image, fetched now. */
    public List<Image> toList() {
        List<Image> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** The first image, or empty. */
    public Optional<Image> first() {
        Iterator<Image> it = iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /**
     * The image with this id ({@code GET /v2/images/{id}}).
     *
     * @throws NoSuchImageException when there is none this project may see
     */
    public Image byId(String id) {
        return new Image(cloud, fetchOrThrow(id));
    }

    /** Groovy's {@code images['id or name']}: an id when one matches, else exactly one image of that name. */
    public Image getAt(String idOrName) {
        if (UUID.matcher(idOrName).matches()) {
            Optional<JsonObject> byId = fetchIfExists(idOrName);
            if (byId.isPresent()) {
                return new Image(cloud, byId.get());
            }
        }
        return named(idOrName);
    }

    /** The one image called {@code name}; several is an {@link AmbiguousNameException} listing their ids. */
    public Image named(String name) {
        return named(name, DuplicateNames.ERROR);
    }

    /** The image called {@code name}, choosing by {@code policy} when there are several. */
    public Image named(String name, DuplicateNames policy) {
        List<Image> matches = where(Map.of("name", name)).toList();
        if (matches.isEmpty()) {
            throw new NoSuchImageException("no image is named '" + name + "' in " + cloud.getDisplayName()
                    + (query.filters().isEmpty() ? "" : " among images where " + query.filters()));
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        Comparator<Image> byCreation = Comparator.comparing(Image::getCreatedAt,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        switch (policy) {
            case NEWEST: return matches.stream().max(byCreation).get();
            case OLDEST: return matches.stream().min(byCreation).get();
            default:
                matches.sort(byCreation);
                throw new AmbiguousNameException(name, matches);
        }
    }

    /** The image called {@code name}, or empty; several is still an error. */
    public Optional<Image> findNamed(String name) {
        try {
            return Optional.of(named(name));
        } catch (NoSuchImageException e) {
            return Optional.empty();
        }
    }

    /**
     * The interoperable import methods this cloud offers ({@code GET /v2/info/import}): e.g. {@code glance-direct},
     * {@code web-download}, {@code copy-image}; empty where there is none (Rackspace, Glance before 2.6).
     */
    public List<String> importMethods() {
        return ImageImport.methods(cloud);
    }

    /** The ids of this cloud's stores ({@code GET /v2/info/stores}); empty when it has a single one. */
    public List<String> stores() {
        return ImageImport.stores(cloud);
    }

    /**
     * Creates an image record (status {@code queued}); upload its data next. Keys are wire names
     * ({@code disk_format}) or their camelCase ({@code diskFormat}); custom properties are sent as strings.
     */
    public Image create(Map<String, ?> attributes) {
        SourcedImages.requireWritable(cloud, "create an image", null);
        var body = Json.object();
        attributes.forEach((k, v) -> {
            String key = createKey(String.valueOf(k));
            if (v != null) {
                body.add(key, ImageState.READ_ONLY.contains(key) && !"id".equals(key) ? Json.fromJava(v)
                        : ImageState.BASE.contains(key) || v instanceof java.util.Collection
                        ? Json.fromJava(v) : Json.string(String.valueOf(v)));
            }
        });
        CloudContext ctx = cloud.context();
        JsonObject created = ctx.transport().json(ApiRequest.builder("POST", ctx.v2("/images"))
                .body("application/json", Json.bytes(body.build())).build());
        return new Image(cloud, created);
    }

    private static String createKey(String key) {
        switch (key) {
            case "diskFormat": return "disk_format";
            case "containerFormat": return "container_format";
            case "minDisk": return "min_disk";
            case "minRam": return "min_ram";
            case "hidden": return "os_hidden";
            default: return key;
        }
    }

    JsonObject fetch(String id) {
        return fetchOrThrow(id);
    }

    private JsonObject fetchOrThrow(String id) {
        Optional<dev.glaze.core.spi.ImageSource> source = SourcedImages.of(cloud);
        if (source.isPresent()) {
            return source.get().fetch(id).orElseThrow(() -> new NoSuchImageException("no image has id " + id
                    + " in " + cloud.getDisplayName() + " (" + source.get().describe() + ")"));
        }
        try {
            CloudContext ctx = cloud.context();
            return ctx.transport().json(ApiRequest.get(ctx.v2("/images/" + Links.segment(id))));
        } catch (NotFoundException e) {
            throw new NoSuchImageException("no image has id " + id + " in " + cloud.getDisplayName()
                    + " (or it is not visible to this project)");
        }
    }

    private Optional<JsonObject> fetchIfExists(String id) {
        try {
            return Optional.of(fetchOrThrow(id));
        } catch (NoSuchImageException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "images of " + cloud.getDisplayName() + (query.filters().isEmpty() ? "" : " where " + query.filters());
    }

    /** Fetches a page when the previous one is used up; local filters run on each page. */
    private final class PageIterator implements Iterator<Image> {
        private final ImageQuery.Plan plan;
        private final List<Image> buffer = new ArrayList<>();
        private int position;
        private String marker;
        private boolean more = true;

        PageIterator(ImageQuery.Plan plan) {
            this.plan = plan;
        }

        @Override
        public boolean hasNext() {
            return loadUntilItemsOrEnd();
        }

        @Override
        public Image next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(position++);
        }

        boolean loadUntilItemsOrEnd() {
            while (position >= buffer.size() && more) {
                fetchPage();
            }
            return position < buffer.size();
        }

        List<Image> drainPage() {
            List<Image> page = new ArrayList<>(buffer.subList(position, buffer.size()));
            position = buffer.size();
            return page;
        }

        private void fetchPage() {
            List<Map.Entry<String, String>> params = new ArrayList<>(plan.params);
            if (marker != null) {
                params.add(Map.entry("marker", marker));
            }
            CloudContext ctx = cloud.context();
            String q = Links.query(params);
            JsonObject page = ctx.transport().json(ApiRequest.get(ctx.v2("/images" + (q.isEmpty() ? "" : "?" + q))));
            buffer.clear();
            position = 0;
            if (!(page.get("images") instanceof JsonArray)) {
                throw new dev.glaze.core.GlazeException("GET " + ctx.v2("/images") + " answered without an"
                        + " \"images\" list: is " + ctx.imageBase() + " an Image service (Glance v2) endpoint?");
            }
            JsonArray items = page.getJsonArray("images");
            String last = null;
            for (JsonValue v : items) {
                Image image = new Image(cloud, v.asJsonObject());
                last = image.getId();
                if (plan.accepts(image)) {
                    buffer.add(image);
                }
            }
            // Glance sends next only when the page came back full; an empty page ends it too.
            more = page.containsKey("next") && last != null;
            marker = last;
        }
    }
}
