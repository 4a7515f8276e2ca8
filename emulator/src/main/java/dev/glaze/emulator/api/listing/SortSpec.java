package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import java.util.ArrayList;
import java.util.List;

/** The sorting a listing asked for, checked as Glance checks it, and the {@link SortOrder} it makes. */
public final class SortSpec {
    /** Upstream's sort keys, in the order its error message lists them. */
    static final List<String> UPSTREAM_KEYS = List.of(
            "name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at");

    private final SortOrder upstreamOrder;
    private final String icehouseKey;
    private final String icehouseDir;

    private SortSpec(SortOrder upstreamOrder, String icehouseKey, String icehouseDir) {
        this.upstreamOrder = upstreamOrder;
        this.icehouseKey = icehouseKey;
        this.icehouseDir = icehouseDir;
    }

    /**
     * Zed: either {@code sort=key:dir,key2} (a missing direction is {@code desc}) or repeated {@code sort_key} and
     * {@code sort_dir} (one direction for all keys, or one per key), never both.
     */
    static SortSpec upstream(Params params) {
        List<Column> keys = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        if (params.has("sort")) {
            if (params.has("sort_key") || params.has("sort_dir")) {
                throw HttpError.badRequest("Old and new sorting syntax cannot be combined");
            }
            for (String item : PythonText.strip(params.popFirst("sort")).split(",", -1)) {
                int colon = item.indexOf(':');
                String key = colon < 0 ? item : item.substring(0, colon);
                String dir = colon < 0 ? "" : item.substring(colon + 1);
                if (dir.isEmpty()) {
                    dir = "desc";
                }
                keys.add(upstreamKey(PythonText.strip(key)));
                dirs.add(direction(PythonText.strip(dir)));
            }
        } else {
            while (params.has("sort_key")) {
                keys.add(upstreamKey(PythonText.strip(params.popFirst("sort_key"))));
            }
            while (params.has("sort_dir")) {
                dirs.add(direction(PythonText.strip(params.popFirst("sort_dir"))));
            }
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw HttpError.badRequest("Number of sort dirs does not match the number of sort keys");
            }
        }
        if (keys.isEmpty()) {
            keys.add(Column.CREATED_AT);
        }
        if (dirs.isEmpty()) {
            dirs.add("desc");
        }
        return new SortSpec(SortOrder.upstream(keys, dirs), null, null);
    }

    /** Icehouse: the direction is checked at once, the key only when the order is built (after the marker). */
    static SortSpec icehouse(String key, String dir) {
        return new SortSpec(null, key, direction(dir));
    }

    /** The order; on Icehouse, 400 {@code Sort key supplied was not valid.} for a key that is not a column. */
    public SortOrder order() {
        if (upstreamOrder != null) {
            return upstreamOrder;
        }
        Column column = Column.named(icehouseKey, Profile.RACKSPACE);
        if (column == null) {
            throw HttpError.badRequest("Sort key supplied was not valid.");
        }
        return SortOrder.icehouse(column, icehouseDir);
    }

    private static Column upstreamKey(String key) {
        if (!UPSTREAM_KEYS.contains(key)) {
            throw HttpError.badRequest("Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", UPSTREAM_KEYS) + ".");
        }
        return Column.named(key, Profile.OPENSTACK);
    }

    private static String direction(String dir) {
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw HttpError.badRequest("Invalid sort direction: " + dir);
        }
        return dir;
    }
}
