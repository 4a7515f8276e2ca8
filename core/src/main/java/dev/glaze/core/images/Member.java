package dev.glaze.core.images;

import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.Timestamps;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A project an image is shared with, and whether it accepted ({@code pending}, {@code accepted}, {@code rejected}).
 *
 * <pre>{@code
 * image.share("5678");                          // as the owner
 * other.images().byId(image.getId()).accept();   // as project 5678
 * }</pre>
 */
public final class Member {
    private final String imageId;
    private final String memberId;
    private final String status;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Member(JsonObject json) {
        this.imageId = Json.string(json, "image_id");
        this.memberId = Json.string(json, "member_id");
        this.status = Json.string(json, "status");
        String c = Json.string(json, "created_at");
        String u = Json.string(json, "updated_at");
        this.createdAt = c == null ? null : Timestamps.parse(c);
        this.updatedAt = u == null ? null : Timestamps.parse(u);
    }

    public String getImageId() {
        return imageId;
    }

    /** The project id. */
    public String getMemberId() {
        return memberId;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Member[" + memberId + " " + status + " of image " + imageId + "]";
    }

    static List<Member> list(Image image) {
        CloudContext ctx = image.getCloud().context();
        JsonObject page = ctx.transport().json(ApiRequest.get(ctx.v2("/images/" + image.seg() + "/members")));
        List<Member> out = new ArrayList<>();
        for (JsonValue v : page.getJsonArray("members")) {
            out.add(new Member(v.asJsonObject()));
        }
        return out;
    }

    static Member add(Image image, String project) {
        CloudContext ctx = image.getCloud().context();
        byte[] body = Json.bytes(Json.object().add("member", project).build());
        return new Member(ctx.transport().json(ApiRequest.builder("POST", ctx.v2("/images/" + image.seg() + "/members"))
                .body("application/json", body).build()));
    }

    static void remove(Image image, String project) {
        CloudContext ctx = image.getCloud().context();
        ctx.transport().discard(ApiRequest.builder("DELETE",
                ctx.v2("/images/" + image.seg() + "/members/" + Links.segment(project))).build());
    }

    static Member setStatus(Image image, String project, String status) {
        CloudContext ctx = image.getCloud().context();
        byte[] body = Json.bytes(Json.object().add("status", status).build());
        return new Member(ctx.transport().json(ApiRequest.builder("PUT",
                ctx.v2("/images/" + image.seg() + "/members/" + Links.segment(project)))
                .body("application/json", body).build()));
    }
}
