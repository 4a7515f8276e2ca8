package dev.glaze.core.spi;

import dev.glaze.core.Cloud;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.images.Image;
import dev.glaze.core.tasks.ImportRequest;
import dev.glaze.core.tasks.Task;

/**
 * How one kind of cloud imports and exports images through tasks: the bodies to send, the checks worth making
 * before sending them, and which failures are worth a second try. glaze picks {@link RackspaceTaskFlow} or
 * {@link OpenStackTaskFlow} by the cloud's profile; give {@code cloud.tasks().withFlow(...)} another.
 *
 * <pre>{@code
 * TaskFlow patient = new RackspaceTaskFlow() {
 *     public boolean isTransient(Task failed) {
 *         return super.isTransient(failed) || failed.getMessage().contains("Timeout");
 *     }
 * };
 * cloud.tasks().withFlow(patient).importImage(Map.of("from", "exports/web.vhd", "name", "web")).await();
 * }</pre>
 */
public interface TaskFlow {
    /** The import task for {@code request}; a request this cloud cannot serve is a one-line {@code GlazeException}. */
    TaskBody importTask(ImportRequest request);

    /** The export task of {@code image} into {@code container}; unsupported clouds throw a {@code GlazeException}. */
    TaskBody exportTask(Image image, String container);

    /** Checks made before an import is sent, so a mistake fails at once, not minutes later; none by default. */
    default void checkImport(Cloud cloud, ImportRequest request) {
    }

    /** Checks made before an export is sent; none by default. */
    default void checkExport(Cloud cloud, Image image, String container) {
    }

    /** Whether running the same task again may succeed where {@code failed} did not; false by default. */
    default boolean isTransient(Task failed) {
        return false;
    }

    /** The flow glaze uses for a profile. */
    static TaskFlow forProfile(ServiceProfile profile) {
        return profile == ServiceProfile.RACKSPACE ? new RackspaceTaskFlow() : new OpenStackTaskFlow();
    }
}
