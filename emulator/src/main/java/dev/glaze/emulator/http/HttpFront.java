package dev.glaze.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one JDK handler: normalises the version prefix, answers the version document, dispatches to the
 * router and turns every failure into a proper error answer. A request never gets a bare connection reset.
 */
public final class HttpFront implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());

    /** Answers a path outside the versioned API (such as {@code /} or {@code /versions}). */
    public interface Unversioned {
        void handle(Exchange exchange, boolean versionsPath) throws IOException;
    }

    private final java.util.List<Mount> mounts;
    private final Predicate<String> versioned;
    private final Authenticator authenticator;
    private final Unversioned unversioned;
    private final boolean jsonErrors;
    private final int maxJsonBytes;
    private final String prefix;

    /**
     * @param mounts tried in order; the first whose router has the request's path serves it
     * @param versioned first path segments that name a known API version: a path there that no mount serves is 404,
     *        any other path gets the versions document (300), as Glance's version negotiation does
     */
    public HttpFront(java.util.List<Mount> mounts, Predicate<String> versioned, Authenticator authenticator,
            Unversioned unversioned, boolean jsonErrors, int maxJsonBytes) {
        this.mounts = java.util.List.copyOf(mounts);
        this.versioned = versioned;
        this.authenticator = authenticator;
        this.unversioned = unversioned;
        this.jsonErrors = jsonErrors;
        this.maxJsonBytes = maxJsonBytes;
        this.prefix = "";
    }

    private HttpFront(HttpFront front, String prefix) {
        this.mounts = front.mounts;
        this.versioned = front.versioned;
        this.authenticator = front.authenticator;
        this.unversioned = front.unversioned;
        this.jsonErrors = front.jsonErrors;
        this.maxJsonBytes = front.maxJsonBytes;
        this.prefix = prefix;
    }

    /** The same front for a context mounted under {@code prefix} (e.g. {@code /DFW}), which it strips from paths. */
    public HttpFront under(String prefix) {
        return new HttpFront(this, prefix);
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        Exchange ex = null;
        try {
            String raw = http.getRequestURI().getRawPath().substring(prefix.length());
            if (raw.isEmpty()) {
                raw = "/";
            }
            String first = firstSegment(raw);
            for (Mount mount : mounts) {
                if (!mount.firstSegment().test(first)) {
                    continue;
                }
                ex = new Exchange(http, mount.rewrite().apply(raw), maxJsonBytes);
                if (mount.authenticated()) {
                    ex.context(authenticator.authenticate(ex));
                }
                if (mount.router().tryDispatch(ex)) {
                    return;
                }
            }
            if (ex == null) {
                ex = new Exchange(http, raw, maxJsonBytes);
            }
            if (first.equals("healthcheck")) {
                ex.sendBytes(200, "text/plain; charset=UTF-8", "OK".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (versioned.test(first)) {
                throw HttpError.notFound();
            } else {
                unversioned.handle(ex, first.equals("versions"));
            }
        } catch (HttpError e) {
            answer(http, ex, e);
        } catch (RuntimeException | IOException e) {
            if (ex != null && ex.answered()) {
                LOG.log(Level.FINE, "connection ended while answering " + http.getRequestURI(), e);
            } else {
                LOG.log(Level.WARNING, "failed to serve " + http.getRequestMethod() + " " + http.getRequestURI(), e);
                answer(http, ex, HttpError.of(500, "The server could not complete the request: " + e));
            }
        } finally {
            http.close();
        }
    }

    private void answer(HttpExchange http, Exchange ex, HttpError error) throws IOException {
        if (ex != null && ex.answered()) {
            return;
        }
        Exchange target = ex != null ? ex : new Exchange(http, http.getRequestURI().getRawPath(), maxJsonBytes);
        try {
            drain(http);
            target.sendError(error, jsonErrors);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not send the error answer", e);
        }
    }

    /**
     * Reads (and drops) what is left of the request body before an error answer, so the client, still sending,
     * reads the answer instead of a connection reset. Beyond 64 MiB the connection is cut instead.
     */
    private static void drain(HttpExchange http) {
        try {
            byte[] buf = new byte[8192];
            long left = 64L << 20;
            int n;
            while (left > 0 && (n = http.getRequestBody().read(buf)) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    private static String firstSegment(String rawPath) {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
