package dev.glaze.core.config;

import dev.glaze.core.internal.http.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings before they are checked, under clouds.yaml's key names ({@code auth_url}, {@code password},
 * {@code region_name}...), each remembering where it came from ({@code OS_PASSWORD}, {@code auth.password}) so that
 * a message names what the person wrote.
 */
final class RawConfig {
    static final Set<String> SECRET_KEYS = Set.of("password", "token", "application_credential_secret", "api_key");

    final String name;
    /** For messages: {@code the environment}, {@code cloud 'prod' in /home/me/clouds.yaml}. */
    final String origin;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Function<String, String> defaultLabel;
    final List<String> regions = new ArrayList<>();

    RawConfig(String name, String origin, Function<String, String> defaultLabel) {
        this.name = name;
        this.origin = origin;
        this.defaultLabel = defaultLabel;
    }

    void put(String key, String value, String label) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = SECRET_KEYS.contains(key) ? value : value.strip();
        if (SECRET_KEYS.contains(key)) {
            Secrets.register(v);
        }
        values.put(key, v);
        labels.put(key, label);
    }

    void remove(String key) {
        values.remove(key);
        labels.remove(key);
    }

    String get(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The name of the setting behind a key: where it came from, or what the person would write. */
    String label(String key) {
        return labels.getOrDefault(key, defaultLabel.apply(key));
    }

    Map<String, String> values() {
        return values;
    }

    /**
     * Values set here replace those of {@code base} (the environment over a clouds.yaml entry); a user or project
     * given by name or id replaces both forms of the base's.
     */
    void overlay(RawConfig over) {
        for (String[] group : new String[][] {{"username", "user_id"}, {"project_name", "project_id"},
                {"image_endpoint_override"}}) {
            boolean replaced = false;
            for (String k : group) {
                replaced |= over.has(k);
            }
            if (replaced) {
                for (String k : group) {
                    remove(k);
                }
            }
        }
        for (Map.Entry<String, String> e : over.values.entrySet()) {
            values.put(e.getKey(), e.getValue());
            labels.put(e.getKey(), over.label(e.getKey()));
        }
    }
}
