package dev.glaze.emulator.identity;

import java.time.Instant;
import java.util.List;

/**
 * An issued token: who it is for, whether it is scoped to the account's project, how it was obtained and how long
 * it lives. The id is the bearer secret.
 *
 * @param methods how the holder signed in, in Keystone's words ({@code password}, {@code token}); Rackspace's
 *        {@code APIKEY} appears as {@code apikey}
 */
public record Token(String id, Account account, boolean scoped, List<String> methods, Instant issuedAt,
        Instant expiresAt, String auditId) {

    public Token {
        methods = List.copyOf(methods);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never shows the id: tokens must not reach log lines. */
    @Override
    public String toString() {
        return "Token[account=" + account.name() + ", scoped=" + scoped + ", methods=" + methods + ", expiresAt="
                + expiresAt + "]";
    }
}
