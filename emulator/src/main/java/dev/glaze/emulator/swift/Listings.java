package dev.glaze.emulator.swift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a listing, cut from every name as Swift's container and account servers cut it. */
final class Listings {
    /** An entry of a page: an item, or (item null) a pseudo-folder rolled up at the delimiter. */
    record Entry<T>(String name, T item) {
        boolean isSubdir() {
            return item == null;
        }
    }

    private Listings() {
    }

    /**
     * Answers a page of an account or container listing as Swift does: in plain text one name a line, 204 when there
     * is none; in JSON a list of the objects {@code toJson} makes, in Swift's key order.
     */
    static <T> void send(SwiftRequest req, ListingFormat format, List<T> page, Function<T, String> nameOf,
            Function<T, Map<String, Object>> toJson) throws IOException {
        if (format == ListingFormat.PLAIN) {
            if (page.isEmpty()) {
                req.answer().headersOnly(204, format.contentType, -1);
                return;
            }
            StringBuilder text = new StringBuilder();
            page.forEach(item -> text.append(nameOf.apply(item)).append('\n'));
            req.answer().body(200, format.contentType, text.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>(page.size());
        page.forEach(item -> items.add(toJson.apply(item)));
        req.answer().body(200, format.contentType, PyJson.listOfObjects(items));
    }

    /**
     * @param items every item, in any order
     * @return the items {@code query} selects, in name order, names that continue past the delimiter (after the
     *         prefix) rolled up into one subdir entry each; a subdir equal to the marker is left out, as Swift does
     */
    static <T> List<Entry<T>> page(List<T> items, Function<T, String> nameOf, ListingQuery query) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> ObjectNames.compare(nameOf.apply(a), nameOf.apply(b)));
        List<Entry<T>> page = new ArrayList<>();
        String lastSubdir = null;
        for (T item : sorted) {
            if (page.size() >= query.limit()) {
                break;
            }
            String name = nameOf.apply(item);
            if (!query.accepts(name)) {
                continue;
            }
            String delimiter = query.delimiter();
            int cut = delimiter == null ? -1 : name.indexOf(delimiter, query.prefix().length());
            if (cut < 0) {
                page.add(new Entry<>(name, item));
                continue;
            }
            String subdir = name.substring(0, cut + delimiter.length());
            // Names sharing a prefix sort next to each other, so one look back is enough to roll them up.
            if (!subdir.equals(lastSubdir) && !subdir.equals(query.marker())) {
                page.add(new Entry<>(subdir, null));
            }
            lastSubdir = subdir;
        }
        return page;
    }
}
