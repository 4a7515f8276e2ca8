package dev.glaze.core.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of text a person sees. Every token, password and API key glaze handles is registered here,
 * and every log line and error message goes through {@link #redact}; headers that carry secrets are masked by name.
 */
public final class Secrets {
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-subject-token", "authorization",
            "x-storage-token", "x-service-token", "proxy-authorization", "cookie", "set-cookie");
    // "password": "...", "apiKey": "...", "secret": "..." and friends inside JSON bodies
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:password|apiKey|api_key|secret)\"\\s*:\\s*\")([^\"]*)(\")", Pattern.CASE_INSENSITIVE);
    public static final String MASK = "<redacted>";

    private Secrets() {
    }

    /** Remembers a secret so that it is masked wherever it later appears. Short strings are ignored (no false hits). */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 6) {
            KNOWN.add(secret);
        }
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /** For bodies of sign-in requests and answers: masks secret-looking JSON members as well as known secrets. */
    public static String redactJson(String json) {
        return redact(JSON_SECRET.matcher(json).replaceAll("$1" + MASK + "$3"));
    }
}
