package dev.glaze.plugin.rackspace;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.auth.Authenticator;
import dev.glaze.core.auth.Authenticators;
import dev.glaze.core.spi.AuthMethod;
import java.util.List;
import java.util.Map;

/**
 * Rackspace Identity v2.0 with an API key ({@code RAX-KSKEY:apiKeyCredentials}), at Rackspace's identity service
 * unless {@code auth_url} says otherwise; {@code project_id} (the account number) or {@code project_name} picks
 * the tenant.
 */
final class ApiKeyAuthMethod implements AuthMethod {
    @Override
    public List<String> authTypes() {
        return List.of("rackspace_apikey", "rax_apikey");
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("username", "api_key");
    }

    @Override
    public Authenticator authenticator(Map<String, String> settings) {
        for (String key : requiredSettings()) {
            String v = settings.get(key);
            if (v == null || v.isBlank()) {
                throw new ConfigurationException("Rackspace API-key sign-in needs " + key + " (clouds.yaml auth."
                        + key + ", or OS_" + key.toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
        String url = settings.getOrDefault("auth_url", Authenticators.RACKSPACE_IDENTITY);
        return Authenticators.rackspace(url == null || url.isBlank() ? Authenticators.RACKSPACE_IDENTITY : url)
                .username(settings.get("username")).apiKey(settings.get("api_key"))
                .tenantId(settings.get("project_id"))
                .tenantName(settings.get("project_id") == null ? settings.get("project_name") : null)
                .build();
    }
}
