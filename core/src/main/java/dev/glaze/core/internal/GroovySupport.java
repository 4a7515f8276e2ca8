package dev.glaze.core.internal;

/**
 * Groovy's own exceptions where Groovy is present, plain ones where it is not: Groovy is optional for the library,
 * so classes that Java users load must not name Groovy types.
 */
public final class GroovySupport {
    private GroovySupport() {
    }

    public static RuntimeException missingProperty(String message, String property, Class<?> type) {
        try {
            return new groovy.lang.MissingPropertyException(message, property, type);
        } catch (NoClassDefFoundError noGroovy) {
            return new IllegalArgumentException(message);
        }
    }
}
