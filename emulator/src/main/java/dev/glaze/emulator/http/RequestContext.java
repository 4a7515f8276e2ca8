package dev.glaze.emulator.http;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: the project (tenant) and roles of a request. With no identity service in front,
 * the {@code X-Project-Id} and {@code X-Roles} headers may name them, as keystonemiddleware would have set them.
 */
public record RequestContext(String project, String user, Set<String> roles) {
    public static final String DEFAULT_PROJECT = "local";
    public static final String DEFAULT_USER = "local";
    public static final Set<String> DEFAULT_ROLES = Set.of("admin", "member", "reader");

    public static RequestContext fromHeaders(String project, String user, String roles) {
        return new RequestContext(
                blank(project) ? DEFAULT_PROJECT : project.trim(),
                blank(user) ? DEFAULT_USER : user.trim(),
                blank(roles)
                        ? DEFAULT_ROLES
                        : Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                                .collect(Collectors.toUnmodifiableSet()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
