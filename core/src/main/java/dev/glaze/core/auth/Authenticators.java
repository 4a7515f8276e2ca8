package dev.glaze.core.auth;

/**
 * The ways glaze signs in: Keystone v3 (password, token, application credential) and Rackspace Identity v2.0
 * (API key, password). Each gives an {@link Authenticator} for {@code Cloud.builder().authenticator(...)}; the
 * cloud signs in on its first request, reuses the token, and signs in again before it expires or after a 401.
 *
 * <pre>{@code
 * Cloud rax = Cloud.builder()
 *         .authenticator(Authenticators.rackspaceApiKey(Authenticators.RACKSPACE_IDENTITY, "me", apiKey))
 *         .region("IAD").build();
 * Cloud devstack = Cloud.builder()
 *         .authenticator(Authenticators.keystonePassword("http://10.0.0.5/identity", "admin", password, "admin"))
 *         .build();
 * }</pre>
 *
 * The identity URL may be given with or without its version ({@code /v3}, {@code /v2.0}) and trailing slash.
 */
public final class Authenticators {
    /** Rackspace's public identity service. */
    public static final String RACKSPACE_IDENTITY = "https://identity.api.rackspacecloud.com/v2.0";

    private Authenticators() {
    }

    /** Keystone v3 credentials to fill in: user, password or token or application credential, scope. */
    public static KeystoneAuthBuilder keystone(String authUrl) {
        return new KeystoneAuthBuilder(authUrl);
    }

    /** Rackspace Identity v2.0 credentials to fill in: user, API key or password, tenant. */
    public static RackspaceAuthBuilder rackspace(String authUrl) {
        return new RackspaceAuthBuilder(authUrl);
    }

    /** Keystone v3 password sign-in of a user and project of the {@code Default} domain. */
    public static Authenticator keystonePassword(String authUrl, String username, String password, String projectName) {
        return keystone(authUrl).username(username).password(password).projectName(projectName).build();
    }

    /** Keystone v3 token method: a token from elsewhere, scoped to a project by id (null: the user's default). */
    public static Authenticator keystoneToken(String authUrl, String token, String projectId) {
        return keystone(authUrl).token(token).projectId(projectId).build();
    }

    /** Keystone v3 application credential by id (it carries its own project). */
    public static Authenticator applicationCredential(String authUrl, String id, String secret) {
        return keystone(authUrl).applicationCredentialId(id).applicationCredentialSecret(secret).build();
    }

    /** Rackspace {@code RAX-KSKEY:apiKeyCredentials}. */
    public static Authenticator rackspaceApiKey(String authUrl, String username, String apiKey) {
        return rackspace(authUrl).username(username).apiKey(apiKey).build();
    }

    /** Rackspace {@code passwordCredentials}. */
    public static Authenticator rackspacePassword(String authUrl, String username, String password) {
        return rackspace(authUrl).username(username).password(password).build();
    }
}
