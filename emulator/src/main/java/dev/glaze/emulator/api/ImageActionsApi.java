package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.RequestContext;
import java.io.IOException;

/**
 * {@code POST /v2/images/{id}/actions/deactivate} and {@code .../reactivate}: an active image's data can be
 * blocked (for non-admins) and unblocked without touching anything else. Each is idempotent on its target state;
 * any other status is refused.
 */
public final class ImageActionsApi {
    private final Api api;
    private final SharingErrors errors;

    public ImageActionsApi(Api api) {
        this.api = api;
        this.errors = SharingErrors.of(api.profile());
    }

    public void deactivate(Exchange ex) throws IOException {
        change(ex, "deactivate", "active", "deactivated");
    }

    public void reactivate(Exchange ex) throws IOException {
        change(ex, "reactivate", "deactivated", "active");
    }

    private void change(Exchange ex, String action, String from, String to) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        api.store().update(id, image -> {
            if (!ImageAccess.canSee(image, ctx)) {
                throw ImageAccess.notFound(id);
            }
            boolean allowed = api.profile().onlyAdminsDeactivate() ? ctx.isAdmin() : ImageAccess.canChange(image, ctx);
            if (!allowed) {
                throw errors.actionNotPermitted(action);
            }
            String status = image.status();
            if (status.equals(to)) {
                return image; // already there: Glance does not even save
            }
            if (!status.equals(from)) {
                throw SharingErrors.actionInWrongStatus(action, status);
            }
            return image.with(a -> {
                a.put("status", to);
                a.put("updated_at", Times.now());
            });
        }, ImageAccess.notFound(id));
        ex.sendEmpty(204);
    }
}
