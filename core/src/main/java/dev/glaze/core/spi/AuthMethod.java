package dev.glaze.core.spi;

import dev.glaze.core.auth.Authenticator;
import java.util.List;
import java.util.Map;

/**
 * A way of signing in that a plugin brings, chosen by {@code auth_type} (clouds.yaml) or {@code OS_AUTH_TYPE}.
 *
 * <pre>{@code
 * // clouds.yaml: auth_type: rackspace_apikey, auth: {auth_url: ..., username: me, api_key: ...}
 * Authenticator a = method.authenticator(Map.of("auth_url", url, "username", "me", "api_key", key));
 * }</pre>
 */
public interface AuthMethod {
    /** The {@code auth_type} names that select this method, e.g. {@code rackspace_apikey}. */
    List<String> authTypes();

    /** The settings it needs, for the error that names the missing one ({@code auth_url}, {@code username}, ...). */
    List<String> requiredSettings();

    /**
     * An authenticator from the {@code auth} settings (keys as in clouds.yaml). It never signs in by itself.
     *
     * @throws dev.glaze.core.ConfigurationException naming a missing or unusable setting (never its value)
     */
    Authenticator authenticator(Map<String, String> settings);
}
