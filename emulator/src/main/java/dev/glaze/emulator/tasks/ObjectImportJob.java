package dev.glaze.emulator.tasks;

import dev.glaze.emulator.swift.OpenObject;
import dev.glaze.emulator.swift.SwiftException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rackspace's import ({@code type: import}): copies the object {@code input.import_from}, given as
 * {@code <container>/<object>} in the task owner's object store account of the same region (Cloud Files), into a new
 * VHD image named by {@code input.image_properties.name}, the only property Rackspace takes.
 *
 * <p>The content is not inspected: any bytes import as they are (Rackspace checks that they are a fixed or dynamic
 * VHD; the emulator does not).
 */
final class ObjectImportJob implements TaskJob {
    private static final String NOT_FOUND = "Image not found for import. Possible invalid location: ";

    private final TaskJobs jobs;
    private final StoredTask task;
    private final ImageImport image;
    private String container;
    private String object;
    private volatile OpenObject open;

    ObjectImportJob(TaskJobs jobs, StoredTask task) {
        this.jobs = jobs;
        this.task = task;
        this.image = new ImageImport(jobs, task);
    }

    @Override
    public void prepare() throws TaskFailure {
        Map<String, Object> input = task.inputMap();
        for (String key : new String[] {"import_from", "image_properties"}) {
            if (!input.containsKey(key)) {
                throw new TaskFailure(jobs.failure("Input does not contain '" + key + "' field"));
            }
        }
        Object importFrom = input.get("import_from");
        if (importFrom instanceof String url && url.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new TaskFailure(jobs.failure("import_from must name an object of this region's Cloud Files as "
                    + "'<container>/<object>', not a URL: " + url));
        }
        Object format = input.get("import_from_format");
        if (format != null && !"vhd".equals(String.valueOf(format).toLowerCase(Locale.ROOT))) {
            throw new TaskFailure(jobs.failure("Unsupported import format '" + format
                    + "': only VHD images can be imported"));
        }
        String name = imageName(input.get("image_properties"));
        locate(importFrom);
        image.create(Map.of("name", name, "disk_format", "vhd", "container_format", "ovf"));
    }

    private String imageName(Object properties) throws TaskFailure {
        if (!(properties instanceof Map<?, ?> map)) {
            throw new TaskFailure(jobs.failure("image_properties must be an object with a name"));
        }
        TreeSet<String> others = new TreeSet<>();
        map.keySet().forEach(k -> others.add(String.valueOf(k)));
        others.remove("name");
        if (!others.isEmpty()) {
            throw new TaskFailure(jobs.failure("Name is the only property that can be included in "
                    + "image_properties; remove " + String.join(", ", others)));
        }
        if (!(map.get("name") instanceof String name) || name.isBlank()) {
            throw new TaskFailure(jobs.failure("image_properties must include a name"));
        }
        return name;
    }

    /** Finds the container and object named by {@code import_from}; the object must exist now. */
    private void locate(Object importFrom) throws TaskFailure {
        if (!(importFrom instanceof String location)) {
            throw new TaskFailure(jobs.failure(NOT_FOUND + "import_from must be '<container>/<object>'"));
        }
        int slash = location.indexOf('/');
        if (slash <= 0 || slash == location.length() - 1) {
            throw new TaskFailure(jobs.failure(NOT_FOUND + "'" + location + "' is not '<container>/<object>'"));
        }
        container = location.substring(0, slash);
        object = location.substring(slash + 1);
        try {
            if (!jobs.objects.hasContainer(TaskJobs.account(task), container)) {
                throw new TaskFailure(jobs.failure(NOT_FOUND + "there is no container '" + container + "'"));
            }
            if (jobs.objects.head(TaskJobs.account(task), container, object).isEmpty()) {
                throw new TaskFailure(jobs.failure(NOT_FOUND + "there is no object '" + object
                        + "' in container '" + container + "'"));
            }
        } catch (SwiftException e) {
            throw new TaskFailure(jobs.failure(NOT_FOUND + (e.reason() == null ? e.getMessage() : e.reason())));
        }
    }

    @Override
    public Map<String, Object> copy() throws TaskFailure, IOException {
        Optional<OpenObject> source = jobs.objects.read(TaskJobs.account(task), container, object);
        if (source.isEmpty()) {
            throw new TaskFailure(jobs.failure(NOT_FOUND + "object '" + object + "' of container '" + container
                    + "' was deleted before it could be copied"));
        }
        open = source.get();
        try (OpenObject reading = open) {
            return image.fill(reading.stream(), reading.info().size());
        }
    }

    @Override
    public String describe(IOException e) {
        if (TaskJobs.isStorage(e)) {
            return jobs.failure(TaskJobs.describeStorage(e));
        }
        return jobs.failure("reading object '" + object + "' of container '" + container + "' failed: "
                + e.getMessage());
    }

    @Override
    public void cleanUp() {
        image.cleanUp();
    }

    @Override
    public void abort() {
        TaskJobs.closeQuietly(open);
    }
}
