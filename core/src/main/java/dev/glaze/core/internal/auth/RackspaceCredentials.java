package dev.glaze.core.internal.auth;

/**
 * What Rackspace Identity v2.0 sign-in needs (already checked): a user name with an API key or a password, and
 * optionally a tenant. Its {@link #toString()} leaves out the key and the password.
 *
 * <pre>{@code
 * new RackspaceCredentials(url, "me", apiKey, null, "929418", null).toString();   // Rackspace v2.0 API key at ... as me, tenant 929418
 * }</pre>
 */
public record RackspaceCredentials(String authUrl, String username, String apiKey, String password, String tenantId,
        String tenantName) {

    public boolean usesApiKey() {
        return apiKey != null;
    }

    public String tenant() {
        return tenantId != null ? tenantId : tenantName;
    }

    @Override
    public String toString() {
        return "Rackspace v2.0 " + (usesApiKey() ? "API key" : "password") + " at " + authUrl + " as " + username
                + (tenant() == null ? "" : ", tenant " + tenant());
    }
}
