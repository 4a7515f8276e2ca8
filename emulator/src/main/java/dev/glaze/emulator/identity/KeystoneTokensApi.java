package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keystone v3 tokens: {@code POST /v3/auth/tokens} (201, the token in {@code X-Subject-Token}), {@code GET} and
 * {@code HEAD} to validate one, {@code DELETE} to revoke one, and the {@code GET /v3} version document.
 */
final class KeystoneTokensApi {
    private static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final Directory directory;
    private final TokenStore tokens;
    private final Catalog catalog;

    KeystoneTokensApi(Directory directory, TokenStore tokens, Catalog catalog) {
        this.directory = directory;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    void issue(Exchange ex) throws IOException {
        String contentType = ex.contentType();
        if (contentType != null && !contentType.equals("application/json")) {
            throw IdentityErrors.missing("application/json", "Content-Type header");
        }
        String base = ex.baseUrl();
        KeystoneAuthRequest request = KeystoneAuthRequest.parse(readJson(ex), base);
        Account account = null;
        Token from = null;
        if (request.password() != null) {
            account = passwordAccount(request.password()).orElseThrow(() -> IdentityErrors.unauthorized(base));
        }
        if (request.tokenId() != null) {
            from = tokens.find(request.tokenId()).orElse(null);
            Account holder = from != null ? from.account() : directory.forUnknownToken().orElseThrow(this::tokenNotFound);
            if (account != null && !account.id().equals(holder.id())) {
                throw IdentityErrors.unauthorized(base);   // two methods, two different users
            }
            account = holder;
        }
        boolean scoped = scope(request.scope(), account, base);
        Token token = from == null
                ? tokens.issue(account, scoped, request.methods())
                : tokens.issue(account, scoped, methodsAfter(request.methods(), from), from.expiresAt());
        ex.setHeader(SUBJECT_TOKEN, token.id());
        ex.sendJson(201, body(token, base, !ex.query().has("nocatalog")));
    }

    /** {@code GET} and {@code HEAD}: 200 and the subject token's body, which HEAD leaves out. */
    void validate(Exchange ex) throws IOException {
        Token subject = authorizedSubject(ex, "identity:validate_token");
        ex.setHeader(SUBJECT_TOKEN, subject.id());
        if (ex.method().equals("HEAD")) {
            ex.sendBytes(200, "application/json", new byte[0]);
        } else {
            ex.sendJson(200, body(subject, ex.baseUrl(), !ex.query().has("nocatalog")));
        }
    }

    void revoke(Exchange ex) throws IOException {
        Token subject = authorizedSubject(ex, "identity:revoke_token");
        tokens.revoke(subject.id());
        ex.sendBytes(204, "application/json", new byte[0]);
    }

    /** {@code GET /v3}: Zed's identity version document, which keystoneauth reads to discover the API. */
    void version(Exchange ex) throws IOException {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", "v3.14");
        version.put("status", "stable");
        version.put("updated", "2020-04-07T00:00:00Z");
        version.put("links", List.of(Map.of("rel", "self", "href", ex.baseUrl() + "/v3/")));
        version.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.identity-v3+json")));
        ex.sendJson(200, Map.of("version", version));
    }

    /**
     * The token named by {@code X-Subject-Token}, after checking the caller's {@code X-Auth-Token} (with auth none,
     * anyone may ask): a user may see and end its own tokens, an admin anyone's.
     */
    private Token authorizedSubject(Exchange ex, String action) {
        Token caller = null;
        if (!directory.isOpen()) {
            caller = tokens.find(ex.header("X-Auth-Token")).orElseThrow(() -> IdentityErrors.unauthorized(ex.baseUrl()));
        }
        Token subject = tokens.find(ex.header(SUBJECT_TOKEN)).orElseThrow(this::tokenNotFound);
        if (caller != null && !caller.account().id().equals(subject.account().id())
                && !(caller.scoped() && caller.account().roles().contains("admin"))) {
            throw IdentityErrors.keystone(403, "You are not authorized to perform the requested action: " + action + ".");
        }
        return subject;
    }

    private Optional<Account> passwordAccount(KeystoneAuthRequest.PasswordUser user) {
        if (user.password() == null) {
            return Optional.empty();
        }
        if (user.id() != null) {
            return directory.byIdAndPassword(user.id(), user.password());
        }
        if (!user.domain().isDefault() && !directory.isOpen()) {
            return Optional.empty();   // no such user in that domain
        }
        return directory.byNameAndPassword(user.name(), user.password());
    }

    /** True for a project-scoped token; 401 when the account has no role on the project asked for. */
    private boolean scope(KeystoneAuthRequest.Scope scope, Account account, String base) {
        if (scope instanceof KeystoneAuthRequest.Unscoped) {
            return false;
        }
        if (directory.isOpen() || scope instanceof KeystoneAuthRequest.DefaultScope) {
            return true;   // with auth none every scope is project local; by default Keystone uses the default project
        }
        if (scope instanceof KeystoneAuthRequest.ProjectScope p) {
            Account.Project project = account.project();
            boolean matches = p.id() != null
                    ? p.id().equals(project.id())
                    : p.domain().isDefault() && p.name().equals(project.name());
            if (matches) {
                return true;
            }
        }
        throw IdentityErrors.unauthorized(base);
    }

    /** Keystone lists {@code token} first, then how the original token was obtained. */
    private static List<String> methodsAfter(List<String> requested, Token from) {
        List<String> methods = new ArrayList<>(requested);
        for (String m : from.methods()) {
            if (!methods.contains(m)) {
                methods.add(m);
            }
        }
        return methods;
    }

    /** Keystone's TokenNotFound, without echoing the token: it is a secret. */
    private HttpError tokenNotFound() {
        return IdentityErrors.keystone(404, "Could not find token.");
    }

    private static Object readJson(Exchange ex) throws IOException {
        if (!ex.hasBody()) {
            throw IdentityErrors.missing("auth", "request body");
        }
        try {
            return ex.json();
        } catch (HttpError e) {
            throw e.status() == 413
                    ? IdentityErrors.keystone(413, "Request is too large.")
                    : IdentityErrors.missing("valid JSON", "request body");
        }
    }

    private Map<String, Object> body(Token token, String base, boolean withCatalog) {
        Account account = token.account();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("methods", token.methods());
        t.put("expires_at", Timestamps.keystone(token.expiresAt()));
        t.put("issued_at", Timestamps.keystone(token.issuedAt()));
        t.put("audit_ids", List.of(token.auditId()));
        if (token.scoped()) {
            t.put("is_domain", false);
            t.put("project", named(account.project().id(), account.project().name()));
        }
        Map<String, Object> user = named(account.id(), account.name());
        user.put("password_expires_at", null);
        t.put("user", user);
        if (token.scoped()) {
            List<Object> roles = new ArrayList<>();
            for (String role : account.roles()) {
                roles.add(Map.of("id", Account.stableId("role", role), "name", role));
            }
            t.put("roles", roles);
            if (withCatalog) {
                t.put("catalog", catalog.keystone(base, account.project().id()));
            }
        }
        return Map.of("token", t);
    }

    /** A project or user as Keystone shows it: in the default domain. */
    private static Map<String, Object> named(String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", Map.of("id", Account.DOMAIN_ID, "name", Account.DOMAIN_NAME));
        m.put("id", id);
        m.put("name", name);
        return m;
    }
}
