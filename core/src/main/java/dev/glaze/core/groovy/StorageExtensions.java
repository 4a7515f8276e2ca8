package dev.glaze.core.groovy;

import dev.glaze.core.GlazeException;
import dev.glaze.core.storage.Container;
import dev.glaze.core.storage.StoredObject;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Groovy conveniences for the object store (registered in
 * META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule): {@link File}s and named arguments.
 *
 * <pre>
 * def exports = cloud.containers().create('exports')
 * exports.upload('web.vhd', new File('web.vhd'))
 * exports.upload(name: 'web.vhd', file: 'web.vhd')
 * exports['web.vhd'].download(new File('/tmp'))
 * </pre>
 */
public final class StorageExtensions {
    private StorageExtensions() {
    }

    public static StoredObject upload(Container self, String name, File file) {
        return self.upload(name, file.toPath());
    }

    /** {@code upload(name: 'o', file: fileOrPathOrString)} or {@code upload(name: 'o', stream: in, size: n)}. */
    public static StoredObject upload(Container self, Map<String, ?> args) {
        Object name = args.get("name");
        Object file = args.get("file");
        Object stream = args.get("stream");
        if (name == null || (file == null) == (stream == null)) {
            throw new GlazeException("upload takes name: and either file: or stream: with size:, e.g."
                    + " upload(name: 'web.vhd', file: 'web.vhd')");
        }
        if (file != null) {
            return self.upload(String.valueOf(name), path(file));
        }
        Object size = args.get("size");
        if (!(stream instanceof InputStream) || !(size instanceof Number)) {
            throw new GlazeException("upload(stream:) takes an InputStream and size: its number of bytes");
        }
        return self.upload(String.valueOf(name), (InputStream) stream, ((Number) size).longValue());
    }

    public static Path download(Container self, String name, File to) {
        return self.download(name, to.toPath());
    }

    public static Path download(StoredObject self, File to) {
        return self.download(to.toPath());
    }

    private static Path path(Object file) {
        if (file instanceof Path) {
            return (Path) file;
        }
        if (file instanceof File) {
            return ((File) file).toPath();
        }
        return Path.of(String.valueOf(file));
    }
}
