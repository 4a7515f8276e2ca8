package dev.glaze.core.config;

import dev.glaze.core.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One {@code clouds:} entry (already merged with secure.yaml) as {@link RawConfig}. */
final class YamlCloud {
    /** Settings beside {@code auth}; everything else of glaze's lives inside it. */
    private static final Set<String> TOP = Set.of("auth_type", "region_name", "interface", "image_endpoint_override",
            "identity_api_version", "regions");

    private YamlCloud() {
    }

    static RawConfig toRaw(String name, Map<String, Object> cloud, String origin) {
        RawConfig raw = new RawConfig(name, origin, k -> TOP.contains(k) ? k : "auth." + k);
        Object auth = cloud.get("auth");
        if (auth != null && !(auth instanceof Map)) {
            throw new ConfigurationException(origin + ": auth must be a mapping (auth_url, username, ...)");
        }
        if (auth != null) {
            for (Map.Entry<String, Object> e : CloudsYaml.asMap(auth).entrySet()) {
                String key = e.getKey().replace('-', '_');
                raw.put(key, scalar(e.getValue(), origin, "auth." + e.getKey()), "auth." + e.getKey());
            }
        }
        for (Map.Entry<String, Object> e : cloud.entrySet()) {
            String key = e.getKey().replace('-', '_');
            if (key.equals("regions") || (key.equals("region_name") && e.getValue() instanceof List)) {
                regions(raw, e.getValue(), origin, e.getKey());
            } else if (TOP.contains(key)) {
                raw.put(key, scalar(e.getValue(), origin, e.getKey()), e.getKey());
            }
        }
        return raw;
    }

    /** {@code regions: [IAD, ORD]} or {@code regions: [{name: IAD, values: {...}}]}; the first is the default. */
    private static void regions(RawConfig raw, Object value, String origin, String key) {
        if (!(value instanceof List)) {
            throw new ConfigurationException(origin + ": " + key + " must be a list of region names");
        }
        for (Object r : (List<?>) value) {
            Object n = r instanceof Map ? ((Map<?, ?>) r).get("name") : r;
            if (n == null || n instanceof Map || n instanceof List) {
                throw new ConfigurationException(origin + ": each of " + key + " must be a name or {name: ...}");
            }
            raw.regions.add(String.valueOf(n).strip());
        }
    }

    private static String scalar(Object v, String origin, String key) {
        if (v instanceof Map || v instanceof List) {
            throw new ConfigurationException(origin + ": " + key + " must be a single value, not a "
                    + (v instanceof Map ? "mapping" : "list"));
        }
        String text = v == null ? null : String.valueOf(v);
        // the failsafe schema leaves YAML's null words as text: they mean "not set"
        return text == null || Set.of("~", "null", "Null", "NULL").contains(text) ? null : text;
    }
}
