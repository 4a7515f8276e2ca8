package dev.glaze.core.config;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.internal.http.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code OS_*} variables (and the seed's {@code API_ENDPOINT}, {@code AUTH_TOKEN}) under clouds.yaml's names. */
final class EnvironmentReader {
    /** clouds.yaml key to the variables that set it, the first the usual one; two variables must agree. */
    static final Map<String, List<String>> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("auth_url", List.of("OS_AUTH_URL"));
        VARIABLES.put("auth_type", List.of("OS_AUTH_TYPE"));
        VARIABLES.put("identity_api_version", List.of("OS_IDENTITY_API_VERSION"));
        VARIABLES.put("username", List.of("OS_USERNAME"));
        VARIABLES.put("user_id", List.of("OS_USER_ID"));
        VARIABLES.put("password", List.of("OS_PASSWORD"));
        VARIABLES.put("project_name", List.of("OS_PROJECT_NAME", "OS_TENANT_NAME"));
        VARIABLES.put("project_id", List.of("OS_PROJECT_ID", "OS_TENANT_ID"));
        VARIABLES.put("user_domain_name", List.of("OS_USER_DOMAIN_NAME"));
        VARIABLES.put("user_domain_id", List.of("OS_USER_DOMAIN_ID"));
        VARIABLES.put("project_domain_name", List.of("OS_PROJECT_DOMAIN_NAME"));
        VARIABLES.put("project_domain_id", List.of("OS_PROJECT_DOMAIN_ID"));
        VARIABLES.put("domain_name", List.of("OS_DOMAIN_NAME"));
        VARIABLES.put("domain_id", List.of("OS_DOMAIN_ID"));
        VARIABLES.put("token", List.of("OS_TOKEN"));
        VARIABLES.put("application_credential_id", List.of("OS_APPLICATION_CREDENTIAL_ID"));
        VARIABLES.put("application_credential_name", List.of("OS_APPLICATION_CREDENTIAL_NAME"));
        VARIABLES.put("application_credential_secret", List.of("OS_APPLICATION_CREDENTIAL_SECRET"));
        VARIABLES.put("api_key", List.of("OS_API_KEY", "OS_RAX_API_KEY"));
        VARIABLES.put("region_name", List.of("OS_REGION_NAME"));
        VARIABLES.put("interface", List.of("OS_INTERFACE"));
        VARIABLES.put("image_endpoint_override", List.of("OS_IMAGE_URL", "OS_ENDPOINT"));
    }

    private EnvironmentReader() {
    }

    /** The {@code OS_*} settings present (possibly none). */
    static RawConfig read(Map<String, String> env) {
        RawConfig raw = new RawConfig(null, "the environment", EnvironmentReader::variable);
        for (Map.Entry<String, List<String>> e : VARIABLES.entrySet()) {
            String chosen = null;
            String chosenFrom = null;
            for (String var : e.getValue()) {
                String value = value(env, var);
                if (value == null) {
                    continue;
                }
                if (RawConfig.SECRET_KEYS.contains(e.getKey())) {
                    Secrets.register(value);
                }
                if (chosen != null && !chosen.strip().equals(value.strip())) {
                    throw new ConfigurationException(chosenFrom + " and " + var + " are both set and differ:"
                            + " unset one of them");
                }
                if (chosen == null) {
                    chosen = value;
                    chosenFrom = var;
                }
            }
            raw.put(e.getKey(), chosen, chosenFrom);
        }
        return raw;
    }

    /** The seed's pair: an image endpoint and a token obtained elsewhere; null when neither is set. */
    static RawConfig seed(Map<String, String> env) {
        String endpoint = value(env, "API_ENDPOINT");
        String token = value(env, "AUTH_TOKEN");
        if (endpoint == null && token == null) {
            return null;
        }
        Secrets.register(token);
        if (endpoint == null) {
            throw new ConfigurationException("AUTH_TOKEN is set but API_ENDPOINT is not: set API_ENDPOINT to the"
                    + " image service URL (or use OS_CLOUD or OS_AUTH_URL)");
        }
        if (token == null) {
            throw new ConfigurationException("API_ENDPOINT is set but AUTH_TOKEN is not: set AUTH_TOKEN to a token"
                    + " for " + endpoint + " (any text for a service without authentication)");
        }
        RawConfig raw = new RawConfig(null, "the environment", k -> k.equals("token") ? "AUTH_TOKEN" : "API_ENDPOINT");
        raw.put("auth_type", AuthType.ENDPOINT.wireName(), "API_ENDPOINT");
        raw.put("image_endpoint_override", endpoint, "API_ENDPOINT");
        raw.put("token", token, "AUTH_TOKEN");
        return raw;
    }

    static String value(Map<String, String> env, String name) {
        Object o = ((Map<?, ?>) env).get(name);   // a Groovy map may hold GStrings
        String v = o == null ? null : o.toString();
        return v == null || v.isBlank() ? null : v;
    }

    /** The usual variable for a clouds.yaml key. */
    static String variable(String key) {
        List<String> vars = VARIABLES.get(key);
        return vars == null ? key : vars.get(0);
    }
}
