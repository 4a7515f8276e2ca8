package dev.glaze.core.spi;

import dev.glaze.core.GlazeException;
import dev.glaze.core.images.Image;
import dev.glaze.core.internal.json.Json;
import dev.glaze.core.tasks.ImportRequest;
import jakarta.json.JsonObjectBuilder;

/**
 * Upstream Glance's legacy import task: the service downloads an {@code http(s)} URL into a new image. Upstream
 * has no export task.
 *
 * <pre>{@code
 * // {"type": "import", "input": {"import_from": "https://example.com/cirros.qcow2", "import_from_format": "qcow2",
 * //   "image_properties": {"name": "cirros", "disk_format": "qcow2", "container_format": "bare"}}}
 * new OpenStackTaskFlow().importTask(ImportRequest.builder().from("https://example.com/cirros.qcow2").name("cirros").build());
 * }</pre>
 */
public class OpenStackTaskFlow implements TaskFlow {
    public static final String DEFAULT_DISK_FORMAT = "qcow2";
    public static final String DEFAULT_CONTAINER_FORMAT = "bare";

    @Override
    public TaskBody importTask(ImportRequest request) {
        String from = request.getFrom();
        if (from == null || !from.matches("(?i)https?://.+")) {
            throw new GlazeException("upstream Glance imports from an http(s) URL, not '" + from + "'; to import a"
                    + " local file, create an image and upload its data instead");
        }
        String disk = request.getFormat() == null ? DEFAULT_DISK_FORMAT : request.getFormat();
        String container = request.getContainerFormat() == null ? DEFAULT_CONTAINER_FORMAT
                : request.getContainerFormat();
        JsonObjectBuilder properties = Json.object().add("name", request.getName()).add("disk_format", disk)
                .add("container_format", container);
        request.getImageProperties().forEach((k, v) -> properties.add(k, Json.fromJava(v)));
        return new TaskBody("import", Json.object()
                .add("import_from", from)
                .add("import_from_format", disk)
                .add("image_properties", properties)
                .build());
    }

    @Override
    public TaskBody exportTask(Image image, String container) {
        throw new GlazeException("this cloud (upstream Glance) has no export task; download the image data"
                + " instead: image.download(path)");
    }
}
