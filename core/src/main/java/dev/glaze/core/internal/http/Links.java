package dev.glaze.core.internal.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * URL rules of the Image service (contract 1.1, 1.2): a catalog URL that ends in a version ({@code .../v2},
 * {@code .../v2.1/}) loses it, because every path glaze builds starts with {@code /v2}; links in bodies
 * ({@code next}, {@code self}, {@code file}) are server-relative paths that already hold {@code /v2} and are appended
 * to that base (not resolved against the host root, which would break {@code http://host/image} deployments).
 */
public final class Links {
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

    private Links() {
    }

    /** {@code https://iad.images.api.rackspacecloud.com/v2/} becomes {@code https://iad.images.api.rackspacecloud.com}. */
    public static URI imageBase(URI endpoint) {
        String s = endpoint.toString();
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        s = stripSlashes(s);
        int slash = s.lastIndexOf('/');
        if (slash > s.indexOf("//") + 1 && VERSION.matcher(s.substring(slash + 1)).matches()) {
            s = s.substring(0, slash);
        }
        return URI.create(stripSlashes(s));
    }

    /** A server-relative link ({@code /v2/images?marker=...}) or an absolute one, against the base. */
    public static URI join(URI base, String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return URI.create(link);
        }
        String b = stripSlashes(base.toString());
        return URI.create(link.startsWith("/") ? b + link : b + "/" + link);
    }

    /** One path segment, percent-encoded (a tag or object name may hold {@code /}, spaces, {@code %}). */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An object path in Swift: each {@code /}-separated part encoded, the slashes kept. */
    public static String objectPath(String name) {
        StringJoiner j = new StringJoiner("/");
        for (String part : name.split("/", -1)) {
            j.add(segment(part));
        }
        return j.toString();
    }

    public static String query(Iterable<Map.Entry<String, String>> params) {
        StringJoiner j = new StringJoiner("&");
        for (Map.Entry<String, String> p : params) {
            j.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    private static String stripSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
