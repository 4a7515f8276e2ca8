package dev.glaze.core.groovy;

import dev.glaze.core.images.Image;
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
}
