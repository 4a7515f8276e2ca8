package dev.glaze.core.internal.auth;

import dev.glaze.core.auth.AuthToken;
import dev.glaze.core.auth.Authenticator;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.TokenProvider;
import dev.glaze.core.internal.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in session shared by every region of one cloud: signs in on first use, reuses the token, signs in again
 * when less than {@link #EARLY} of its life is left (as keystoneauth does) or after the service refused it.
 * One lock: threads that need a token while one signs in wait for that sign-in instead of starting their own.
 *
 * <pre>{@code
 * Session session = cloud.context().session().orElseThrow();
 * String token = session.token();      // signs in the first time, then reuses the token
 * int count = session.signIns();
 * }</pre>
 */
public final class Session implements TokenProvider {
    /** Sign in again this long before the token expires, so no request goes out with a token about to die. */
    public static final Duration EARLY = Duration.ofMinutes(2);

    private final Authenticator authenticator;
    private final Transport identity;
    private final Clock clock;
    private AuthToken current;
    private Instant obtainedAt;
    private Instant lastRenewalAfterRejection;
    /** After a refused token was replaced, the next refusal within this time reaches the caller. */
    public static final Duration REJECTION_PAUSE = Duration.ofSeconds(30);
    private int signIns;

    public Session(Authenticator authenticator, Transport identity, Clock clock) {
        this.authenticator = authenticator;
        this.identity = identity;
        this.clock = clock;
    }

    /** The current token, signing in first when there is none or it is about to expire. */
    public synchronized AuthToken authToken() {
        if (current == null || expiresSoon(current)) {
            current = null;   // a failed sign-in leaves none: the next call tries again
            AuthToken fresh = authenticator.authenticate(identity);
            Secrets.register(fresh.id());
            obtainedAt = Instant.now(clock);
            current = fresh;
            signIns++;
        }
        return current;
    }

    @Override
    public String token() {
        return authToken().id();
    }

    /**
     * Forgets a refused token so that the next request signs in again, but at most once in {@link #REJECTION_PAUSE}:
     * a service that refuses even fresh tokens (a scope or proxy problem) gets the 401 to the caller instead of a
     * sign-in before every request.
     */
    @Override
    public synchronized boolean refreshAfterRejection(String rejected) {
        if (current == null || !current.id().equals(rejected)) {
            return true; // another request renewed it already: send again with the new one
        }
        Instant now = Instant.now(clock);
        if (lastRenewalAfterRejection != null && now.isBefore(lastRenewalAfterRejection.plus(REJECTION_PAUSE))) {
            return false;
        }
        lastRenewalAfterRejection = now;
        current = null; // the next token() signs in again
        return true;
    }

    /** The token held now, without signing in (for names and messages). */
    public synchronized java.util.Optional<AuthToken> heldToken() {
        return java.util.Optional.ofNullable(current);
    }

    /** How many times this session signed in (for specs and the debug log). */
    public synchronized int signIns() {
        return signIns;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * Less than {@link #EARLY} left; for a token that lives less than twice that (a test service's), less than half
     * its life, so a short-lived token is still reused instead of signing in before every request.
     */
    private boolean expiresSoon(AuthToken token) {
        return token.expiresAt().map(at -> {
            Duration early = EARLY;
            Duration life = Duration.between(obtainedAt, at);
            if (life.compareTo(EARLY.multipliedBy(2)) < 0) {
                early = life.dividedBy(2);
            }
            return !Instant.now(clock).plus(early).isBefore(at);
        }).orElse(false);
    }
}
