package dev.glaze.emulator.tasks;

import dev.glaze.emulator.store.StoredImage;
import dev.glaze.emulator.swift.SwiftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Rackspace's export ({@code type: export}): writes the data of {@code input.image_uuid} as the object
 * {@code <image id>.<disk_format>} in {@code input.receiving_swift_container} of the task owner's object store
 * account (Cloud Files). Every refusal Rackspace documents is a task {@code failure}, not an HTTP error: an image that
 * is not the caller's own (public and shared images cannot be exported), not active, or marked unexportable; a
 * container name with {@code /}, {@code ?} or {@code .}; a container that does not exist; an object already there.
 *
 * <p>Rackspace stores the export as a Dynamic Large Object (a manifest and segments); here it is one object with the
 * same name and content.
 */
final class ExportJob implements TaskJob {
    /** Rackspace marks Windows and Red Hat images unexportable with this property; "0" means no restriction. */
    static final String OPTIONS = "com.rackspace__1__options";

    private final TaskJobs jobs;
    private final StoredTask task;
    private String imageId;
    private String container;
    private String objectName;
    private volatile InputStream data;

    ExportJob(TaskJobs jobs, StoredTask task) {
        this.jobs = jobs;
        this.task = task;
    }

    @Override
    public void prepare() throws TaskFailure {
        Map<String, Object> input = task.inputMap();
        for (String key : new String[] {"image_uuid", "receiving_swift_container"}) {
            if (!(input.get(key) instanceof String)) {
                throw new TaskFailure(jobs.failure(input.containsKey(key)
                        ? "'" + key + "' must be a string" : "Input does not contain '" + key + "' field"));
            }
        }
        imageId = (String) input.get("image_uuid");
        container = (String) input.get("receiving_swift_container");
        StoredImage image = exportable();
        if (container.isEmpty() || container.matches(".*[/?.].*")) {
            throw new TaskFailure(jobs.failure("Container name '" + container
                    + "' is not allowed: it may not be empty or contain '/', '?' or '.'"));
        }
        objectName = imageId + "." + image.get("disk_format");
        try {
            if (!jobs.objects.hasContainer(TaskJobs.account(task), container)) {
                throw new TaskFailure(jobs.failure("Container '" + container + "' does not exist"));
            }
        } catch (SwiftException e) {
            throw new TaskFailure(jobs.failure("Container name '" + container + "' is not allowed: " + e.reason()));
        }
        refuseExisting();
    }

    /** The image, if the task's project may export it now. */
    private StoredImage exportable() throws TaskFailure {
        StoredImage image = jobs.images.find(imageId).orElse(null);
        if (image == null || !task.owner().equals(image.owner()) && !visibleToOwner(image)) {
            throw new TaskFailure(jobs.failure("Image " + imageId + " was not found"));
        }
        if (!task.owner().equals(image.owner())) {
            throw new TaskFailure(jobs.failure("Image " + imageId + " belongs to another account: "
                    + "only your own images can be exported, not public or shared ones"));
        }
        if (!"active".equals(image.status())) {
            throw new TaskFailure(jobs.failure("Image " + imageId + " is " + image.status()
                    + ": only active images can be exported"));
        }
        Object options = image.get(OPTIONS);
        if (options != null && !"0".equals(options)) {
            throw new TaskFailure(jobs.failure("Image " + imageId + " cannot be exported (" + OPTIONS + " is '"
                    + options + "'; Windows and Red Hat images cannot be exported)"));
        }
        return image;
    }

    private boolean visibleToOwner(StoredImage image) {
        return "public".equals(image.visibility()) || image.member(task.owner()) != null;
    }

    private void refuseExisting() throws TaskFailure {
        if (jobs.objects.head(TaskJobs.account(task), container, objectName).isPresent()) {
            // Rackspace's own words, documented in its API reference.
            throw new TaskFailure("Swift already has an object with id '" + objectName + "' in container '"
                    + container + "'");
        }
    }

    @Override
    public Map<String, Object> copy() throws TaskFailure, IOException {
        exportable(); // it may have changed during the wait
        refuseExisting();
        try (InputStream in = Files.newInputStream(jobs.images.dataFile(imageId))) {
            data = in;
            jobs.objects.put(TaskJobs.account(task), container, objectName, in, "application/octet-stream",
                    null, null);
        } catch (NoSuchFileException e) {
            throw new TaskFailure(jobs.failure("Image " + imageId + " was deleted during the export"));
        } catch (SwiftException e) {
            throw new TaskFailure(jobs.failure("the export could not be stored in container '" + container + "': "
                    + (e.reason() == null ? e.getMessage() : e.reason())));
        }
        return Map.of("export_location", container + "/" + objectName);
    }

    @Override
    public String describe(IOException e) {
        return jobs.failure("the export could not be written: " + e.getMessage());
    }

    @Override
    public void cleanUp() {
        // an export stores its object in one step: a failed one leaves nothing behind
    }

    @Override
    public void abort() {
        TaskJobs.closeQuietly(data);
    }
}
