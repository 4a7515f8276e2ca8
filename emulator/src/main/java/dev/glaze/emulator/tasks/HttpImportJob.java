package dev.glaze.emulator.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's legacy import ({@code type: import}): downloads {@code input.import_from}, an {@code http(s)} URL (checked
 * when the task was created), into a new image made from {@code input.image_properties}.
 */
final class HttpImportJob implements TaskJob {
    /** Upstream's {@code unpack_task_input} checks these, in this order, before anything else. */
    private static final List<String> REQUIRED = List.of("import_from", "import_from_format", "image_properties");

    private final TaskJobs jobs;
    private final StoredTask task;
    private final ImageImport image;
    private String url;
    private volatile InputStream body;

    HttpImportJob(TaskJobs jobs, StoredTask task) {
        this.jobs = jobs;
        this.task = task;
        this.image = new ImageImport(jobs, task);
    }

    @Override
    public void prepare() throws TaskFailure {
        Map<String, Object> input = task.inputMap();
        for (String key : REQUIRED) {
            if (!input.containsKey(key)) {
                throw new TaskFailure("Input does not contain '" + key + "' field");
            }
        }
        url = String.valueOf(input.get("import_from"));
        if (!(input.get("image_properties") instanceof Map<?, ?> properties)) {
            throw new TaskFailure(jobs.failure("image_properties must be an object"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        properties.forEach((k, v) -> attributes.put(String.valueOf(k), v));
        image.create(attributes);
    }

    @Override
    public Map<String, Object> copy() throws TaskFailure, IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TaskFailure(jobs.failure("download of " + url + " failed: not a valid URL"));
        }
        HttpResponse<InputStream> response;
        try {
            response = jobs.http().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        } catch (IllegalArgumentException e) {
            throw new TaskFailure(jobs.failure("download of " + url + " failed: " + e.getMessage()));
        }
        body = response.body();
        try (InputStream in = body) {
            if (response.statusCode() / 100 != 2) {
                throw new TaskFailure(jobs.failure("download of " + url + " failed: HTTP " + response.statusCode()));
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return image.fill(in, length);
        }
    }

    @Override
    public String describe(IOException e) {
        if (TaskJobs.isStorage(e)) {
            return jobs.failure(TaskJobs.describeStorage(e));
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return jobs.failure("download of " + url + " failed: " + why);
    }

    @Override
    public void cleanUp() {
        image.cleanUp();
    }

    @Override
    public void abort() {
        TaskJobs.closeQuietly(body);
    }
}
