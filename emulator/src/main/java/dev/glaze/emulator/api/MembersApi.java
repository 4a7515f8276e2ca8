package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.Member;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v2/images/{id}/members} and {@code /v2/images/{id}/members/{member}}: sharing an image with other
 * projects. The owner adds and removes members; each member accepts or rejects for itself. Who may do what, and
 * the order in which Glance checks it, differ between the profiles (see {@link MemberRules}).
 */
public final class MembersApi {
    static final int MEMBER_QUOTA = 128;
    private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected");

    private final Api api;
    private final SharingErrors errors;
    private final MemberRules rules;

    public MembersApi(Api api) {
        this.api = api;
        this.errors = SharingErrors.of(api.profile());
        this.rules = new MemberRules(api.profile(), errors);
    }

    public void list(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        StoredImage image = visibleImage(id, ctx);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Member m : rules.listable(image, ctx)) {
            members.add(render(id, m, m.memberId()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", members);
        body.put("schema", "/v2/schemas/members");
        ex.sendJson(200, body);
    }

    public void create(Exchange ex) throws IOException {
        Object requested = memberFromBody(ex.json());
        String memberId = pythonStr(requested);
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        String now = Times.now();
        Member added = new Member(memberId, "pending", now, now);
        api.store().update(id, image -> {
            checkVisible(image, ctx);
            rules.checkMayAdd(image, ctx);
            if (image.members().size() + 1 > MEMBER_QUOTA) {
                throw errors.memberQuota(id, image.members().size() + 1);
            }
            if (image.member(memberId) != null) {
                throw errors.duplicateMember(id, memberId);
            }
            List<Member> members = new ArrayList<>(image.members());
            members.add(added);
            return image.withMembers(members);
        }, errors.imageNotFound(id));
        // Glance answers with the member as the request gave it: {"member": 5} comes back as a number.
        ex.sendJson(200, render(id, added, requested));
    }

    public void show(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        String memberId = memberParam(ex);
        StoredImage image = visibleImage(id, ex.context());
        Member member = rules.readable(image, ex.context(), memberId);
        ex.sendJson(200, render(id, member, member.memberId()));
    }

    public void update(Exchange ex) throws IOException {
        Object status = statusFromBody(ex.json());
        String id = ex.param("id");
        String memberId = memberParam(ex);
        RequestContext ctx = ex.context();
        StoredImage after = api.store().update(id, image -> {
            checkVisible(image, ctx);
            rules.checkMayUpdate(image, ctx, memberId);
            if (!(status instanceof String s) || !STATUSES.contains(s)) {
                throw errors.invalidMemberStatus();
            }
            List<Member> members = new ArrayList<>(image.members());
            members.replaceAll(m -> m.memberId().equals(memberId) ? m.withStatus(s, Times.now()) : m);
            return image.withMembers(members);
        }, errors.imageNotFound(id));
        Member updated = after.member(memberId);
        ex.sendJson(200, render(id, updated, updated.memberId()));
    }

    public void delete(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        String memberId = memberParam(ex);
        RequestContext ctx = ex.context();
        api.store().update(id, image -> {
            checkVisible(image, ctx);
            rules.checkMayRemove(image, ctx, memberId);
            List<Member> members = new ArrayList<>(image.members());
            members.removeIf(m -> m.memberId().equals(memberId));
            return image.withMembers(members);
        }, errors.imageNotFound(id));
        ex.sendNoContent();
    }

    private StoredImage visibleImage(String id, RequestContext ctx) {
        StoredImage image = api.store().find(id).orElseThrow(() -> errors.imageNotFound(id));
        checkVisible(image, ctx);
        return image;
    }

    private void checkVisible(StoredImage image, RequestContext ctx) {
        if (!ImageAccess.canSee(image, ctx)) {
            throw errors.imageNotFound(image.id());
        }
    }

    /** The member id from the path, decoded as the profile's Glance decodes it. */
    private String memberParam(Exchange ex) {
        return api.profile().readsPathTextAsLatin1() ? ex.latin1Param("member") : ex.param("member");
    }

    /** {@code {"member": "<project>"}}, checked in Glance's order and with its messages. */
    private static Object memberFromBody(Object body) {
        if (body instanceof List<?>) {
            throw HttpError.badRequest("Expected a member in the form: {\"member\": \"image_id\"}");
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw HttpError.badRequest("Unexpected body type. Expected list/dict.");
        }
        if (!map.containsKey("member")) {
            throw HttpError.badRequest("Member to be added not specified");
        }
        Object member = map.get("member");
        if (isFalsy(member)) {
            throw HttpError.badRequest("Member can't be empty");
        }
        if (member instanceof Map<?, ?> || member instanceof List<?>) {
            // Glance fails with a 500 here; a 400 with its own form message says what is wrong.
            throw HttpError.badRequest("Expected a member in the form: {\"member\": \"image_id\"}");
        }
        return member;
    }

    /** {@code {"status": "accepted"}}; the value itself is checked once the caller is known to be the member. */
    private static Object statusFromBody(Object body) {
        if (body instanceof List<?>) {
            throw HttpError.badRequest("Expected a status in the form: {\"status\": \"status\"}");
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw HttpError.badRequest("Unexpected body type. Expected list/dict.");
        }
        if (!map.containsKey("status")) {
            throw HttpError.badRequest("Status not specified");
        }
        return map.get("status");
    }

    /** Python's truth test, which Glance applies to the member it is given. */
    private static boolean isFalsy(Object v) {
        return v == null || Boolean.FALSE.equals(v) || "".equals(v)
                || v instanceof Number n && n.doubleValue() == 0
                || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
    }

    /** How Glance's database stores a member id it was given as a JSON number or boolean. */
    private static String pythonStr(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    private static Map<String, Object> render(String imageId, Member m, Object memberId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", memberId);
        out.put("image_id", imageId);
        out.put("status", m.status());
        out.put("created_at", m.createdAt());
        out.put("updated_at", m.updatedAt());
        out.put("schema", "/v2/schemas/member");
        return out;
    }
}
