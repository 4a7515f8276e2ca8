package dev.glaze.core.config;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.auth.Authenticator;
import dev.glaze.core.auth.Authenticators;
import dev.glaze.core.internal.auth.IdentityCall;
import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.plugins.Plugins;
import dev.glaze.core.spi.AuthMethod;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link RawConfig} into a checked {@link CloudConfig}: picks the way to sign in (from {@code auth_type}, or
 * from what is given, as keystoneauth's generic plugins do), and names the missing or contradictory setting in one
 * line when the settings do not add up.
 */
final class Resolver {
    private static final Set<String> INTERFACES = Set.of("public", "internal", "admin");
    private final RawConfig raw;
    private AuthMethod pluginMethod;

    private Resolver(RawConfig raw) {
        this.raw = raw;
    }

    static CloudConfig resolve(RawConfig raw) {
        try {
            return new Resolver(raw).resolve();
        } catch (ConfigurationException e) {
            throw new ConfigurationException(Secrets.redact(e.getMessage()));
        }
    }

    private CloudConfig resolve() {
        String authUrl = raw.get("auth_url");
        URI endpoint = endpoint();
        AuthType type = type(authUrl, endpoint);
        String region = raw.get("region_name");
        if (region == null && !raw.regions.isEmpty()) {
            region = raw.regions.get(0);
        }
        String iface = iface();
        Authenticator authenticator = type == AuthType.ENDPOINT ? null : authenticator(type, authUrl);
        String token = type == AuthType.ENDPOINT ? raw.get("token") : null;
        return new CloudConfig(raw.name, raw.origin, type, type == AuthType.ENDPOINT ? null : authUrl(type, authUrl),
                region, List.copyOf(raw.regions), iface, endpoint, raw.get("username") != null ? raw.get("username")
                : raw.get("user_id"), raw.get("project_name"), raw.get("project_id"), token, authenticator);
    }

    private AuthType type(String authUrl, URI endpoint) {
        String named = raw.get("auth_type");
        boolean v2 = authUrl != null && (IdentityCall.isV2(authUrl)
                || Optional.ofNullable(raw.get("identity_api_version")).orElse("3").startsWith("2"));
        AuthType type;
        if (named != null) {
            String normalized = named.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            // glaze's own names first: a plugin adds ways of signing in, it does not change the known ones
            type = AuthType.fromName(named).orElse(null);
            if (type == null) {
                pluginMethod = Plugins.discovered().authMethod(normalized).orElseThrow(() -> problem(
                        raw.label("auth_type") + " '" + named + "' is not a way glaze signs in; use one of: "
                                + AuthType.known() + pluginTypes()));
                return AuthType.PLUGIN;
            }
            if (type == AuthType.V3_PASSWORD && v2 && named.equalsIgnoreCase("password")) {
                type = AuthType.RACKSPACE_PASSWORD;   // the generic "password" follows the identity URL
            }
        } else if (has("application_credential_id") || has("application_credential_name")
                || has("application_credential_secret")) {
            type = AuthType.V3_APPLICATION_CREDENTIAL;
        } else if (has("api_key")) {
            type = AuthType.RACKSPACE_API_KEY;
        } else if (has("password")) {
            type = v2 ? AuthType.RACKSPACE_PASSWORD : AuthType.V3_PASSWORD;
        } else if (authUrl != null) {
            if (!has("token")) {
                throw problem(raw.label("auth_url") + " is set but no credentials are: set " + label("username")
                        + " and " + label("password") + ", or " + label("token") + ", or "
                        + label("application_credential_id") + " and " + label("application_credential_secret")
                        + ", or " + label("username") + " and " + label("api_key") + " (Rackspace)");
            }
            type = AuthType.V3_TOKEN;
        } else if (endpoint != null) {
            type = AuthType.ENDPOINT;
        } else if (has("token")) {
            throw problem(label("token") + " is set but not where to use it: set " + label("image_endpoint_override")
                    + " to the image service URL, or " + label("auth_url") + " to sign in with the token");
        } else {
            throw problem("no identity URL or image endpoint: set " + label("auth_url") + " (with credentials) or "
                    + label("image_endpoint_override"));
        }
        if (type.isRackspace() && authUrl != null && !v2 && authUrl.matches("(?i).*/v3/?$")) {
            throw problem((has("api_key") ? label("api_key") + " is a Rackspace API key, but " : "")
                    + label("auth_url") + " " + authUrl + " is Keystone v3: give the Rackspace identity URL"
                    + " (ending in /v2.0), or a password instead of the API key");
        }
        if (!type.isRackspace() && type != AuthType.ENDPOINT && v2) {
            throw problem(label("auth_url") + " " + authUrl + " is the v2.0 identity API, which glaze uses for"
                    + " Rackspace only (API key or password); for Keystone give its /v3 URL");
        }
        if (type == AuthType.ENDPOINT && endpoint == null) {
            throw problem(raw.label("auth_type") + " " + named + " needs the image endpoint: set "
                    + label("image_endpoint_override"));
        }
        return type;
    }

    private String authUrl(AuthType type, String authUrl) {
        if (type == AuthType.PLUGIN) {
            return authUrl;   // the plugin knows its default, if it has one
        }
        if (authUrl != null) {
            try {
                IdentityCall.keystoneTokens(authUrl);
            } catch (ConfigurationException notAUrl) {
                throw problem(label("auth_url") + " '" + authUrl + "' is not an absolute http(s) URL, e.g. "
                        + (type.isRackspace() ? Authenticators.RACKSPACE_IDENTITY : "https://keystone.example.com:5000/v3"));
            }
            return authUrl;
        }
        if (type.isRackspace()) {
            return Authenticators.RACKSPACE_IDENTITY;   // Rackspace has one identity service
        }
        throw problem(label("auth_url") + " is not set: give the Keystone URL, e.g. https://keystone.example.com:5000/v3");
    }

    private Authenticator authenticator(AuthType type, String givenUrl) {
        String authUrl = authUrl(type, givenUrl);
        if (type == AuthType.PLUGIN) {
            for (String key : pluginMethod.requiredSettings()) {
                need(key, "it, auth_type " + raw.get("auth_type") + " (from a plugin) needs it");
            }
            return pluginMethod.authenticator(raw.values());
        }
        switch (type) {
            case RACKSPACE_API_KEY:
                need("api_key", "the Rackspace API key");
                need("username", "the user whose API key " + label("api_key") + " is");
                return Authenticators.rackspace(authUrl).username(raw.get("username")).apiKey(raw.get("api_key"))
                        .tenantId(raw.get("project_id")).tenantName(has("project_id") ? null : raw.get("project_name"))
                        .build();
            case RACKSPACE_PASSWORD:
                need("password", "the password");
                need("username", "the user whose password " + label("password") + " is");
                return Authenticators.rackspace(authUrl).username(raw.get("username")).password(raw.get("password"))
                        .tenantId(raw.get("project_id")).tenantName(has("project_id") ? null : raw.get("project_name"))
                        .build();
            case V3_PASSWORD:
                need("password", "the password");
                if (!has("username") && !has("user_id")) {
                    throw problem(label("password") + " is set but neither " + label("username") + " nor "
                            + label("user_id") + " is: set one");
                }
                return keystone(authUrl).password(raw.get("password")).build();
            case V3_TOKEN:
                need("token", "the token to sign in with");
                return keystone(authUrl).token(raw.get("token")).build();
            default:
                need("application_credential_secret", "the application credential's secret");
                if (!has("application_credential_id")) {
                    need("application_credential_name", "the application credential (or set "
                            + label("application_credential_id") + ")");
                    if (!has("username") && !has("user_id")) {
                        throw problem(label("application_credential_name") + " is set but neither "
                                + label("username") + " nor " + label("user_id") + " is: an application credential"
                                + " given by name needs its user (or set " + label("application_credential_id") + ")");
                    }
                }
                return keystone(authUrl).applicationCredentialId(raw.get("application_credential_id"))
                        .applicationCredentialName(has("application_credential_id") ? null
                                : raw.get("application_credential_name"))
                        .applicationCredentialSecret(raw.get("application_credential_secret")).build();
        }
    }

    /**
     * User and scope. As openstacksdk does, {@code domain_*} fills the user's and project's domain when a project is
     * given, and is a domain scope otherwise.
     */
    private dev.glaze.core.auth.KeystoneAuthBuilder keystone(String authUrl) {
        boolean projectScoped = has("project_id") || has("project_name");
        String domainName = raw.get("domain_name");
        String domainId = raw.get("domain_id");
        var b = Authenticators.keystone(authUrl).username(has("user_id") ? null : raw.get("username"))
                .userId(raw.get("user_id"))
                .userDomainId(orElse("user_domain_id", projectScoped ? domainId : null))
                .userDomainName(orElse("user_domain_name", projectScoped ? domainName : null))
                .projectId(raw.get("project_id")).projectName(has("project_id") ? null : raw.get("project_name"))
                .projectDomainId(orElse("project_domain_id", projectScoped ? domainId : null))
                .projectDomainName(orElse("project_domain_name", projectScoped ? domainName : null));
        if (!projectScoped) {
            b.domainId(domainId).domainName(domainId == null ? domainName : null);
        }
        return b;
    }

    private URI endpoint() {
        String e = raw.get("image_endpoint_override");
        if (e == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(e);
        } catch (IllegalArgumentException bad) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw problem(raw.label("image_endpoint_override") + " '" + e + "' is not an absolute http(s) URL,"
                    + " e.g. https://iad.images.api.rackspacecloud.com/v2");
        }
        return uri;
    }

    private String iface() {
        String i = raw.get("interface");
        if (i == null) {
            return "public";
        }
        String n = i.toLowerCase(Locale.ROOT).replace("url", "");
        if (!INTERFACES.contains(n)) {
            throw problem(raw.label("interface") + " '" + i + "' is not an interface: use public, internal or admin");
        }
        return n;
    }

    /** The auth types the plugins on the class path bring, for the error that lists what may be used. */
    private static String pluginTypes() {
        StringBuilder b = new StringBuilder();
        for (var p : Plugins.discovered().list()) {
            p.authMethod().ifPresent(m -> m.authTypes().forEach(t -> b.append(", ").append(t)));
        }
        return b.toString();
    }

    private void need(String key, String what) {
        if (!has(key)) {
            throw problem(label(key) + " is not set: give " + what);
        }
    }

    private String orElse(String key, String fallback) {
        return has(key) ? raw.get(key) : fallback;
    }

    private boolean has(String key) {
        return raw.has(key);
    }

    private String label(String key) {
        return raw.label(key);
    }

    private ConfigurationException problem(String what) {
        return new ConfigurationException(raw.name == null ? what : raw.origin + ": " + what);
    }
}
