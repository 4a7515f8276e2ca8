package dev.glaze.emulator.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tokens issued since start, in memory (a restart signs everyone out, as a Keystone with fresh fernet keys does).
 * Token ids are 256 random bits in hex: opaque, unguessable, and plain enough for every client and header.
 */
public final class TokenStore {
    /** Expired tokens are swept after this many issues, so a long run does not hoard them. */
    private static final int SWEEP_EVERY = 1024;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Duration ttl;
    private final Clock clock;

    public TokenStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token for the account, living for the configured time. */
    Token issue(Account account, boolean scoped, List<String> methods) {
        Instant now = clock.instant();
        return issue(account, scoped, methods, now, now.plus(ttl));
    }

    /** A new token that ends when the one it was made from does (Keystone's rule for token-for-token). */
    Token issue(Account account, boolean scoped, List<String> methods, Instant expiresAt) {
        return issue(account, scoped, methods, clock.instant(), expiresAt);
    }

    private Token issue(Account account, boolean scoped, List<String> methods, Instant issuedAt, Instant expiresAt) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        byte[] audit = new byte[16];
        random.nextBytes(audit);
        Token token = new Token(HexFormat.of().formatHex(id), account, scoped, methods, issuedAt, expiresAt,
                Base64.getUrlEncoder().withoutPadding().encodeToString(audit));
        if (issued.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        tokens.put(token.id(), token);
        return token;
    }

    /** The live token with this id; empty for an unknown, revoked or expired one. */
    public Optional<Token> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Token token = tokens.get(id.trim());
        if (token == null) {
            return Optional.empty();
        }
        if (token.isExpiredAt(clock.instant())) {
            tokens.remove(token.id());
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Ends a token now; false when there was no live token with this id. */
    boolean revoke(String id) {
        return find(id).map(t -> tokens.remove(t.id()) != null).orElse(false);
    }

    private void sweep() {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> t.isExpiredAt(now));
    }
}
