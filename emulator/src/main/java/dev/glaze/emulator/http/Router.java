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

        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
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
            Map<String, String> params = route.match(path);
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
