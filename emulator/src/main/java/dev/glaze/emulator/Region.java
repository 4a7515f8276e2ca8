package dev.glaze.emulator;

import dev.glaze.emulator.api.Api;
import dev.glaze.emulator.api.ApiRoutes;
import dev.glaze.emulator.api.InteropImportApi;
import dev.glaze.emulator.api.Versions;
import dev.glaze.emulator.api.tasks.TasksApi;
import dev.glaze.emulator.compute.ComputeRoutes;
import dev.glaze.emulator.http.Mount;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.swift.ObjectStore;
import dev.glaze.emulator.swift.SwiftApi;
import dev.glaze.emulator.tasks.TaskRunner;
import dev.glaze.emulator.tasks.TaskStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One region: its own images, objects and tasks, in its own folder {@code <data>/regions/<name>}. Regions share
 * nothing, as a cloud's regions do: an image id means nothing in another region.
 */
public final class Region implements AutoCloseable {
    private final String name;
    private final ImageStore images;
    private final ObjectStore objects;
    private final TaskStore tasks;
    private final TaskRunner runner;
    private final Api api;
    private final ServiceConfig config;

    private Region(String name, ImageStore images, ObjectStore objects, TaskStore tasks, TaskRunner runner,
            ServiceConfig config) {
        this.name = name;
        this.images = images;
        this.objects = objects;
        this.tasks = tasks;
        this.runner = runner;
        this.config = config;
        this.api = Api.of(images, config.profile());
    }

    /** Opens the region's folder; tasks that a stop cut off end in failure (see {@link TaskRunner}). */
    static Region open(String name, ServiceConfig config) throws IOException {
        Path dir = config.dataDir().resolve("regions").resolve(name);
        ImageStore images = ImageStore.open(dir);
        ObjectStore objects = ObjectStore.open(dir.resolve("objects"), config.clock());
        try {
            TaskStore tasks = TaskStore.open(dir.resolve("tasks"), config.clock());
            TaskRunner runner = TaskRunner.start(tasks, images, objects, config, name);
            return new Region(name, images, objects, tasks, runner, config);
        } catch (IOException | RuntimeException e) {
            objects.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The images behind the API. Changes made here bypass every rule the API enforces. */
    public ImageStore images() {
        return images;
    }

    /** The Swift-compatible object store served under {@code /v1}, for in-process users such as import tasks. */
    public ObjectStore objects() {
        return objects;
    }

    /** The region's tasks, for in-process users. Changes made here bypass every rule the API enforces. */
    public TaskStore tasks() {
        return tasks;
    }

    /** The region's services, in the order they are tried: Glance v2, Swift, Compute's image listing. */
    List<Mount> mounts() {
        TasksApi tasksApi = new TasksApi(tasks, runner, config.profile());
        // Rackspace's Icehouse-era Glance has no interoperable import: its routes are 404 there
        InteropImportApi imports = config.profile() == Profile.OPENSTACK
                ? new InteropImportApi(api, config.imageSizeCap(), config.taskDelay()) : null;
        Mount glance = new Mount(Versions::isAccepted, Region::toV2,
                ApiRoutes.build(api, config.imageSizeCap(), tasksApi, imports), true);
        return List.of(glance, SwiftApi.mount(objects), ComputeRoutes.mount(api));
    }

    /** {@code /v2.1/images} and the like are the v2 API. */
    private static String toV2(String rawPath) {
        int slash = rawPath.indexOf('/', 1);
        return "/v2" + (slash < 0 ? "" : rawPath.substring(slash));
    }

    /** Stops the region's tasks (what was under way fails at the next start) and releases its object store. */
    @Override
    public void close() {
        runner.close();
        objects.close();
    }
}
