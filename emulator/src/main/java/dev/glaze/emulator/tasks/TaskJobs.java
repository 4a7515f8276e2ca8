package dev.glaze.emulator.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.ImageDataWriter;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.swift.ObjectStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Makes the job for a task, and holds what jobs share: the region's stores, the profile, the wording of failures. */
final class TaskJobs {
    private static final Logger LOG = Logger.getLogger(TaskJobs.class.getName());

    final ImageStore images;
    final ObjectStore objects;
    final ImageDataWriter writer;
    final long imageSizeCap;
    final TaskStore tasks;
    private final Profile profile;
    private HttpClient http;

    TaskJobs(ImageStore images, ObjectStore objects, Profile profile, long imageSizeCap, TaskStore tasks) {
        this.images = images;
        this.objects = objects;
        this.writer = new ImageDataWriter(images);
        this.profile = profile;
        this.imageSizeCap = imageSizeCap;
        this.tasks = tasks;
    }

    /** The client for URL imports, made on first use: it keeps a thread, which a service without them does not need. */
    synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
        return http;
    }

    Profile profile() {
        return profile;
    }

    TaskJob create(StoredTask task) {
        return switch (task.type()) {
            case "export" -> new ExportJob(this, task);
            case "import" -> profile.importsFromObjectStore() ? new ObjectImportJob(this, task)
                    : new HttpImportJob(this, task);
            default -> new RefusedJob(apiImageImportProblem(task));
        };
    }

    /**
     * A failure's message. Upstream's import flow hides every problem behind "Task failed due to Internal Error"
     * (the reason goes to its log); we keep that text, so scripts that look for it still find it, and add the reason.
     * Rackspace's messages start with "Error: ".
     */
    String failure(String detail) {
        return (profile == Profile.OPENSTACK ? "Task failed due to Internal Error: " : "Error: ") + detail;
    }

    /** The account a task's project owns in the object store, as the Swift API names it. */
    static String account(StoredTask task) {
        return "AUTH_" + task.owner();
    }

    static String describeStorage(IOException e) {
        return "the image data could not be stored: " + e.getMessage();
    }

    static boolean isStorage(IOException e) {
        return ImageDataWriter.isStorageFailure(e);
    }

    /** Deletes an image an unfinished import made, whatever its state; quietly when it is gone already. */
    static void deleteImage(ImageStore images, String id) {
        try {
            images.delete(id, image -> { }, HttpError.notFound(id));
        } catch (HttpError gone) {
            // deleted by its owner meanwhile
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete image " + id + " of a failed import", e);
        }
    }

    /** Upstream's checks of an {@code api_image_import} input, which its tasks API accepts but cannot run alone. */
    private String apiImageImportProblem(StoredTask task) {
        Map<String, Object> input = task.inputMap();
        if (input.isEmpty()) {
            return "Input to api_image_import task is empty.";
        }
        if (!input.containsKey("image_id")) {
            return "Missing required 'image_id' field";
        }
        return failure("api_image_import tasks are started by POST /v2/images/{image_id}/import, "
                + "which this service does not offer");
    }

    /** A job that fails as soon as it starts. */
    private record RefusedJob(String message) implements TaskJob {
        @Override
        public void prepare() throws TaskFailure {
            throw new TaskFailure(message);
        }

        @Override
        public Map<String, Object> copy() {
            throw new IllegalStateException("a refused job does not copy");
        }

        @Override
        public String describe(IOException e) {
            return message;
        }

        @Override
        public void cleanUp() {
        }

        @Override
        public void abort() {
        }
    }

    /** Closes a source stream from another thread, to stop a copy that reads it. */
    static void closeQuietly(AutoCloseable source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (Exception e) {
            // the copy fails either way, which is the point
        }
    }
}
