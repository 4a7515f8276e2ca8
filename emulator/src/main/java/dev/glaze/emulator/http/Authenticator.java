package dev.glaze.emulator.http;

/** Decides who is asking, before a request reaches a route that needs to know. */
@FunctionalInterface
public interface Authenticator {
    /**
     * No identity service: the caller is who its {@code X-Project-Id}, {@code X-User-Id} and {@code X-Roles} headers
     * say (what keystonemiddleware would have set), by default project {@code local} with every role.
     */
    Authenticator HEADERS = ex -> RequestContext.fromHeaders(
            ex.header("X-Project-Id"), ex.header("X-User-Id"), ex.header("X-Roles"));

    /** Who is asking; throws an {@link HttpError} (401) when the request must carry a valid token and does not. */
    RequestContext authenticate(Exchange exchange);
}
