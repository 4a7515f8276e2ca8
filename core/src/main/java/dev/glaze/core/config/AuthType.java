package dev.glaze.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a {@link CloudConfig} gets its token, with the {@code auth_type} / {@code OS_AUTH_TYPE} names that select it.
 *
 * <pre>{@code
 * if (CloudConfig.fromEnvironment().getAuthType() == AuthType.RACKSPACE_API_KEY) { ... }
 * }</pre>
 */
public enum AuthType {
    /** No sign-in: an image endpoint given by hand, with a token from elsewhere or none ({@code auth_type: none}). */
    ENDPOINT("none", "noauth", "admin_token"),
    /** Keystone v3 password ({@code password}, {@code v3password}). */
    V3_PASSWORD("v3password", "password"),
    /** Keystone v3 token method ({@code token}, {@code v3token}). */
    V3_TOKEN("v3token", "token"),
    /** Keystone v3 application credential ({@code v3applicationcredential}). */
    V3_APPLICATION_CREDENTIAL("v3applicationcredential", "application_credential"),
    /** Rackspace Identity v2.0 API key ({@code rackspace_apikey}, {@code rax_apikey}). */
    RACKSPACE_API_KEY("rackspace_apikey", "rax_apikey"),
    /** Rackspace Identity v2.0 password ({@code v2password}, or {@code password} with a {@code /v2.0} identity URL). */
    RACKSPACE_PASSWORD("rackspace_password", "rax_password", "v2password"),
    /** A sign-in method a plugin brings, for an {@code auth_type} name glaze itself does not know. */
    PLUGIN();

    private final List<String> names;

    AuthType(String... names) {
        this.names = List.of(names);
    }

    /** The name written in clouds.yaml for this type ({@code plugin} for a plugin's: its own names vary). */
    public String wireName() {
        return names.isEmpty() ? "plugin" : names.get(0);
    }

    /** The names {@code auth_type} may give for this type. */
    public List<String> names() {
        return names;
    }

    /** Whether this type signs in at a Rackspace Identity v2.0 URL. */
    public boolean isRackspace() {
        return this == RACKSPACE_API_KEY || this == RACKSPACE_PASSWORD;
    }

    /** The type an {@code auth_type} name selects (case and {@code -}/{@code _} ignored). */
    public static Optional<AuthType> fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (AuthType t : values()) {
            if (t.names.contains(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static String known() {
        StringBuilder b = new StringBuilder();
        for (AuthType t : values()) {
            for (String n : t.names) {
                b.append(b.length() == 0 ? "" : ", ").append(n);
            }
        }
        return b.toString();
    }
}
