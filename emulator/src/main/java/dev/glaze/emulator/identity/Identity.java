package dev.glaze.emulator.identity;

import dev.glaze.emulator.AuthMode;
import dev.glaze.emulator.ServiceConfig;
import dev.glaze.emulator.http.Authenticator;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.http.Router;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The identity side of the emulator: Keystone v3 ({@code /v3/auth/tokens}) and Rackspace Identity v2.0
 * ({@code /v2.0/tokens}) token endpoints, and the {@link Authenticator} that decides who is asking the image service.
 * With {@link AuthMode#NONE} the endpoints hand anyone a token for project {@code local} and the image service takes
 * no token; with {@link AuthMode#KEYSTONE} both check the users file.
 */
public final class Identity {
    private final Directory directory;
    private final TokenStore tokens;
    private final Catalog catalog;

    private Identity(Directory directory, TokenStore tokens, Catalog catalog) {
        this.directory = directory;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    /**
     * Reads the users file when the mode needs one.
     *
     * @throws IllegalArgumentException naming the users file and what is wrong with it
     */
    public static Identity create(ServiceConfig config) {
        Directory directory = config.auth() == AuthMode.KEYSTONE
                ? UsersFile.load(config.usersFile(), config.regions())
                : Directory.open(config.regions().get(0));
        return new Identity(directory, new TokenStore(config.tokenTtl(), Clock.systemUTC()),
                new Catalog(config.regions()));
    }

    /** True for the first path segments the identity endpoints live under. */
    public static boolean servesSegment(String segment) {
        return segment.equals("v3") || segment.equals("v2.0");
    }

    /**
     * The identity routes. Try this mount before the images mount: {@code /v2.0} is also a Glance version prefix, and
     * {@code /v2.0/images} has no route here, so it falls through to the image service.
     */
    public Mount mount() {
        KeystoneTokensApi keystone = new KeystoneTokensApi(directory, tokens, catalog);
        RackspaceTokensApi rackspace = new RackspaceTokensApi(directory, tokens, catalog);
        Router r = new Router();
        r.on("GET", "/v3", keystone::version);
        r.on("GET", "/v3/", keystone::version);
        r.on("POST", "/v3/auth/tokens", keystone::issue);
        r.on("GET", "/v3/auth/tokens", keystone::validate);
        r.on("HEAD", "/v3/auth/tokens", keystone::validate);
        r.on("DELETE", "/v3/auth/tokens", keystone::revoke);
        r.on("POST", "/v2.0/tokens", rackspace::issue);
        return new Mount(Identity::servesSegment, UnaryOperator.identity(), r, false);
    }

    /** Who is asking the image service: the request's token with keystone auth, its headers without. */
    public Authenticator authenticator() {
        return directory.isOpen() ? Authenticator.HEADERS : new TokenAuthenticator(tokens);
    }
}
