package dev.glaze.emulator.api.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.listing.ListingLinks;
import dev.glaze.emulator.api.listing.ListingQuery;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Query;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.tasks.StoredTask;
import dev.glaze.emulator.tasks.TaskStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/tasks}, checked in Glance's order (sort direction, status, type, marker format, limit, then the marker
 * task itself, then the sort key), sorted by the sort key then {@code created_at} and {@code id} in one direction,
 * paged after the marker. A parameter naming a column of the tasks table filters on equality; any other is ignored.
 */
final class TaskListing {
    private static final List<String> STATUSES = List.of("pending", "processing", "success", "failure");
    /** Python's uuidutils.is_uuid_like: 32 hex digits once dashes (and braces, and a urn prefix) are removed. */
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{32}");

    private final TaskStore tasks;
    private final Profile profile;
    private final TaskView view;
    private final Map<String, Function<StoredTask, Comparable<?>>> columns = new LinkedHashMap<>();

    TaskListing(TaskStore tasks, Profile profile, TaskView view) {
        this.tasks = tasks;
        this.profile = profile;
        this.view = view;
        columns.put("id", StoredTask::id);
        columns.put("type", StoredTask::type);
        columns.put("status", StoredTask::status);
        columns.put("owner", StoredTask::owner);
        columns.put("expires_at", StoredTask::expiresAt);
        columns.put("created_at", StoredTask::createdAt);
        columns.put("updated_at", StoredTask::updatedAt);
        columns.put("deleted_at", t -> null);
        columns.put("deleted", t -> Boolean.FALSE);
        if (profile == Profile.OPENSTACK) {
            columns.put("image_id", StoredTask::imageId);
            columns.put("request_id", StoredTask::requestId);
            columns.put("user_id", StoredTask::userId);
        }
    }

    void list(Exchange ex) throws IOException {
        Query query = ex.query();
        List<Map.Entry<String, String>> params = new ArrayList<>(query.entries());
        String limitText = popFirst(params, "limit");
        String marker = popFirst(params, "marker");
        String sortDir = orDefault(popFirst(params, "sort_dir"), "desc");
        String sortKey = orDefault(popFirst(params, "sort_key"), "created_at");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw HttpError.badRequest("Invalid sort direction: " + sortDir);
        }
        String status = last(params, "status");
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            throw HttpError.badRequest("Invalid status value: " + status);
        }
        String type = last(params, "type");
        if (type != null && !type.isEmpty() && !profile.listableTaskTypes().contains(type)) {
            throw HttpError.badRequest("Invalid type value: " + type);
        }
        if (marker != null && !marker.isEmpty() && !isUuidLike(marker)) {
            throw HttpError.badRequest("Invalid marker format");
        }
        int limit = ListingQuery.limit(limitText);

        RequestContext ctx = ex.context();
        StoredTask after = marker == null ? null : markerTask(marker, ctx);
        if (!columns.containsKey(sortKey)) {
            throw HttpError.badRequest("Sort key supplied was not valid.");
        }
        Comparator<StoredTask> order = order(sortKey, sortDir.equals("desc"));
        List<StoredTask> page = new ArrayList<>();
        for (StoredTask task : tasks.all()) {
            if (TasksApi.visible(task, ctx, profile) && matches(task, params)
                    && (after == null || order.compare(task, after) > 0)) {
                page.add(task);
            }
        }
        page.sort(order);
        if (page.size() > limit) {
            page = page.subList(0, limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tasks", page.stream().map(view::stub).toList());
        body.put("first", ListingLinks.first("/v2/tasks", query));
        body.put("schema", "/v2/schemas/tasks");
        if (!page.isEmpty() && page.size() == limit) {
            body.put("next", ListingLinks.next("/v2/tasks", query, page.get(page.size() - 1).id()));
        }
        ex.sendJson(200, body);
    }

    private StoredTask markerTask(String marker, RequestContext ctx) {
        StoredTask task = tasks.find(marker).orElseThrow(
                () -> HttpError.badRequest("Task with the given id " + marker + " was not found"));
        if (!TasksApi.visible(task, ctx, profile)) {
            throw HttpError.forbidden("Forbidding request, task " + marker + " is not visible");
        }
        return task;
    }

    /** Equality on table columns; the database's own {@code deleted = False} overrides a client's. */
    private boolean matches(StoredTask task, List<Map.Entry<String, String>> filters) {
        for (Map.Entry<String, String> f : filters) {
            Function<StoredTask, Comparable<?>> column = columns.get(f.getKey());
            if (column == null || f.getKey().equals("deleted")) {
                continue;
            }
            Object value = column.apply(task);
            // time columns hold datetimes, which never equal the text of a query parameter
            if (!(value instanceof String s) || !s.equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The sort key, then created_at and id, all in one direction; SQL puts NULL first going up, last going down. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<StoredTask> order(String sortKey, boolean descending) {
        List<String> keys = new ArrayList<>(List.of(sortKey));
        for (String k : List.of("created_at", "id")) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        Comparator<StoredTask> order = null;
        for (String key : keys) {
            Function<StoredTask, Comparable<?>> column = columns.get(key);
            Comparator<StoredTask> byKey = Comparator.comparing(t -> (Comparable) column.apply(t),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return descending ? order.reversed() : order;
    }

    private static boolean isUuidLike(String value) {
        String hex = value.replace("urn:", "").replace("uuid:", "").replaceAll("[{}-]", "");
        return UUID_LIKE.matcher(hex).matches();
    }

    private static String popFirst(List<Map.Entry<String, String>> params, String key) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).getKey().equals(key)) {
                return params.remove(i).getValue();
            }
        }
        return null;
    }

    private static String last(List<Map.Entry<String, String>> params, String key) {
        String found = null;
        for (Map.Entry<String, String> e : params) {
            if (e.getKey().equals(key)) {
                found = e.getValue();
            }
        }
        return found;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
