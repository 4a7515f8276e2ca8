package dev.glaze.core.auth;

import dev.glaze.core.internal.http.Transport;

/**
 * A way of signing in (Keystone v3 password, token or application credential; Rackspace API key; or one a plugin
 * brings). Called when glaze first needs a token and again when it is about to expire or was refused.
 *
 * <pre>{@code
 * Cloud cloud = Cloud.builder().authenticator(Authenticators.rackspaceApiKey(identityUrl, "me", apiKey)).build();
 * }</pre>
 */
public interface Authenticator {
    /**
     * Signs in with requests sent through {@code identity} (they carry no token).
     *
     * @throws dev.glaze.core.AuthenticationException when the service refuses, naming the URL and the user
     */
    AuthToken authenticate(Transport identity);

    /** For messages: the identity URL and the user, never the secret. */
    String describe();
}
