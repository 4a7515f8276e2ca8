package dev.glaze.emulator.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@code METHOD /path/{param}} to handlers. An unknown path is 404; a known path with another
 * method is 405 with an {@code Allow} header listing the methods in the order they were added, as Glance does.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    private static final class Route {
        final String[] segments;
        final Map<String, Handler> handlers = new LinkedHashMap<>();

        Route(String pattern) {
            this.segments = split(pattern);
        }

        /** True when the last segment is {@code {name*}}: it takes the rest of the raw path, slashes and all. */
        boolean hasRest() {
            return segments.length > 0 && segments[segments.length - 1].endsWith("*}");
        }

        Map<String, String> match(String[] path, String rawPath) {
            int fixed = hasRest() ? segments.length - 1 : segments.length;
            if (hasRest() ? path.length < fixed : path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            if (hasRest()) {
                String last = segments[fixed];
                params.put(last.substring(1, last.length() - 2), rawRest(rawPath, fixed));
            }
            for (int i = 0; i < fixed; i++) {
                String s = segments[i];
                if (s.startsWith("{")) {
                    params.put(s.substring(1, s.length() - 1), path[i]);
                } else if (!s.equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }

    /** The raw (still percent-encoded) path after its first {@code skip} segments, from the slash that ends them. */
    private static String rawRest(String rawPath, int skip) {
        int at = 0;
        for (int i = 0; i < skip; i++) {
            int slash = rawPath.indexOf('/', at + 1);
            if (slash < 0) {
                return "";
            }
            at = slash;
        }
        return rawPath.substring(at);
    }

    /**
     * Adds a route. A pattern's segments are literals or {@code {name}} (one decoded segment); the last may be
     * {@code {name*}}, which takes the rest of the path raw, for resources whose names hold slashes.
     */
    public Router on(String method, String pattern, Handler handler) {
        String[] segments = split(pattern);
        Route route = routes.stream().filter(r -> java.util.Arrays.equals(r.segments, segments)).findFirst()
                .orElseGet(() -> {
                    Route r = new Route(pattern);
                    routes.add(r);
                    return r;
                });
        route.handlers.put(method, handler);
        return this;
    }

    /**
     * Serves the request if one of the routes has its path: false when none has (the caller may try elsewhere);
     * a path that matches with another method is 405.
     */
    public boolean tryDispatch(Exchange exchange) throws IOException {
        String[] path = splitDecoded(exchange.path());
        for (Route route : routes) {
            Map<String, String> params = route.match(path, exchange.path());
            if (params == null) {
                continue;
            }
            Handler handler = route.handlers.get(exchange.method());
            if (handler == null) {
                throw HttpError.of(405, "The method " + exchange.method() + " is not allowed for this resource.")
                        .header("Allow", String.join(", ", route.handlers.keySet()));
            }
            exchange.params(params);
            handler.handle(exchange);
            return true;
        }
        return false;
    }

    /** Serves the request, or answers 404 when no route has its path. */
    public void dispatch(Exchange exchange) throws IOException {
        if (!tryDispatch(exchange)) {
            throw HttpError.notFound();
        }
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** Decodes, then splits: as in Glance, an encoded slash ({@code %2F}) in an id or tag is a separator. */
    private static String[] splitDecoded(String rawPath) {
        return split(PathCodec.decodeWsgi(rawPath));
    }
}
