package dev.glaze.core;

/**
 * Signing in failed: the identity service refused the credentials, or answered something that is not a token.
 * The message names the identity URL, the user and the server's reason, never the secret.
 */
public class AuthenticationException extends GlazeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
