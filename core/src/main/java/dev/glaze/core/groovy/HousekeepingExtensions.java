package dev.glaze.core.groovy;

import dev.glaze.core.ensure.EnsureImage;
import dev.glaze.core.ensure.Ensured;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import dev.glaze.core.prune.Prune;
import dev.glaze.core.prune.PruneReport;
import groovy.lang.Closure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * {@code images.ensure(name: 'base', minDisk: 10, tags: ['base'], file: 'base.qcow2')} (see {@link EnsureImage}) and
 * {@code images.prune(matching: /web-\d+/, keep: 3, dryRun: true)} (see {@link Prune}) for scripts.
 */
public final class HousekeepingExtensions {
    private HousekeepingExtensions() {
    }

    public static Ensured ensure(Images self, Map<String, ?> args) {
        return EnsureImage.from(args).in(self);
    }

    /** {@code inUse} may be a closure of an image ({@code inUse: { it.id in busy }}) or a collection of ids. */
    public static PruneReport prune(Images self, Map<String, ?> args) {
        Map<String, Object> options = new LinkedHashMap<>(args);
        options.computeIfPresent("inUse", (k, v) -> v instanceof Closure<?> c ? predicate(c) : v);
        options.computeIfPresent("in_use", (k, v) -> v instanceof Closure<?> c ? predicate(c) : v);
        return Prune.of(self, options).run();
    }

    private static Predicate<Image> predicate(Closure<?> c) {
        return image -> DefaultTypeTransformation.castToBoolean(c.call(image));
    }
}
