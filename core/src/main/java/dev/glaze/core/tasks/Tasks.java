package dev.glaze.core.tasks;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.images.Image;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.Scheduler;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.json.Json;
import dev.glaze.core.spi.TaskBody;
import dev.glaze.core.spi.TaskFlow;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The import and export tasks of one cloud and region: a lazy {@link Iterable} listing them page by page, and the
 * way to start and wait for them.
 *
 * <pre>{@code
 * Tasks tasks = cloud.tasks();
 * Task imported = tasks.importImage(Map.of("from", "exports/web.vhd", "name", "web-gold")).await();
 * Task exported = tasks.export(imported.getImage(), "exports").await();
 * for (Task t : tasks.where(Map.of("status", "failure"))) System.out.println(t);
 * AwaitSummary all = tasks.awaitAll(started, AwaitOptions.defaults());
 * }</pre>
 *
 * What is sent for an import or export depends on the cloud ({@link TaskFlow}, by profile; {@link #withFlow} sets
 * another). Pages are asked for with glaze's own query and the last id as {@code marker}, never by following
 * {@code next}. Immutable and thread-safe; each iteration lists afresh.
 */
public final class Tasks implements Iterable<Task> {
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final List<String> FILTERS = List.of("status", "type", "sort_key", "sort_dir", "limit", "owner");

    private final Cloud cloud;
    private final TaskFlow flow;
    private final Scheduler scheduler;
    private final boolean preflight;
    private final Map<String, String> filters;

    public Tasks(Cloud cloud) {
        this(cloud, null, null, true, Map.of());
    }

    private Tasks(Cloud cloud, TaskFlow flow, Scheduler scheduler, boolean preflight, Map<String, String> filters) {
        this.cloud = cloud;
        this.flow = flow;
        this.scheduler = scheduler;
        this.preflight = preflight;
        this.filters = filters;
    }

    /** These tasks with another way of building and judging tasks. */
    public Tasks withFlow(TaskFlow taskFlow) {
        return new Tasks(cloud, Objects.requireNonNull(taskFlow, "flow"), scheduler, preflight, filters);
    }

    /** These tasks, polled on {@code executor} instead of glaze's shared pool. */
    public Tasks withScheduler(ScheduledExecutorService executor) {
        return new Tasks(cloud, flow, new Scheduler(executor), preflight, filters);
    }

    /** These tasks, created without the checks made first (that the object or container exists). */
    public Tasks withoutPreflight() {
        return new Tasks(cloud, flow, scheduler, false, filters);
    }

    /** The flow in use: the one given, else the one an active plugin brings, else the cloud profile's. */
    public TaskFlow flow() {
        if (flow != null) {
            return flow;
        }
        return cloud.plugins().taskFlow(cloud).orElseGet(() -> TaskFlow.forProfile(cloud.context().profile()));
    }

    /**
     * These tasks filtered by the service: {@code status} ({@code pending processing success failure}),
     * {@code type}, {@code owner}, {@code sort_key} ({@code created_at} default, {@code updated_at status type ...}),
     * {@code sort_dir} ({@code desc} default, {@code asc}), {@code limit} (page size).
     */
    public Tasks where(Map<String, ?> more) {
        Map<String, String> merged = new LinkedHashMap<>(filters);
        more.forEach((k, v) -> {
            String key = canonical(String.valueOf(k));
            if (!FILTERS.contains(key)) {
                throw new GlazeException("tasks cannot be filtered by '" + k + "': use " + FILTERS);
            }
            if (v == null) {
                merged.remove(key);
            } else {
                merged.put(key, String.valueOf(v));
            }
        });
        return new Tasks(cloud, flow, scheduler, preflight, Collections.unmodifiableMap(merged));
    }

    private static String canonical(String key) {
        switch (key) {
            case "sortKey": return "sort_key";
            case "sortDir": return "sort_dir";
            case "pageSize": return "limit";
            default: return key;
        }
    }

    public Map<String, String> getFilters() {
        return filters;
    }

    @Override
    public Iterator<Task> iterator() {
        return new PageIterator();
    }

    /** Every task listed, fetched now (without input, result and message: see {@link Task}). */
    public List<Task> toList() {
        List<Task> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    public Optional<Task> first() {
        Iterator<Task> it = iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /**
     * The task with this id, complete.
     *
     * @throws NoSuchTaskException when this project has none (ended tasks are deleted after 48 hours)
     */
    public Task byId(String id) {
        return new Task(this, fetch(id), null);
    }

    /** Groovy's {@code tasks['id']}. */
    public Task getAt(String id) {
        return byId(id);
    }

    /** Starts an import from named arguments (see {@link ImportRequest#from(Map)}). */
    public Task importImage(Map<String, ?> args) {
        return importImage(ImportRequest.from(args));
    }

    /** Starts an import, after the flow's checks (unless switched off); {@code .await()} the task. */
    public Task importImage(ImportRequest request) {
        TaskFlow f = flow();
        TaskBody body = f.importTask(request);
        if (preflight && request.isPreflight()) {
            f.checkImport(cloud, request);
        }
        return create(body);
    }

    /** Starts exporting {@code image} into {@code container} of this region's object store. */
    public Task export(Image image, String container) {
        TaskFlow f = flow();
        TaskBody body = f.exportTask(image, container);
        if (preflight) {
            f.checkExport(cloud, image, container);
        }
        return create(body);
    }

    /** Creates a task of any type ({@code POST /v2/tasks}). */
    public Task create(TaskBody body) {
        CloudContext ctx = cloud.context();
        JsonObject created = ctx.transport().json(ApiRequest.builder("POST", ctx.v2("/tasks"))
                .body("application/json", Json.bytes(body.toJson())).build());
        Task task = new Task(this, created, null);
        cloud.taskEvents().created(cloud, task);
        return task;
    }

    /**
     * Every task glaze created with a journal ({@code Cloud.Builder.journal}; the shell keeps one in
     * {@code ~/.glaze/tasks.jsonl}), newest first, as last seen: the service forgets tasks after about 48 hours.
     * Empty without a journal.
     */
    public List<JournalEntry> getHistory() {
        return cloud.taskEvents().journal().map(TaskJournal::entries).orElse(List.of());
    }

    /**
     * The journaled tasks of this cloud (any of its regions) that no await saw end: those a Ctrl-C, a timeout or a
     * crash left behind. Newest first; empty without a journal.
     */
    public List<JournalEntry> getUnfinished() {
        Map<String, Cloud> places = places();
        return getHistory().stream().filter(e -> !e.isFinished() && places.containsKey(e.cloud())).toList();
    }

    /**
     * Takes up the wait for a journaled task in the region it was created in, as {@link Task#await()} does (the
     * journal then has how it ended).
     *
     * @throws NoSuchTaskException when the journal has no such task of this cloud, or the service forgot it
     */
    public Task resume(String id) {
        return resume(id, AwaitOptions.defaults());
    }

    public Task resume(String id, AwaitOptions options) {
        JournalEntry entry = getHistory().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchTaskException("the task journal has no task " + id
                        + (cloud.taskEvents().journal().isPresent() ? "" : " (this cloud keeps no journal)")));
        Cloud where = places().get(entry.cloud());
        if (where == null) {
            throw new NoSuchTaskException("task " + id + " was created in " + entry.cloud() + ", not in "
                    + cloud.getDisplayName() + " or its regions: resume it there");
        }
        return where.tasks().byId(id).await(options);
    }

    /**
     * Waits for every {@linkplain #getUnfinished() unfinished} task the service still has, at once. Those it forgot
     * (48 hours after they ended) are left out of the summary and journaled as {@code forgotten}; one that cannot
     * be read now (the service unreachable) is left out and stays unfinished.
     */
    public AwaitSummary resumeAll() {
        return resumeAll(AwaitOptions.defaults());
    }

    public AwaitSummary resumeAll(AwaitOptions options) {
        Map<String, Cloud> places = places();
        List<Task> known = new ArrayList<>();
        for (JournalEntry e : getUnfinished()) {
            Cloud where = places.get(e.cloud());
            try {
                known.add(where.tasks().byId(e.id()));
            } catch (NoSuchTaskException gone) {
                // the service deleted it; its image or object, if any, is still there
                cloud.taskEvents().journal().ifPresent(j -> j.forgotten(e.id(), where.getDisplayName()));
            } catch (GlazeException unreadable) {
                // not now: it stays unfinished, for the next resume
            }
        }
        return awaitAll(known, options);
    }

    /** This cloud and each region of it, by the name the journal records. */
    private Map<String, Cloud> places() {
        Map<String, Cloud> out = new LinkedHashMap<>();
        out.put(cloud.getDisplayName(), cloud);
        for (String region : cloud.regions()) {
            Cloud there = cloud.region(region);
            out.putIfAbsent(there.getDisplayName(), there);
        }
        return out;
    }

    /** Tells {@code listener} of every awaited task of this cloud (all its regions) that ends from now on. */
    public Tasks onFinished(TaskListener listener) {
        cloud.taskEvents().add(listener);
        return this;
    }

    /** Waits for every task with the default options; see {@link #awaitAll(Collection, AwaitOptions)}. */
    public AwaitSummary awaitAll(Collection<Task> tasks) {
        return awaitAll(tasks, AwaitOptions.defaults());
    }

    /**
     * Waits for every task at once (on the shared pool: no thread per task) and says how each ended. Never throws
     * for a task that failed or timed out: the summary lists them.
     *
     * @throws AwaitInterruptedException when the waiting thread is interrupted; the tasks keep running
     */
    public AwaitSummary awaitAll(Collection<Task> tasks, AwaitOptions options) {
        List<Poll> polls = new ArrayList<>();
        for (Task t : tasks) {
            polls.add(t.tasks().poll(t, options));
        }
        return AwaitSummary.collect(polls);
    }

    // ---- internal --------------------------------------------------------------------------------------------

    Cloud cloud() {
        return cloud;
    }

    Poll poll(Task task, AwaitOptions options) {
        return new Poll(this, task, options, scheduler != null ? scheduler : Scheduler.shared(), null).start();
    }

    /** The same task again: same type, same input. */
    Task recreate(Task failed) {
        Task full = failed.toJson().containsKey("input") ? failed : failed.refresh();
        JsonValue input = full.toJson().get("input");
        TaskBody body = new TaskBody(full.getType(), input instanceof JsonObject ? (JsonObject) input
                : JsonValue.EMPTY_JSON_OBJECT);
        return create(body).withRetryOf(full);
    }

    JsonObject fetch(String id) {
        CloudContext ctx = cloud.context();
        try {
            return ctx.transport().json(ApiRequest.get(ctx.v2("/tasks/" + Links.segment(id))));
        } catch (NotFoundException e) {
            throw new NoSuchTaskException("no task has id " + id + " in " + cloud.getDisplayName()
                    + " (tasks are deleted 48 hours after they end, and only their project sees them)");
        }
    }

    @Override
    public String toString() {
        return "tasks of " + cloud.getDisplayName() + (filters.isEmpty() ? "" : " where " + filters);
    }

    /** Fetches a page when the previous one is used up. */
    private final class PageIterator implements Iterator<Task> {
        private final List<Task> buffer = new ArrayList<>();
        private int position;
        private String marker;
        private boolean more = true;

        @Override
        public boolean hasNext() {
            while (position >= buffer.size() && more) {
                fetchPage();
            }
            return position < buffer.size();
        }

        @Override
        public Task next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(position++);
        }

        private void fetchPage() {
            List<Map.Entry<String, String>> params = new ArrayList<>();
            filters.forEach((k, v) -> params.add(new SimpleEntry<>(k, v)));
            if (!filters.containsKey("limit")) {
                params.add(new SimpleEntry<>("limit", String.valueOf(DEFAULT_PAGE_SIZE)));
            }
            if (marker != null) {
                params.add(new SimpleEntry<>("marker", marker));
            }
            CloudContext ctx = cloud.context();
            JsonObject page = ctx.transport().json(ApiRequest.get(ctx.v2("/tasks?" + Links.query(params))));
            buffer.clear();
            position = 0;
            String last = null;
            if (!(page.get("tasks") instanceof jakarta.json.JsonArray)) {
                throw new GlazeException("GET " + ctx.v2("/tasks") + " answered without a \"tasks\" list: is "
                        + ctx.imageBase() + " an Image service (Glance v2) endpoint?");
            }
            for (JsonValue v : page.getJsonArray("tasks")) {
                Task task = new Task(Tasks.this, v.asJsonObject(), null);
                last = task.getId();
                buffer.add(task);
            }
            // Glance sends next only when the page came back full; an empty page ends it too.
            more = page.containsKey("next") && last != null;
            marker = last;
        }
    }
}
