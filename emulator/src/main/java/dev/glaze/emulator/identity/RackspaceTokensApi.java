package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rackspace Identity v2.0: {@code POST /v2.0/tokens} with {@code passwordCredentials},
 * {@code RAX-KSKEY:apiKeyCredentials} or an existing {@code token}, optionally naming the tenant by
 * {@code tenantId} or {@code tenantName} (never both). Answers 200 with an {@code access} object; errors use
 * Rackspace's words and shape.
 */
final class RackspaceTokensApi {
    private static final String API_KEY_CREDENTIALS = "RAX-KSKEY:apiKeyCredentials";
    private static final String PASSWORD_CREDENTIALS = "passwordCredentials";

    private final Directory directory;
    private final TokenStore tokens;
    private final Catalog catalog;

    RackspaceTokensApi(Directory directory, TokenStore tokens, Catalog catalog) {
        this.directory = directory;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    void issue(Exchange ex) throws IOException {
        Map<?, ?> auth = auth(ex);
        List<String> given = new ArrayList<>();
        for (String kind : List.of(PASSWORD_CREDENTIALS, API_KEY_CREDENTIALS, "token")) {
            if (auth.containsKey(kind)) {
                given.add(kind);
            }
        }
        if (given.size() != 1 || !(auth.get(given.get(0)) instanceof Map<?, ?> credentials)) {
            throw unparsable();
        }
        String tenantId = tenant(auth, "tenantId");
        String tenantName = tenant(auth, "tenantName");
        if (tenantId != null && tenantName != null) {
            throw IdentityErrors.rackspace(400, "Invalid request. Specify tenantId OR tenantName, not both.");
        }
        String tenant = tenantId != null ? tenantId : tenantName;
        Token token = switch (given.get(0)) {
            case PASSWORD_CREDENTIALS -> signIn(credentials, "password", tenantId, tenantName);
            case API_KEY_CREDENTIALS -> signIn(credentials, "apiKey", tenantId, tenantName);
            default -> existing(credentials, tenantId, tenantName, tenant);
        };
        ex.sendJson(200, Map.of("access", access(token, ex.baseUrl())));
    }

    /** A new token for a user name and password or API key. */
    private Token signIn(Map<?, ?> credentials, String secretKey, String tenantId, String tenantName) {
        String username = field(credentials, "username");
        String secret = field(credentials, secretKey);
        if (username == null) {
            throw IdentityErrors.rackspace(400, "Expecting username");
        }
        if (secret == null) {
            throw IdentityErrors.rackspace(400, "Expecting " + secretKey);
        }
        Optional<Account> account = secretKey.equals("password")
                ? directory.byNameAndPassword(username, secret)
                : directory.byNameAndApiKey(username, secret);
        Account a = account.orElseThrow(() -> IdentityErrors.rackspace(401, IdentityErrors.RACKSPACE_UNAUTHORIZED));
        if (!tenantMatches(a, tenantId, tenantName)) {
            throw IdentityErrors.rackspace(401, "Tenant with Name/Id: '" + (tenantId != null ? tenantId : tenantName)
                    + "' is not valid for User '" + a.name() + "' (id: '" + a.id() + "')");
        }
        return tokens.issue(a, true, List.of(secretKey.toLowerCase(Locale.ROOT)));
    }

    /** Rackspace answers a token credential with the same token, when it is live and the tenant is its own. */
    private Token existing(Map<?, ?> credentials, String tenantId, String tenantName, String tenant) {
        String id = field(credentials, "id");
        if (id == null) {
            throw unparsable();
        }
        Token token = tokens.find(id).orElse(null);
        if (token == null) {
            Account anyone = directory.forUnknownToken()
                    .orElseThrow(() -> IdentityErrors.rackspace(401, IdentityErrors.RACKSPACE_UNAUTHORIZED));
            return tokens.issue(anyone, true, List.of("token"));
        }
        if (!tenantMatches(token.account(), tenantId, tenantName)) {
            throw IdentityErrors.rackspace(401, "Token doesn't belong to Tenant with Id/Name: '" + tenant + "'");
        }
        return token;
    }

    private boolean tenantMatches(Account account, String tenantId, String tenantName) {
        if (directory.isOpen()) {
            return true;   // with auth none every tenant is project local
        }
        return (tenantId == null || tenantId.equals(account.project().id()))
                && (tenantName == null || tenantName.equals(account.project().name()));
    }

    private Map<String, Object> access(Token token, String base) {
        Account account = token.account();
        Account.Project project = account.project();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", token.id());
        t.put("expires", Timestamps.rackspace(token.expiresAt()));
        t.put("tenant", Map.of("id", project.id(), "name", project.name()));
        List<String> by = new ArrayList<>();
        for (String method : token.methods()) {
            if (!method.equals("token")) {
                by.add(method.toUpperCase(Locale.ROOT));
            }
        }
        t.put("RAX-AUTH:authenticatedBy", by);
        List<Object> roles = new ArrayList<>();
        for (String role : account.roles()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", Account.stableId("role", role));
            r.put("name", role);
            r.put("description", "Role " + role + " on the tenant's images");
            r.put("tenantId", project.id());
            roles.add(r);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("name", account.name());
        user.put("RAX-AUTH:defaultRegion", account.defaultRegion());
        user.put("roles", roles);
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("token", t);
        access.put("serviceCatalog", catalog.rackspace(base, project.id()));
        access.put("user", user);
        return access;
    }

    private static Map<?, ?> auth(Exchange ex) throws IOException {
        Object body;
        try {
            body = ex.json();
        } catch (HttpError e) {
            throw e.status() == 413 ? IdentityErrors.rackspace(413, "Request body too large.") : unparsable();
        }
        if (!(body instanceof Map<?, ?> root) || !(root.get("auth") instanceof Map<?, ?> auth)) {
            throw unparsable();
        }
        return auth;
    }

    /** A tenant id or name: Rackspace's are numbers, so a JSON number is taken as written. */
    private static String tenant(Map<?, ?> auth, String key) {
        Object value = auth.get(key);
        if (value instanceof Long n) {
            return n.toString();
        }
        if (value != null && !(value instanceof String)) {
            throw unparsable();
        }
        String s = (String) value;
        return s == null || s.isBlank() ? null : s;
    }

    /** A string member; null when absent or blank (Rackspace treats both as missing); another type is unparsable. */
    private static String field(Map<?, ?> object, String key) {
        Object value = object.get(key);
        if (value != null && !(value instanceof String)) {
            throw unparsable();
        }
        String s = (String) value;
        return s == null || s.isBlank() ? null : s;
    }

    private static HttpError unparsable() {
        return IdentityErrors.rackspace(400, IdentityErrors.RACKSPACE_UNPARSABLE);
    }
}
