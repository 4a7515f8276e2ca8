package dev.glaze.core.internal.auth;

import dev.glaze.core.auth.AuthToken;
import dev.glaze.core.auth.Authenticator;
import dev.glaze.core.internal.Timestamps;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.Transport;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;

/**
 * Keystone v3 sign-in (contract 13.2): {@code POST {auth_url}/v3/auth/tokens} with the password, token or
 * application credential method; the token comes in {@code X-Subject-Token}, the rest in {@code token}.
 * Made by {@code Authenticators.keystone(url)...build()}:
 *
 * <pre>{@code
 * AuthToken token = Authenticators.keystonePassword(url, "alice", password, "demo").authenticate(identity);
 * }</pre>
 */
public final class KeystoneV3Authenticator implements Authenticator {
    private final KeystoneCredentials credentials;
    private final URI tokensUrl;

    public KeystoneV3Authenticator(KeystoneCredentials credentials) {
        this.credentials = credentials;
        this.tokensUrl = IdentityCall.keystoneTokens(credentials.authUrl());
        Secrets.register(credentials.password());
        Secrets.register(credentials.token());
        Secrets.register(credentials.applicationCredentialSecret());
    }

    public KeystoneCredentials credentials() {
        return credentials;
    }

    public URI tokensUrl() {
        return tokensUrl;
    }

    @Override
    public AuthToken authenticate(Transport identity) {
        ApiResponse response = IdentityCall.post(identity, tokensUrl, requestBody(), credentials.who(), hint());
        String id = response.header("X-Subject-Token").filter(t -> !t.isBlank()).orElse(null);
        JsonObject token = IdentityCall.object(IdentityCall.answer(response, tokensUrl), "token");
        if (id == null) {
            throw IdentityCall.malformed(tokensUrl, "an X-Subject-Token header");
        }
        Secrets.register(id);
        JsonObject project = IdentityCall.object(token, "project");
        return new AuthToken(id, Timestamps.parse(Json.string(token, "expires_at")), Json.string(project, "id"),
                Json.string(project, "name"), Json.string(IdentityCall.object(token, "user"), "id"), null,
                CatalogParser.keystone(token.get("catalog")));
    }

    /** The {@code {"auth": ...}} body for this method and scope. */
    public JsonObject requestBody() {
        KeystoneCredentials c = credentials;
        JsonObjectBuilder identity = Json.object();
        switch (c.method()) {
            case APPLICATION_CREDENTIAL: {
                JsonObjectBuilder cred = Json.object();
                if (c.applicationCredentialId() != null) {
                    cred.add("id", c.applicationCredentialId());
                } else {
                    cred.add("name", c.applicationCredentialName()).add("user", user(c));
                }
                cred.add("secret", c.applicationCredentialSecret());
                identity.add("methods", Json.array().add("application_credential"))
                        .add("application_credential", cred);
                break;
            }
            case PASSWORD: {
                JsonObjectBuilder user = Json.PROVIDER.createObjectBuilder(user(c)).add("password", c.password());
                identity.add("methods", Json.array().add("password"))
                        .add("password", Json.object().add("user", user));
                break;
            }
            default:
                identity.add("methods", Json.array().add("token"))
                        .add("token", Json.object().add("id", c.token()));
        }
        JsonObjectBuilder auth = Json.object().add("identity", identity);
        JsonObject scope = scope(c);
        if (scope != null) {
            auth.add("scope", scope);
        }
        return Json.object().add("auth", auth).build();
    }

    /** A user by id alone, or by name in a domain (Keystone's {@code default} when none is given). */
    private static JsonObject user(KeystoneCredentials c) {
        if (c.userId() != null) {
            return Json.object().add("id", c.userId()).build();
        }
        return Json.object().add("name", c.username())
                .add("domain", domain(c.userDomainId(), c.userDomainName())).build();
    }

    /** An application credential carries its own scope; otherwise a project, a domain, or the user's default. */
    private static JsonObject scope(KeystoneCredentials c) {
        if (c.method() == KeystoneCredentials.Method.APPLICATION_CREDENTIAL) {
            return null;
        }
        if (c.projectId() != null) {
            return Json.object().add("project", Json.object().add("id", c.projectId())).build();
        }
        if (c.projectName() != null) {
            return Json.object().add("project", Json.object().add("name", c.projectName())
                    .add("domain", domain(c.projectDomainId(), c.projectDomainName()))).build();
        }
        if (c.domainId() != null || c.domainName() != null) {
            return Json.object().add("domain", domain(c.domainId(), c.domainName())).build();
        }
        return null;
    }

    private static JsonObject domain(String id, String name) {
        if (id != null) {
            return Json.object().add("id", id).build();
        }
        return name != null ? Json.object().add("name", name).build() : Json.object().add("id", "default").build();
    }

    private String hint() {
        switch (credentials.method()) {
            case APPLICATION_CREDENTIAL: return "check the application credential and its secret";
            case TOKEN: return "the token may have expired; check it and the project";
            default: return "check the user name, password, domain and project";
        }
    }

    @Override
    public String describe() {
        return credentials.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
