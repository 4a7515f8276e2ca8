package dev.glaze.core.internal.auth;

import dev.glaze.core.ApiException;
import dev.glaze.core.AuthenticationException;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.Transport;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What both identity APIs share: the tokens URL made from whatever form of identity URL a person gives, the POST
 * (no token, body never logged as it is), and the one-line {@link AuthenticationException} for a refusal.
 *
 * <pre>{@code
 * URI url = IdentityCall.keystoneTokens("http://10.0.0.5/identity");   // .../identity/v3/auth/tokens
 * ApiResponse answer = IdentityCall.post(identity, url, body, "alice", "check the password");
 * }</pre>
 */
public final class IdentityCall {
    private static final Pattern TRAILING_V3 = Pattern.compile("(?i)/v3(/auth/tokens)?$");
    private static final Pattern TRAILING_V2 = Pattern.compile("(?i)/v2\\.0(/tokens)?$");

    private IdentityCall() {
    }

    /** {@code http://host:5000}, {@code .../v3}, {@code .../v3/} or {@code .../v3/auth/tokens} give {@code .../v3/auth/tokens}. */
    public static URI keystoneTokens(String authUrl) {
        return URI.create(TRAILING_V3.matcher(base(authUrl)).replaceFirst("") + "/v3/auth/tokens");
    }

    /** {@code https://identity.api.rackspacecloud.com}, {@code .../v2.0} or {@code .../v2.0/tokens} give {@code .../v2.0/tokens}. */
    public static URI rackspaceTokens(String authUrl) {
        return URI.create(TRAILING_V2.matcher(base(authUrl)).replaceFirst("") + "/v2.0/tokens");
    }

    /** Whether an identity URL names Rackspace Identity's (and Keystone's old) v2.0 API. */
    public static boolean isV2(String authUrl) {
        return authUrl != null && TRAILING_V2.matcher(stripSlashes(authUrl.strip())).find();
    }

    private static String base(String authUrl) {
        if (authUrl == null || authUrl.isBlank()) {
            throw new ConfigurationException("no identity URL given, e.g. https://keystone.example.com:5000/v3");
        }
        String s = stripSlashes(authUrl.strip());
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getQuery() != null) {
            throw new ConfigurationException("identity URL '" + Secrets.redact(authUrl)
                    + "' is not an absolute http(s) URL, e.g. https://keystone.example.com:5000/v3");
        }
        return s;
    }

    private static String stripSlashes(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /**
     * POSTs a sign-in body. A refusal (400, 401, 403, 404) becomes an {@link AuthenticationException} naming the URL,
     * {@code who} and the server's message; other error statuses stay {@link ApiException}s, and a connection failure a
     * {@code ConnectionException}.
     *
     * @param hint what to check, appended to a 401's (or an unknown token's 404) message; may be empty
     */
    public static ApiResponse post(Transport identity, URI url, JsonObject body, String who, String hint) {
        ApiRequest request = ApiRequest.builder("POST", url).body("application/json", Json.bytes(body))
                .unauthenticated().secretBody().build();
        ApiResponse response = identity.send(request);
        int status = response.status();
        if (status == 400 || status == 401 || status == 403 || status == 404) {
            ApiException refusal = Transport.error(response);
            String message = refusal.serverMessage().isBlank() ? "" : ": " + refusal.serverMessage();
            // a 404 about a token is Keystone's "Could not find token."; any other 404 means a wrong URL
            boolean wrongUrl = status == 404 && !refusal.serverMessage().toLowerCase(Locale.ROOT).contains("token");
            String advice = wrongUrl ? " (is the identity URL right?)" : (status == 401 || status == 404)
                    && !hint.isEmpty() ? " (" + hint + ")" : "";
            throw new AuthenticationException(Secrets.redact("could not sign in to " + url + " as " + who + ": "
                    + status + " " + ApiException.reason(status) + message + advice), refusal);
        }
        if (!response.ok()) {
            throw Transport.error(response);
        }
        return response;
    }

    /** The answer's JSON object; a body that is not one is a failed sign-in, not a parse error deep inside. */
    public static JsonObject answer(ApiResponse response, URI url) {
        try {
            return response.jsonObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new AuthenticationException("the identity service at " + url + " answered " + response.status()
                    + " with something that is not a JSON object (is the identity URL right?)", e);
        }
    }

    /** For an answer without a token where one belongs. */
    public static AuthenticationException malformed(URI url, String what) {
        return new AuthenticationException("the identity service at " + url + " answered without " + what
                + " (is the identity URL right?)");
    }

    /** A JSON object member, or an empty object. */
    public static JsonObject object(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject ? o.getJsonObject(key) : JsonObject.EMPTY_JSON_OBJECT;
    }
}
