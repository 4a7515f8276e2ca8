package dev.glaze.emulator.tasks;

import dev.glaze.emulator.api.ImageDataWriter;
import dev.glaze.emulator.api.ImagesApi;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * The image an import task fills: made {@code queued} when the task starts processing, filled through
 * {@link ImageDataWriter} (so it ends {@code active} with its size and checksums, exactly as after an upload),
 * deleted when the task fails.
 */
final class ImageImport {
    private final TaskJobs jobs;
    private final StoredTask task;
    private String imageId;

    ImageImport(TaskJobs jobs, StoredTask task) {
        this.jobs = jobs;
        this.task = task;
    }

    /**
     * Makes the image, owned by the task's project, from create-request attributes checked as {@code POST /v2/images}
     * checks them. The task records the image's id before the image exists, so a stop at any moment leaves nothing
     * the next start cannot find and remove.
     */
    void create(Map<String, Object> attributes) throws TaskFailure {
        RequestContext owner = new RequestContext(task.owner(), task.userId(), Set.of("member", "reader"));
        StoredImage image;
        try {
            image = ImagesApi.newImage(attributes, owner, jobs.profile());
        } catch (HttpError e) {
            throw new TaskFailure(jobs.failure("the image cannot be created: " + e.explanation()));
        }
        jobs.tasks.update(task.id(), t -> t.withCreatedImage(image.id(), jobs.tasks.now()))
                .orElseThrow(() -> new TaskFailure(jobs.failure("the task is gone")));
        if (!jobs.images.insert(image)) {
            throw new TaskFailure(jobs.failure("the image cannot be created: Image ID " + image.id()
                    + " already exists!"));
        }
        imageId = image.id();
    }

    /** Streams {@code data} into the image; returns the task's result, {@code {"image_id": ...}}. */
    Map<String, Object> fill(InputStream data, long declaredLength) throws TaskFailure, IOException {
        try {
            jobs.images.update(imageId, ImageDataWriter::startSaving, HttpError.notFound(imageId));
        } catch (HttpError e) {
            throw new TaskFailure(jobs.failure(e.status() == 404 ? deleted() : e.explanation()));
        }
        try {
            jobs.writer.write(imageId, data, declaredLength, jobs.imageSizeCap);
        } catch (HttpError e) {
            throw new TaskFailure(jobs.failure(e.status() == 410 ? deleted() : e.explanation()));
        }
        return Map.of("image_id", imageId);
    }

    private String deleted() {
        return "image " + imageId + " was deleted during the import";
    }

    void cleanUp() {
        if (imageId != null) {
            TaskJobs.deleteImage(jobs.images, imageId);
        }
    }
}
