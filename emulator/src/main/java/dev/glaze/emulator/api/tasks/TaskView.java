package dev.glaze.emulator.api.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.Times;
import dev.glaze.emulator.tasks.StoredTask;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task as each profile shows it. Upstream (seen on a real Zed Glance): {@code message} {@code ""} and
 * {@code result} {@code null} until set, {@code request_id} and {@code user_id}, keys in its serializer's order.
 * Rackspace (its API reference): {@code message} {@code "None"} until set, no {@code result} until there is one,
 * keys in alphabetical order. Both show {@code expires_at} only once the task has ended. A listing's entries leave out
 * {@code input}, {@code result} and {@code message}.
 */
final class TaskView {
    private final Profile profile;

    TaskView(Profile profile) {
        this.profile = profile;
    }

    Map<String, Object> full(StoredTask task) {
        Map<String, Object> out = new LinkedHashMap<>();
        String message = task.message() == null ? profile.emptyTaskMessage() : task.message();
        if (profile == Profile.OPENSTACK) {
            out.put("id", task.id());
            out.put("input", task.input());
            out.put("type", task.type());
            out.put("status", task.status());
            out.put("owner", task.owner());
            out.put("message", message);
            out.put("result", task.result());
            out.put("created_at", Times.format(task.createdAt()));
            out.put("updated_at", Times.format(task.updatedAt()));
            out.put("self", self(task));
            out.put("schema", "/v2/schemas/task");
            if (task.imageId() != null) {
                out.put("image_id", task.imageId());
            }
            out.put("request_id", task.requestId());
            out.put("user_id", task.userId());
            if (task.expiresAt() != null) {
                out.put("expires_at", Times.format(task.expiresAt()));
            }
            return out;
        }
        out.put("created_at", Times.format(task.createdAt()));
        if (task.expiresAt() != null) {
            out.put("expires_at", Times.format(task.expiresAt()));
        }
        out.put("id", task.id());
        out.put("input", task.input());
        out.put("message", message);
        out.put("owner", task.owner());
        if (task.result() != null) {
            out.put("result", task.result());
        }
        out.put("schema", "/v2/schemas/task");
        out.put("self", self(task));
        out.put("status", task.status());
        out.put("type", task.type());
        out.put("updated_at", Times.format(task.updatedAt()));
        return out;
    }

    Map<String, Object> stub(StoredTask task) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (profile == Profile.OPENSTACK) {
            out.put("id", task.id());
            out.put("type", task.type());
            out.put("status", task.status());
            out.put("owner", task.owner());
            out.put("created_at", Times.format(task.createdAt()));
            out.put("updated_at", Times.format(task.updatedAt()));
            out.put("self", self(task));
            out.put("schema", "/v2/schemas/task");
            if (task.expiresAt() != null) {
                out.put("expires_at", Times.format(task.expiresAt()));
            }
            return out;
        }
        out.put("created_at", Times.format(task.createdAt()));
        if (task.expiresAt() != null) {
            out.put("expires_at", Times.format(task.expiresAt()));
        }
        out.put("id", task.id());
        out.put("owner", task.owner());
        out.put("schema", "/v2/schemas/task");
        out.put("self", self(task));
        out.put("status", task.status());
        out.put("type", task.type());
        out.put("updated_at", Times.format(task.updatedAt()));
        return out;
    }

    private static String self(StoredTask task) {
        return "/v2/tasks/" + task.id();
    }
}
