package dev.glaze.core.internal.http;

/**
 * Where the pipeline gets the token for {@code X-Auth-Token}. Implementations sign in lazily, reuse the token,
 * and sign in again shortly before it expires or after the service refused it.
 */
public interface TokenProvider {
    /** No token at all: for services that need none (the embedded one with auth none). */
    TokenProvider NONE = new TokenProvider() {
        @Override
        public String token() {
            return null;
        }

        @Override
        public boolean refreshAfterRejection(String rejected) {
            return false;
        }
    };

    /** The token to send now; null for none. May sign in (and so throw {@code AuthenticationException}). */
    String token();

    /**
     * The service answered 401 to {@code rejected}: forget it. True when a different token can be had, in which case
     * the request is sent once more; false for a fixed token, so the 401 reaches the caller.
     */
    boolean refreshAfterRejection(String rejected);

    static TokenProvider fixed(String token) {
        Secrets.register(token);
        return new TokenProvider() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public boolean refreshAfterRejection(String rejected) {
                return false;
            }
        };
    }
}
