package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.http.Query;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters as Glance's listing code handles them: a WebOb {@code MultiDict}, whose {@code pop} takes
 * the <em>first</em> value of a key and leaves the others, while {@code get} answers the <em>last</em>. Glance pops
 * what it knows ({@code limit}, {@code marker}, every {@code tag}, ...) and treats whatever is left as filters, so
 * {@code limit=2&limit=3} pages by 2 and also filters on a property named {@code limit}. Copying the semantics
 * copies these quirks without special cases.
 */
final class Params {
    private final List<Map.Entry<String, String>> items;

    private Params(List<Map.Entry<String, String>> items) {
        this.items = items;
    }

    static Params of(Query query) {
        return new Params(new ArrayList<>(query.entries()));
    }

    boolean has(String key) {
        for (Map.Entry<String, String> e : items) {
            if (e.getKey().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Removes and returns the first value of {@code key}, or null when there is none. */
    String popFirst(String key) {
        Iterator<Map.Entry<String, String>> it = items.iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            if (e.getKey().equals(key)) {
                it.remove();
                return e.getValue();
            }
        }
        return null;
    }

    /** Removes and returns every value of {@code key}, in order. */
    List<String> popAll(String key) {
        List<String> values = new ArrayList<>();
        String v;
        while ((v = popFirst(key)) != null) {
            values.add(v);
        }
        return values;
    }

    /** The last value of {@code key}, or null. */
    String last(String key) {
        String found = null;
        for (Map.Entry<String, String> e : items) {
            if (e.getKey().equals(key)) {
                found = e.getValue();
            }
        }
        return found;
    }

    /** Forgets every value of {@code key}: what {@code filters[key] = ...} does before Glance handles it apart. */
    void removeAll(String key) {
        items.removeIf(e -> e.getKey().equals(key));
    }

    /**
     * What is left, one value per key: Python's {@code {k: v for k, v in filters.items()}}, which keeps each key at
     * its first place and its last value.
     */
    Map<String, String> remaining() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : items) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
