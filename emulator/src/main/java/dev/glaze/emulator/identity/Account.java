package dev.glaze.emulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

/**
 * A user of the identity service: its credentials, its one project and its roles there. Keystone users have
 * a default project; Rackspace users one tenant: here both are {@code project}.
 *
 * @param password null when the user may only use its API key
 * @param apiKey null when the user may only use its password
 */
public record Account(String id, String name, String password, String apiKey, Project project, List<String> roles,
        String defaultRegion) {

    /** The project (tenant) an account works in. */
    public record Project(String id, String name) {
    }

    public Account {
        roles = List.copyOf(roles);
    }

    /** Keystone's default domain: the only one here. */
    static final String DOMAIN_ID = "default";
    static final String DOMAIN_NAME = "Default";

    /** A stable 32-hex id for a named thing, shaped like Keystone's ids. */
    static String stableId(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    boolean passwordMatches(String given) {
        return secretMatches(password, given);
    }

    boolean apiKeyMatches(String given) {
        return secretMatches(apiKey, given);
    }

    /** Compares in constant time, so the answer's timing tells nothing about how much of a secret was right. */
    private static boolean secretMatches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the password or API key: accounts end up in debugger views and log lines. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", name=" + name + ", project=" + project + ", roles=" + roles + "]";
    }
}
