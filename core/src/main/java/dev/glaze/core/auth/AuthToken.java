package dev.glaze.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token from signing in, with what came with it: when it expires, the project it is scoped to, and the service
 * catalog. {@link #toString()} never shows the token itself.
 */
public final class AuthToken {
    private final String id;
    private final Instant expiresAt;
    private final String projectId;
    private final String projectName;
    private final String userId;
    private final String defaultRegion;
    private final ServiceCatalog catalog;

    public AuthToken(String id, Instant expiresAt, String projectId, String projectName, String userId,
            String defaultRegion, ServiceCatalog catalog) {
        this.id = Objects.requireNonNull(id, "id");
        this.expiresAt = expiresAt;
        this.projectId = projectId;
        this.projectName = projectName;
        this.userId = userId;
        this.defaultRegion = defaultRegion;
        this.catalog = catalog == null ? ServiceCatalog.EMPTY : catalog;
    }

    /** The value for {@code X-Auth-Token}. */
    public String id() {
        return id;
    }

    /** When the token stops working; empty when the service did not say (a token given by hand). */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    public Optional<String> projectName() {
        return Optional.ofNullable(projectName);
    }

    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** Rackspace's {@code RAX-AUTH:defaultRegion} of the user, when the identity service names one. */
    public Optional<String> defaultRegion() {
        return Optional.ofNullable(defaultRegion);
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    @Override
    public String toString() {
        return "AuthToken{project=" + projectId + ", expires=" + expiresAt + ", catalog=" + catalog + "}";
    }
}
