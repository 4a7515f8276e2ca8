package dev.glaze.core.spi;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.images.Image;
import dev.glaze.core.internal.json.Json;
import dev.glaze.core.storage.Container;
import dev.glaze.core.tasks.ImportRequest;
import dev.glaze.core.tasks.Task;
import java.util.Optional;

/**
 * Rackspace Cloud Images: imports read a VHD from Cloud Files ({@code container/object} of the same region),
 * exports write {@code <image id>.vhd} into a container there (contract 8.3, 8.4). Before sending, it checks that
 * the object (import) or the container (export) exists, since Rackspace reports such mistakes only through the
 * task's failure; without an object store in the catalog the checks are skipped.
 *
 * <pre>{@code
 * // {"type": "import", "input": {"import_from": "exports/web.vhd", "import_from_format": "vhd",
 * //                              "image_properties": {"name": "web"}}}
 * new RackspaceTaskFlow().importTask(ImportRequest.builder().from("exports/web.vhd").name("web").build());
 * }</pre>
 *
 * Subclass it to change a rule, e.g. {@link #isTransient}.
 */
public class RackspaceTaskFlow implements TaskFlow {
    /** openstacksdk's rule: Rackspace's "not a valid VHD" (code 396) is sometimes wrong and worth one retry. */
    public static final String TRANSIENT_MARK = "Error code: '396'";

    @Override
    public TaskBody importTask(ImportRequest request) {
        String from = request.getFrom();
        location(from);
        if (!request.getImageProperties().isEmpty() || request.getContainerFormat() != null) {
            throw new GlazeException("Rackspace imports take only a name, not " + extras(request)
                    + "; set the rest once the image exists: task.await().image.update { ... }");
        }
        return new TaskBody("import", Json.object()
                .add("import_from", from)
                .add("import_from_format", request.getFormat() == null ? "vhd" : request.getFormat())
                .add("image_properties", Json.object().add("name", request.getName()))
                .build());
    }

    @Override
    public TaskBody exportTask(Image image, String container) {
        return new TaskBody("export", Json.object()
                .add("image_uuid", image.getId())
                .add("receiving_swift_container", container)
                .build());
    }

    @Override
    public void checkImport(Cloud cloud, ImportRequest request) {
        if (!cloud.context().hasObjectStore()) {
            return;
        }
        String[] co = location(request.getFrom());
        Optional<Container> container = cloud.containers().find(co[0]);
        if (container.isEmpty()) {
            throw new GlazeException("cannot import " + request.getFrom() + ": the object store of "
                    + cloud.getDisplayName() + " has no container '" + co[0] + "'; upload the VHD first:"
                    + " containers.create('" + co[0] + "').upload('" + co[1] + "', file)");
        }
        if (container.get().find(co[1]).isEmpty()) {
            throw new GlazeException("cannot import " + request.getFrom() + ": container '" + co[0]
                    + "' has no object '" + co[1] + "'; upload it first: containers['" + co[0] + "'].upload('"
                    + co[1] + "', file)");
        }
    }

    @Override
    public void checkExport(Cloud cloud, Image image, String container) {
        if (container == null || container.isEmpty() || container.matches(".*[/?.].*")) {
            throw new GlazeException("cannot export to container '" + container + "': Rackspace takes a container"
                    + " name without '/', '?' or '.', e.g. 'exports'");
        }
        if (!cloud.context().hasObjectStore()) {
            return;
        }
        Optional<Container> target = cloud.containers().find(container);
        if (target.isEmpty()) {
            throw new GlazeException("cannot export image " + image.getId() + ": the object store of "
                    + cloud.getDisplayName() + " has no container '" + container + "'; create it first:"
                    + " containers.create('" + container + "')");
        }
        String object = image.getId() + "." + (image.getDiskFormat() == null ? "vhd" : image.getDiskFormat());
        if (target.get().find(object).isPresent()) {
            throw new GlazeException("cannot export image " + image.getId() + ": container '" + container
                    + "' already holds " + object + " (an earlier export?); delete it or export elsewhere");
        }
    }

    @Override
    public boolean isTransient(Task failed) {
        String message = failed.getMessage();
        return message != null && message.contains(TRANSIENT_MARK);
    }

    /** {@code container/object}, or a one-line error saying what it should look like. */
    static String[] location(String from) {
        if (from == null || from.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new GlazeException("Rackspace imports from Cloud Files: give 'from' as '<container>/<object>'"
                    + " of this region, not " + (from == null ? "nothing" : "the URL " + from)
                    + " (upload the file with containers.create('c').upload('o', file))");
        }
        int slash = from.indexOf('/');
        if (slash <= 0 || slash == from.length() - 1) {
            throw new GlazeException("'" + from + "' is not '<container>/<object>', e.g. 'exports/web.vhd'");
        }
        return new String[] {from.substring(0, slash), from.substring(slash + 1)};
    }

    private static String extras(ImportRequest request) {
        java.util.List<String> keys = new java.util.ArrayList<>(request.getImageProperties().keySet());
        if (request.getContainerFormat() != null) {
            keys.add(0, "container_format");
        }
        return String.join(", ", keys);
    }
}
