package dev.glaze.emulator.api;

import dev.glaze.emulator.ServiceConfig;
import dev.glaze.emulator.api.tasks.TasksApi;
import dev.glaze.emulator.http.Router;

/** The Glance v2 routes, in the order Glance's router declares them (which fixes the order of {@code Allow}). */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    public static Router build(Api api) {
        return build(api, ServiceConfig.DEFAULT_IMAGE_SIZE_CAP);
    }

    /** @param imageSizeCap the largest image upload accepted, in bytes */
    public static Router build(Api api, long imageSizeCap) {
        return build(api, imageSizeCap, null);
    }

    /**
     * @param imageSizeCap the largest image upload accepted, in bytes
     * @param tasks the region's tasks API, or null for none
     */
    public static Router build(Api api, long imageSizeCap, TasksApi tasks) {
        return build(api, imageSizeCap, tasks, null);
    }

    /**
     * @param imports the interoperable import (upstream only), or null for none: its routes are then 404
     */
    public static Router build(Api api, long imageSizeCap, TasksApi tasks, InteropImportApi imports) {
        ImagesApi images = new ImagesApi(api);
        ImageDataApi data = new ImageDataApi(api, imageSizeCap);
        ImageListing listing = new ImageListing(api);
        ImagePatchApi patch = new ImagePatchApi(api);
        ImageActionsApi actions = new ImageActionsApi(api);
        TagsApi tags = new TagsApi(api);
        MembersApi members = new MembersApi(api);
        SchemasApi schemas = new SchemasApi(api.profile());
        Router r = new Router();
        for (String name : SchemasApi.NAMES) {
            r.on("GET", "/v2/schemas/" + name, ex -> schemas.serve(name, ex));
        }
        r.on("GET", "/v2/images", listing::list);
        r.on("POST", "/v2/images", images::create);
        r.on("GET", "/v2/images/{id}", images::show);
        r.on("PATCH", "/v2/images/{id}", patch::patch);
        r.on("DELETE", "/v2/images/{id}", images::delete);
        r.on("POST", "/v2/images/{id}/actions/deactivate", actions::deactivate);
        r.on("POST", "/v2/images/{id}/actions/reactivate", actions::reactivate);
        r.on("PUT", "/v2/images/{id}/tags/{tag}", tags::add);
        r.on("DELETE", "/v2/images/{id}/tags/{tag}", tags::delete);
        r.on("GET", "/v2/images/{id}/members", members::list);
        r.on("POST", "/v2/images/{id}/members", members::create);
        r.on("GET", "/v2/images/{id}/members/{member}", members::show);
        r.on("PUT", "/v2/images/{id}/members/{member}", members::update);
        r.on("DELETE", "/v2/images/{id}/members/{member}", members::delete);
        r.on("GET", "/v2/images/{id}/file", data::download);
        r.on("PUT", "/v2/images/{id}/file", data::upload);
        if (imports != null) {
            r.on("PUT", "/v2/images/{id}/stage", imports::stage);
            r.on("POST", "/v2/images/{id}/import", imports::importImage);
            r.on("GET", "/v2/info/import", imports::methods);
            r.on("GET", "/v2/info/stores", imports::stores);
        }
        if (tasks != null) {
            r.on("GET", "/v2/tasks", tasks::list);
            r.on("POST", "/v2/tasks", tasks::create);
            r.on("GET", "/v2/tasks/{id}", tasks::show);
            r.on("DELETE", "/v2/tasks/{id}", tasks::delete);
        }
        return r;
    }
}
