package dev.glaze.emulator.swift;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.http.Router;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The object storage API under {@code /v1}, as Swift (Rackspace Cloud Files) offers it, on an {@link ObjectStore}.
 * Every answer, errors included, is in Swift's shape rather than Glance's.
 *
 * <p>An object name may hold any number of slashes, so one route takes everything after {@code /v1}, raw, and
 * {@link SwiftPath} splits it.
 */
public final class SwiftApi {
    private static final Logger LOG = Logger.getLogger(SwiftApi.class.getName());
    /** Methods routed here; Swift's answer to the ones a resource does not take is 405 with {@code Allow}. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "DELETE", "POST", "COPY", "OPTIONS",
            "PATCH");
    private static final String ACCOUNT_METHODS = "GET, HEAD";
    private static final String CONTAINER_METHODS = "GET, HEAD, PUT, DELETE";

    private final AccountApi accounts;
    private final ContainerApi containers;
    private final ObjectApi objects;

    private SwiftApi(ObjectStore store) {
        this.accounts = new AccountApi(store);
        this.containers = new ContainerApi(store);
        this.objects = new ObjectApi(store);
    }

    /** The mount for first path segment {@code v1}; it must come before any mount that also takes {@code v1}. */
    public static Mount mount(ObjectStore store) {
        SwiftApi api = new SwiftApi(store);
        Router router = new Router();
        for (String method : METHODS) {
            router.on(method, "/v1/{rest*}", api::serve);
        }
        return new Mount("v1"::equals, java.util.function.UnaryOperator.identity(), router, true);
    }

    private void serve(Exchange ex) throws IOException {
        SwiftAnswer answer = new SwiftAnswer(ex);
        try {
            SwiftPath path = SwiftPath.parse(ex.param("rest"));
            // keystoneauth's rule: a project may use its own account only.
            if (!path.account().equals("AUTH_" + ex.context().project())) {
                throw SwiftException.of(403);
            }
            checkNames(path);
            route(new SwiftRequest(ex, path, answer));
        } catch (SwiftException e) {
            answer.error(e);
        } catch (HttpError e) {
            answer.error(SwiftException.withReason(e.status(), e.explanation()));
        } catch (RuntimeException e) {
            if (answer.started()) {
                throw e;
            }
            LOG.log(Level.WARNING, "failed to serve " + ex.method() + " " + ex.path(), e);
            answer.error(SwiftException.of(500));
        }
    }

    private static void checkNames(SwiftPath path) {
        ObjectNames.checkAccount(path.account());
        if (path.level() != SwiftPath.Level.ACCOUNT) {
            ObjectNames.checkContainer(path.container());
        }
        if (path.level() == SwiftPath.Level.OBJECT) {
            ObjectNames.checkObject(path.object());
        }
    }

    private void route(SwiftRequest req) throws IOException {
        String method = req.exchange().method();
        switch (req.path().level()) {
            case ACCOUNT -> {
                switch (method) {
                    case "GET" -> accounts.list(req);
                    case "HEAD" -> accounts.head(req);
                    default -> throw notAllowed(ACCOUNT_METHODS);
                }
            }
            case CONTAINER -> {
                switch (method) {
                    case "GET" -> containers.list(req);
                    case "HEAD" -> containers.head(req);
                    case "PUT" -> containers.put(req);
                    case "DELETE" -> containers.delete(req);
                    default -> throw notAllowed(CONTAINER_METHODS);
                }
            }
            case OBJECT -> {
                switch (method) {
                    case "GET", "HEAD" -> objects.get(req);
                    case "PUT" -> objects.put(req);
                    case "DELETE" -> objects.delete(req);
                    default -> throw notAllowed(CONTAINER_METHODS);
                }
            }
            default -> throw new IllegalStateException("unknown level " + req.path().level());
        }
    }

    private static SwiftException notAllowed(String allow) {
        return SwiftException.of(405).header("Allow", allow);
    }
}
