package dev.glaze.core;

/**
 * The settings do not describe a usable cloud: a missing or contradictory variable, an unknown cloud name in
 * {@code clouds.yaml}, a region the catalog lacks. The message names the setting and what to do.
 */
public class ConfigurationException extends GlazeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
