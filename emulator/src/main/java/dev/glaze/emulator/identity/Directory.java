package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may sign in. With {@code auth keystone} the accounts of the users file, checked by password or API key; with
 * {@code auth none} an open directory in which any credentials sign in to project {@code local}.
 */
public final class Directory {
    /** The one project of an open directory, the same the image service assumes when no one is named. */
    static final Account.Project LOCAL_PROJECT =
            new Account.Project(RequestContext.DEFAULT_PROJECT, RequestContext.DEFAULT_PROJECT);
    private static final List<String> ALL_ROLES = List.of("admin", "member", "reader");

    private final boolean open;
    private final String defaultRegion;
    private final Map<String, Account> byName = new LinkedHashMap<>();
    private final Map<String, Account> byId = new LinkedHashMap<>();

    private Directory(boolean open, String defaultRegion, List<Account> accounts) {
        this.open = open;
        this.defaultRegion = defaultRegion;
        for (Account a : accounts) {
            byName.put(a.name(), a);
            byId.put(a.id(), a);
        }
    }

    /** Anyone signs in, as whoever they say, to project {@code local} with every role. */
    public static Directory open(String defaultRegion) {
        return new Directory(true, defaultRegion, List.of());
    }

    /** Only these accounts sign in, with their own password or API key. */
    public static Directory of(List<Account> accounts) {
        return new Directory(false, null, accounts);
    }

    public boolean isOpen() {
        return open;
    }

    /** The account a user name and password sign in to; empty when either is wrong. */
    Optional<Account> byNameAndPassword(String name, String password) {
        if (open) {
            return Optional.of(anyone(name));
        }
        return Optional.ofNullable(byName.get(name)).filter(a -> a.passwordMatches(password));
    }

    /** The account a user id and password sign in to; empty when either is wrong. */
    Optional<Account> byIdAndPassword(String id, String password) {
        if (open) {
            return Optional.of(anyone(null));
        }
        return Optional.ofNullable(byId.get(id)).filter(a -> a.passwordMatches(password));
    }

    /** The account a user name and API key sign in to; empty when either is wrong. */
    Optional<Account> byNameAndApiKey(String name, String apiKey) {
        if (open) {
            return Optional.of(anyone(name));
        }
        return Optional.ofNullable(byName.get(name)).filter(a -> a.apiKeyMatches(apiKey));
    }

    /** Who a token this service never issued stands for: in an open directory anyone, else no one. */
    Optional<Account> forUnknownToken() {
        return open ? Optional.of(anyone(null)) : Optional.empty();
    }

    /** The open directory's account: the name the caller gave, the local project, every role. */
    private Account anyone(String name) {
        String n = name == null || name.isBlank() ? RequestContext.DEFAULT_USER : name;
        return new Account(RequestContext.DEFAULT_USER, n, null, null, LOCAL_PROJECT, ALL_ROLES, defaultRegion);
    }
}
