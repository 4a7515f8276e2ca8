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
 * Rackspace Identity v2.0 sign-in (contract 13.1): {@code POST {auth_url}/v2.0/tokens} with
 * {@code RAX-KSKEY:apiKeyCredentials} or {@code passwordCredentials}; the answer's {@code access} holds the token,
 * its tenant, the user's default region and the {@code serviceCatalog}. Made by {@code Authenticators.rackspace(url)}:
 *
 * <pre>{@code
 * AuthToken token = Authenticators.rackspaceApiKey(Authenticators.RACKSPACE_IDENTITY, "me", key).authenticate(identity);
 * }</pre>
 */
public final class RackspaceV2Authenticator implements Authenticator {
    private final RackspaceCredentials credentials;
    private final URI tokensUrl;

    public RackspaceV2Authenticator(RackspaceCredentials credentials) {
        this.credentials = credentials;
        this.tokensUrl = IdentityCall.rackspaceTokens(credentials.authUrl());
        Secrets.register(credentials.apiKey());
        Secrets.register(credentials.password());
    }

    public RackspaceCredentials credentials() {
        return credentials;
    }

    public URI tokensUrl() {
        return tokensUrl;
    }

    @Override
    public AuthToken authenticate(Transport identity) {
        String hint = "check the user name and " + (credentials.usesApiKey() ? "API key" : "password")
                + (credentials.tenant() == null ? "" : " and the tenant");
        ApiResponse response = IdentityCall.post(identity, tokensUrl, requestBody(), credentials.username(), hint);
        JsonObject access = IdentityCall.object(IdentityCall.answer(response, tokensUrl), "access");
        JsonObject token = IdentityCall.object(access, "token");
        String id = Json.string(token, "id");
        if (id == null || id.isBlank()) {
            throw IdentityCall.malformed(tokensUrl, "access.token.id");
        }
        Secrets.register(id);
        JsonObject tenant = IdentityCall.object(token, "tenant");
        JsonObject user = IdentityCall.object(access, "user");
        return new AuthToken(id, Timestamps.parse(Json.string(token, "expires")), Json.string(tenant, "id"),
                Json.string(tenant, "name"), Json.string(user, "id"), Json.string(user, "RAX-AUTH:defaultRegion"),
                CatalogParser.rackspace(access.get("serviceCatalog")));
    }

    /** The {@code {"auth": ...}} body. */
    public JsonObject requestBody() {
        RackspaceCredentials c = credentials;
        JsonObjectBuilder auth = Json.object();
        if (c.usesApiKey()) {
            auth.add("RAX-KSKEY:apiKeyCredentials", Json.object().add("username", c.username()).add("apiKey", c.apiKey()));
        } else {
            auth.add("passwordCredentials", Json.object().add("username", c.username()).add("password", c.password()));
        }
        if (c.tenantId() != null) {
            auth.add("tenantId", c.tenantId());
        } else if (c.tenantName() != null) {
            auth.add("tenantName", c.tenantName());
        }
        return Json.object().add("auth", auth).build();
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
