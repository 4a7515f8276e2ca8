package dev.glaze.core.groovy;

import dev.glaze.core.GlazeException;
import dev.glaze.core.images.DownloadOptions;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.UploadOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import dev.glaze.core.images.Images;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.Map;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * Groovy overloads of {@link Image} and {@link Images} methods that take closures and named arguments. Registered
 * as an extension module, so they read as methods of the classes themselves:
 *
 * <pre>{@code
 * image.update { name = 'web-gold-v2'; tags += 'gold'; minDisk = 40 }     // one PATCH
 * images.where(status: 'active') { it.minDisk > 20 }                        // server filter + closure
 * }</pre>
 */
public final class ImageExtensions {
    private ImageExtensions() {
    }

    /**
     * Runs {@code changes} with the image as its delegate and saves them in one PATCH; if the block throws or the
     * server refuses, the image is left as before. Assignments to names the image does not have fall through to the
     * script (so {@code label = region} stays a script variable); new properties take {@code delegate['key'] = v}.
     */
    public static Image update(Image self,
            @DelegatesTo(value = Image.class, strategy = Closure.DELEGATE_FIRST) Closure<?> changes) {
        Closure<?> block = (Closure<?>) changes.clone();
        block.setResolveStrategy(Closure.DELEGATE_FIRST);
        block.setDelegate(self);
        return self.update(image -> block.call(image));
    }

    /** Server-side filters from the map, then the closure on each image as the pages arrive. */
    public static Images where(Images self, Map<String, ?> filters, Closure<?> predicate) {
        return self.where(filters).filter(image -> DefaultTypeTransformation.castToBoolean(predicate.call(image)));
    }

    /** Only the images for which the closure is true, filtered as the pages arrive (lazily). */
    public static Images filter(Images self, Closure<?> predicate) {
        return self.filter(image -> DefaultTypeTransformation.castToBoolean(predicate.call(image)));
    }

    /**
     * {@code image.download(to: 'web.raw', overwrite: true, progress: { println it })}: {@code to} (a path, a File
     * or a folder) and the keys of {@link DownloadOptions#from(Map)}.
     */
    public static Path download(Image self, Map<String, ?> options) {
        Map<String, Object> rest = new LinkedHashMap<>(options);
        Object to = rest.remove("to");
        if (to == null) {
            throw new GlazeException("download needs to: the file or folder to write, e.g. download(to: 'web.raw')");
        }
        return self.download(path(to), DownloadOptions.from(rest));
    }

    public static Path download(Image self, String to) {
        return self.download(Path.of(to));
    }

    public static Path download(Image self, File to) {
        return self.download(to.toPath());
    }

    /** {@code image.upload('disk.raw')} */
    public static Image upload(Image self, String file) {
        return self.upload(Path.of(file));
    }

    public static Image upload(Image self, File file) {
        return self.upload(file.toPath());
    }

    /** {@code image.upload(file: 'disk.raw', progress: { println it }, verify: true)} */
    public static Image upload(Image self, Map<String, ?> options) {
        Map<String, Object> rest = new LinkedHashMap<>(options);
        Object file = rest.remove("file");
        if (file == null) {
            throw new GlazeException("upload needs file: the file to send, e.g. upload(file: 'disk.raw')");
        }
        return self.upload(path(file), UploadOptions.from(rest));
    }

    /** {@code image.stageAndImport('disk.raw')}: glance-direct from a file named by text. */
    public static Image stageAndImport(Image self, String file) {
        return self.stageAndImport(Path.of(file));
    }

    public static Image stageAndImport(Image self, File file) {
        return self.stageAndImport(file.toPath());
    }

    private static Path path(Object value) {
        if (value instanceof Path) {
            return (Path) value;
        }
        if (value instanceof File) {
            return ((File) value).toPath();
        }
        return Path.of(String.valueOf(value));
    }

}
