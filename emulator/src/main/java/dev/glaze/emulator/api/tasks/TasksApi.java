package dev.glaze.emulator.api.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.tasks.StoredTask;
import dev.glaze.emulator.tasks.TaskRunner;
import dev.glaze.emulator.tasks.TaskStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST} and {@code GET /v2/tasks}, {@code GET} and {@code DELETE /v2/tasks/{id}}: the request side of tasks,
 * checked as Glance checks it; the work itself is the {@link TaskRunner}'s.
 */
public final class TasksApi {
    private final TaskStore tasks;
    private final TaskRunner runner;
    private final Profile profile;
    private final TaskSchema schema;
    private final TaskView view;
    private final TaskListing listing;

    public TasksApi(TaskStore tasks, TaskRunner runner, Profile profile) {
        this.tasks = tasks;
        this.runner = runner;
        this.profile = profile;
        this.schema = new TaskSchema(profile);
        this.view = new TaskView(profile);
        this.listing = new TaskListing(tasks, profile, view);
    }

    public void create(Exchange ex) throws IOException {
        Map<String, Object> body = body(ex.json());
        schema.validate(body);
        Object input = body.get("input");
        String type = (String) body.get("type");
        if (!profile.importsFromObjectStore() && type.equals("import")) {
            ImportSource.check(input instanceof Map<?, ?> m ? m.get("import_from") : null);
        }
        RequestContext ctx = ex.context();
        Instant now = tasks.now();
        Object imageId = profile == Profile.OPENSTACK && input instanceof Map<?, ?> m ? m.get("image_id") : null;
        StoredTask task = new StoredTask(UUID.randomUUID().toString(), type, StoredTask.PENDING, ctx.project(), input,
                null, null, imageId == null ? null : String.valueOf(imageId), ex.requestId(), ctx.user(), now, now,
                null, null);
        tasks.insert(task);
        runner.submit(task);
        ex.setHeader("Location", ex.baseUrl() + "/v2/tasks/" + task.id());
        ex.sendJson(201, view.full(task));
    }

    /** Glance's checks before the schema: a JSON object (or a list, which fails the next check), with both keys. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Object json) {
        if (!(json instanceof Map<?, ?>) && !(json instanceof List<?>)) {
            throw HttpError.badRequest("Unexpected body type. Expected list/dict.");
        }
        for (String required : List.of("type", "input")) {
            boolean present = json instanceof Map<?, ?> m ? m.containsKey(required) : ((List<?>) json).contains(required);
            if (!present) {
                throw HttpError.badRequest("Task '" + required + "' is required");
            }
        }
        if (json instanceof List<?>) {
            throw TaskSchema.invalid(ImageAttributes.repr(json) + " is not of type 'object'");
        }
        return (Map<String, Object>) json;
    }

    public void list(Exchange ex) throws IOException {
        listing.list(ex); // a body is ignored here, as by Glance
    }

    public void show(Exchange ex) throws IOException {
        if (ex.hasBody()) {
            ex.json(); // Glance parses a body it then ignores: a malformed one is 400
        }
        String id = ex.param("id");
        StoredTask task = tasks.find(id).filter(t -> visible(t, ex.context(), profile))
                .orElseThrow(() -> HttpError.notFound("Could not find task " + id));
        ex.sendJson(200, view.full(task));
    }

    /** Tasks cannot be deleted; Glance says so in a body of its own (no {@code <br />}), with {@code Allow: GET}. */
    public void delete(Exchange ex) {
        throw HttpError.withPlainTemplate(405, "This operation is currently not permitted on Glance Tasks. They are "
                + "auto deleted after reaching the time based on their expires_at property.").header("Allow", "GET");
    }

    static boolean visible(StoredTask task, RequestContext ctx, Profile profile) {
        return ctx.project().equals(task.owner()) || profile.adminsSeeEveryTask() && ctx.isAdmin();
    }
}
