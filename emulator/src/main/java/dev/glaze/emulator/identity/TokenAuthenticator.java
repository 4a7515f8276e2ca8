package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.Authenticator;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.RequestContext;
import java.util.Set;

/**
 * What keystonemiddleware does in front of Glance: a request needs a live, project-scoped {@code X-Auth-Token}, and
 * the token alone says who is asking ({@code X-Project-Id} and {@code X-Roles} headers are ignored, so a caller cannot
 * claim another project). Anything else is 401 with keystonemiddleware's JSON body, whatever the {@code Accept}.
 */
final class TokenAuthenticator implements Authenticator {
    private final TokenStore tokens;

    TokenAuthenticator(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public RequestContext authenticate(Exchange ex) {
        // An unscoped token names no project, so it cannot act on images (a real Glance would fail later, on policy).
        Token token = tokens.find(ex.header("X-Auth-Token")).filter(Token::scoped)
                .orElseThrow(() -> IdentityErrors.unauthorized(ex.baseUrl()));
        Account account = token.account();
        return new RequestContext(account.project().id(), account.id(), Set.copyOf(account.roles()));
    }
}
