package dev.glaze.core.internal.http;

/** Adds {@code X-Auth-Token}; on a 401 gets a fresh token and sends the request once more. */
final class AuthInterceptor implements Interceptor {
    private final TokenProvider tokens;

    AuthInterceptor(TokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public ApiResponse intercept(Chain chain) {
        ApiRequest request = chain.request();
        if (!request.authenticated()) {
            return chain.proceed(request);
        }
        String token;
        try {
            token = tokens.token();
        } catch (dev.glaze.core.ConnectionException unreachable) {
            // the identity service's own pipeline retried already; the image request's retries must not repeat it
            throw new dev.glaze.core.AuthenticationException("cannot sign in: " + unreachable.getMessage(), unreachable);
        }
        ApiResponse response = chain.proceed(withToken(request, token));
        if (response.status() == 401 && request.replayable() && tokens.refreshAfterRejection(token)) {
            response.close();
            response = chain.proceed(withToken(request, tokens.token()));
        }
        return response;
    }

    private static ApiRequest withToken(ApiRequest request, String token) {
        return token == null ? request : request.toBuilder().header("X-Auth-Token", token).build();
    }
}
