package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.store.StoredImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a listing: the requested columns, each ascending or descending, then the tie-breakers Glance
 * always appends ({@code created_at}, then {@code id}, unless already named). As in the database, null sorts first
 * ascending and last descending. The same order decides where a page after a marker starts: the marker's values,
 * not its position, so a marker that the filters exclude still pages correctly.
 */
final class SortOrder implements Comparator<StoredImage> {
    private final List<Column> columns;
    private final List<Boolean> descending;

    private SortOrder(List<Column> columns, List<Boolean> descending) {
        this.columns = columns;
        this.descending = descending;
    }

    /**
     * Upstream: one direction per key, or one direction for all keys; the tie-breakers take the single direction
     * when one was given for all, else {@code desc}.
     */
    static SortOrder upstream(List<Column> keys, List<String> dirs) {
        List<Column> columns = new ArrayList<>(keys);
        List<Boolean> desc = new ArrayList<>();
        String tieDirection = "desc";
        if (dirs.size() == 1) {
            tieDirection = dirs.get(0);
            for (int i = 0; i < keys.size(); i++) {
                desc.add(tieDirection.equals("desc"));
            }
        } else {
            for (String d : dirs) {
                desc.add(d.equals("desc"));
            }
        }
        for (Column tie : List.of(Column.CREATED_AT, Column.ID)) {
            if (!columns.contains(tie)) {
                columns.add(tie);
                desc.add(tieDirection.equals("desc"));
            }
        }
        return new SortOrder(columns, desc);
    }

    /**
     * Icehouse: one key and one direction for everything. A key that is already a tie-breaker is not put first,
     * so {@code sort_key=id} there still sorts by {@code created_at} first.
     */
    static SortOrder icehouse(Column key, String dir) {
        List<Column> columns = new ArrayList<>(List.of(Column.CREATED_AT, Column.ID));
        if (!columns.contains(key)) {
            columns.add(0, key);
        }
        List<Boolean> desc = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            desc.add(dir.equals("desc"));
        }
        return new SortOrder(columns, desc);
    }

    @Override
    public int compare(StoredImage a, StoredImage b) {
        for (int i = 0; i < columns.size(); i++) {
            int c = compareColumn(columns.get(i), a, b);
            if (c != 0) {
                return descending.get(i) ? -c : c;
            }
        }
        return 0;
    }

    /** The index of the first image of {@code sorted} that comes after {@code marker} in this order. */
    int startAfter(List<StoredImage> sorted, StoredImage marker) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(sorted.get(mid), marker) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int compareColumn(Column column, StoredImage a, StoredImage b) {
        int c = compareValues(column.value(a), column.value(b));
        if (c == 0 && column == Column.CREATED_AT) {
            // same second: Glance's hidden microseconds keep the order of creation
            c = Long.compare(a.sequence(), b.sequence());
        }
        return c;
    }

    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Number || b instanceof Number || a instanceof Boolean || b instanceof Boolean) {
            return Column.numeric(a).compareTo(Column.numeric(b));
        }
        return compareCodePoints(String.valueOf(a), String.valueOf(b));
    }

    /** Text in code point order: the byte order SQLite compares UTF-8 text in (Java's own order differs above U+FFFF). */
    static int compareCodePoints(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char cx = x.charAt(i);
            char cy = y.charAt(i);
            if (cx != cy) {
                if (Character.isSurrogate(cx) || Character.isSurrogate(cy)) {
                    return Integer.compare(x.codePointAt(i), y.codePointAt(i));
                }
                return cx - cy;
            }
        }
        return x.length() - y.length();
    }
}
