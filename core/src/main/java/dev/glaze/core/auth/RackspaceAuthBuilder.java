package dev.glaze.core.auth;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.internal.auth.RackspaceCredentials;
import dev.glaze.core.internal.auth.RackspaceV2Authenticator;

/**
 * Rackspace Identity v2.0 credentials, from {@link Authenticators#rackspace(String)}: a user name with an API key
 * (the usual way) or a password, and optionally the tenant (account number) to scope to.
 *
 * <pre>{@code
 * Authenticator auth = Authenticators.rackspace(Authenticators.RACKSPACE_IDENTITY)
 *         .username("demoauthor").apiKey(apiKey).tenantId("929418").build();
 * }</pre>
 */
public final class RackspaceAuthBuilder {
    private final String authUrl;
    private String username;
    private String apiKey;
    private String password;
    private String tenantId;
    private String tenantName;

    RackspaceAuthBuilder(String authUrl) {
        this.authUrl = authUrl;
    }

    public RackspaceAuthBuilder username(String username) {
        this.username = KeystoneAuthBuilder.clean(username);
        return this;
    }

    public RackspaceAuthBuilder apiKey(String apiKey) {
        this.apiKey = KeystoneAuthBuilder.clean(apiKey);
        return this;
    }

    public RackspaceAuthBuilder password(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
        return this;
    }

    public RackspaceAuthBuilder tenantId(String tenantId) {
        this.tenantId = KeystoneAuthBuilder.clean(tenantId);
        return this;
    }

    public RackspaceAuthBuilder tenantName(String tenantName) {
        this.tenantName = KeystoneAuthBuilder.clean(tenantName);
        return this;
    }

    /** @throws ConfigurationException when the user or the key/password is missing, or both are given */
    public Authenticator build() {
        if (username == null) {
            throw problem("no user name: username(...)");
        }
        if (apiKey == null && password == null) {
            throw problem("no API key or password for " + username + ": apiKey(...) or password(...)");
        }
        if (apiKey != null && password != null) {
            throw problem("give an API key or a password, not both");
        }
        if (tenantId != null && tenantName != null) {
            throw problem("give a tenant id or a tenant name, not both");
        }
        return new RackspaceV2Authenticator(new RackspaceCredentials(authUrl, username, apiKey, password, tenantId,
                tenantName));
    }

    private ConfigurationException problem(String what) {
        return new ConfigurationException("Rackspace sign-in at " + authUrl + ": " + what);
    }
}
