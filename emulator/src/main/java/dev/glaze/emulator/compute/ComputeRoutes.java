package dev.glaze.emulator.compute;

import dev.glaze.emulator.api.Api;
import dev.glaze.emulator.http.Handler;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.http.Router;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Compute API's image listing, mounted under {@code /compute}: {@code /compute/{v1.1|v2|v2.1}/{tenant}/images},
 * {@code .../images/detail} and {@code .../images/{id}}. Any other path or method under {@code /compute} is 404, as
 * Nova's router answers what it has no route for.
 */
public final class ComputeRoutes {
    /** The first path segment of the Compute API, where a devstack serves Nova too. */
    public static final String FIRST_SEGMENT = "compute";

    private static final Pattern ROUTED = Pattern.compile("/compute/[^/]+/[^/]+/images(/[^/]+)?");
    /** Where every other path under /compute is sent, so that it is answered here (404), not elsewhere. */
    private static final String UNROUTED = "/compute/no-such-route";
    private static final List<String> OTHER_METHODS = List.of("HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private ComputeRoutes() {
    }

    /** The mount for {@code /compute}: authenticated, as Nova sits behind keystonemiddleware. */
    public static Mount mount(Api api) {
        return new Mount(FIRST_SEGMENT::equals, ComputeRoutes::routable, router(api), true);
    }

    static Router router(Api api) {
        ComputeImagesApi images = new ComputeImagesApi(api);
        Router r = new Router();
        // detail before {id}: the router takes the first route that matches
        on(r, "/compute/{version}/{tenant}/images", images::index);
        on(r, "/compute/{version}/{tenant}/images/detail", images::detail);
        on(r, "/compute/{version}/{tenant}/images/{id}", images::show);
        on(r, UNROUTED, null);
        return r;
    }

    /** Serves GET with {@code get}; other methods, for which Nova has no route here, are 404. */
    private static void on(Router r, String pattern, Handler get) {
        Handler noRoute = ex -> {
            throw HttpError.notFound();
        };
        r.on("GET", pattern, get == null ? noRoute : get);
        for (String method : OTHER_METHODS) {
            r.on(method, pattern, noRoute);
        }
    }

    /** The path itself when it has the shape of a route, else the catch-all. */
    static String routable(String rawPath) {
        return ROUTED.matcher(rawPath).matches() ? rawPath : UNROUTED;
    }
}
