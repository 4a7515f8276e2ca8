package dev.glaze.core.config;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;

/**
 * Settings for a {@link Cloud} read from the environment or from {@code clouds.yaml}. (Being written.)
 */
public final class CloudConfig {
    private CloudConfig() {
    }

    public static CloudConfig fromEnvironment() {
        throw new ConfigurationException("reading the environment is not written yet");
    }

    public static CloudConfig named(String name) {
        throw new ConfigurationException("clouds.yaml is not read yet");
    }

    public Cloud.Builder toBuilder() {
        return Cloud.builder();
    }
}
