package dev.glaze.core.groovy;

/** Groovy conveniences (registered in META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule). */
public final class StorageExtensions {
    private StorageExtensions() {
    }
}
