package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2/schemas/{image,images,member,members,task,tasks}}: the JSON-schema documents, served byte for
 * byte as the profile's service serves them. The openstack ones were fetched from a real Zed Glance; the
 * rackspace ones are Rackspace's published documents (visibility public/private, no deactivated status, task
 * types import and export).
 */
public final class SchemasApi {
    public static final List<String> NAMES = List.of("image", "images", "member", "members", "task", "tasks");

    private final Map<String, byte[]> documents = new LinkedHashMap<>();

    public SchemasApi(Profile profile) {
        for (String name : NAMES) {
            documents.put(name, load(profile, name));
        }
    }

    /** The handler for one schema's route. */
    public void serve(String name, Exchange ex) throws IOException {
        ex.rejectBody();
        ex.sendBytes(200, "application/json", documents.get(name));
    }

    private static byte[] load(Profile profile, String name) {
        String resource = "/dev/glaze/emulator/schemas/" + profile.id() + "/" + name + ".json";
        try (InputStream in = SchemasApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the build: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
