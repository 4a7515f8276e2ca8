package dev.glaze.emulator.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v3/auth/tokens}, checked for shape the way Keystone checks it: a part that is missing or
 * of the wrong type is 400 in Keystone's words; whether the credentials are right is decided later.
 *
 * @param password the {@code password} method's user, or null when that method is not used
 * @param tokenId the {@code token} method's token id, or null when that method is not used
 */
record KeystoneAuthRequest(List<String> methods, PasswordUser password, String tokenId, Scope scope) {

    /** A user named by id, or by name in a domain, with the password it claims. */
    record PasswordUser(String id, String name, DomainRef domain, String password) {
        @Override
        public String toString() {
            return "PasswordUser[id=" + id + ", name=" + name + ", domain=" + domain + "]";
        }
    }

    /** A domain named by id or name; only Keystone's default domain exists here. */
    record DomainRef(String id, String name) {
        boolean isDefault() {
            return id != null ? id.equals(Account.DOMAIN_ID) : Account.DOMAIN_NAME.equals(name);
        }
    }

    /** What the token should be scoped to. */
    sealed interface Scope permits DefaultScope, Unscoped, ProjectScope, OtherScope {
    }

    /** No scope given: Keystone scopes the token to the user's default project. */
    record DefaultScope() implements Scope {
    }

    /** {@code "scope": "unscoped"}: a token that proves who you are and nothing else. */
    record Unscoped() implements Scope {
    }

    record ProjectScope(String id, String name, DomainRef domain) implements Scope {
    }

    /** A domain, system or trust scope: no user here has roles there. */
    record OtherScope() implements Scope {
    }

    @Override
    public String toString() {
        return "KeystoneAuthRequest[methods=" + methods + ", password=" + password + ", scope=" + scope + "]";
    }

    /** @param base where this service is, for the {@code WWW-Authenticate} of a 401 */
    static KeystoneAuthRequest parse(Object body, String base) {
        if (!(body instanceof Map<?, ?> root) || !(root.get("auth") instanceof Map<?, ?> auth)) {
            throw IdentityErrors.missing("auth", "request body");
        }
        if (!(auth.get("identity") instanceof Map<?, ?> identity)) {
            throw IdentityErrors.keystone(400, "'identity' is a required property");
        }
        List<String> methods = methods(identity, base);
        PasswordUser password = null;
        String tokenId = null;
        for (String method : methods) {
            Object data = identity.get(method);
            if (data == null) {
                throw IdentityErrors.missing(method, "identity");
            }
            if (!(data instanceof Map<?, ?> payload)) {
                throw IdentityErrors.invalidField("identity/" + method, "not an object");
            }
            switch (method) {
                case "password" -> password = passwordUser(payload);
                case "token" -> tokenId = tokenId(payload);
                default -> throw new IllegalStateException("unchecked method " + method);
            }
        }
        return new KeystoneAuthRequest(methods, password, tokenId, scope(auth.get("scope"), auth.containsKey("scope")));
    }

    private static List<String> methods(Map<?, ?> identity, String base) {
        Object value = identity.get("methods");
        if (value == null) {
            throw IdentityErrors.invalidField("identity", "'methods' is a required property");
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(m -> m instanceof String)) {
            throw IdentityErrors.invalidField("identity/methods", "not an array of strings");
        }
        if (list.isEmpty()) {
            throw IdentityErrors.invalidField("identity/methods", "[] is too short");
        }
        List<String> methods = new ArrayList<>();
        for (Object m : list) {
            if (!m.equals("password") && !m.equals("token")) {
                // Keystone: AuthMethodNotSupported, a 401 that says no more than any other
                throw IdentityErrors.unauthorized(base);
            }
            if (!methods.contains(m)) {
                methods.add((String) m);
            }
        }
        return methods;
    }

    private static PasswordUser passwordUser(Map<?, ?> payload) {
        if (!(payload.get("user") instanceof Map<?, ?> user)) {
            throw IdentityErrors.missing("user", "password");
        }
        String id = string(user, "id", "identity/password/user/id");
        String name = string(user, "name", "identity/password/user/name");
        if (id == null && name == null) {
            throw IdentityErrors.missing("id or name", "user");
        }
        DomainRef domain = null;
        if (id == null) {
            if (!(user.get("domain") instanceof Map<?, ?> d)) {
                throw IdentityErrors.missing("domain", "user");
            }
            domain = domain(d, "identity/password/user/domain");
        }
        // A missing or non-string password is no 400 in Keystone: it simply does not match (401).
        Object password = user.get("password");
        return new PasswordUser(id, name, domain, password instanceof String s ? s : null);
    }

    private static String tokenId(Map<?, ?> payload) {
        String id = string(payload, "id", "identity/token/id");
        if (id == null) {
            throw IdentityErrors.missing("id", "token");
        }
        return id;
    }

    private static Scope scope(Object value, boolean given) {
        if (!given) {
            return new DefaultScope();
        }
        if ("unscoped".equals(value)) {
            return new Unscoped();
        }
        if (!(value instanceof Map<?, ?> scope)) {
            throw IdentityErrors.invalidField("scope", "must be an object or \"unscoped\"");
        }
        if (!(scope.get("project") instanceof Map<?, ?> project)) {
            if (scope.containsKey("project")) {
                throw IdentityErrors.invalidField("scope/project", "not an object");
            }
            return new OtherScope();
        }
        String id = string(project, "id", "scope/project/id");
        String name = string(project, "name", "scope/project/name");
        if (id == null && name == null) {
            throw IdentityErrors.missing("id or name", "project");
        }
        DomainRef domain = null;
        if (id == null) {
            if (!(project.get("domain") instanceof Map<?, ?> d)) {
                throw IdentityErrors.missing("domain", "project");
            }
            domain = domain(d, "scope/project/domain");
        }
        return new ProjectScope(id, name, domain);
    }

    private static DomainRef domain(Map<?, ?> domain, String path) {
        String id = string(domain, "id", path + "/id");
        String name = string(domain, "name", path + "/name");
        if (id == null && name == null) {
            throw IdentityErrors.missing("id or name", "domain");
        }
        return new DomainRef(id, name);
    }

    /** A string member, or null when absent; any other type is Keystone's schema error. */
    private static String string(Map<?, ?> object, String key, String path) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw IdentityErrors.invalidField(path, "not of type 'string'");
        }
        return s;
    }
}
