package dev.glaze.core.images;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.GroovySupport;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.json.Json;
import dev.glaze.core.tasks.Task;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One image, as fetched, with the changes made to it since. Typed getters for the attributes Glance defines, any
 * other property by its wire name, and assignment that is sent as one minimal JSON patch by {@link #save()}.
 *
 * <pre>{@code
 * Image image = cloud.images().named("web-gold");
 * image.setMinDisk(40);                              // Groovy: image.minDisk = 40
 * image.put("com.example.release", "2024.1");        // Groovy: image['com.example.release'] = '2024.1'
 * System.out.println(image.pendingPatch());          // what save() will send
 * image.save();                                      // one PATCH; nothing at all when nothing changed
 * }</pre>
 *
 * In Groovy, {@code image.os_distro} reads a property that exists; assigning {@code image.os_distro = 'x'} changes
 * one that exists, while a new property takes the explicit {@code image['os_distro'] = 'x'} (so a typo fails
 * instead of being sent). Not thread-safe: one image object per thread that changes it.
 */
public final class Image {
    /** Attributes never sent back in a patch and refused by {@link #put}, before the schema is consulted. */
    static final Set<String> READ_ONLY = Set.of("id", "status", "checksum", "size", "virtual_size", "created_at",
            "updated_at", "self", "file", "schema", "os_hash_algo", "os_hash_value", "direct_url", "stores");

    private final Cloud cloud;
    private final ImageState state;
    private final TypedProperties typed;
    /** When this object asked for an interoperable import, so that awaitStatus can tell a failed one. */
    private volatile Instant importRequested;

    /** Internal: images come from {@link Images}. */
    public Image(Cloud cloud, JsonObject json) {
        this.cloud = cloud;
        this.state = new ImageState(json);
        this.typed = new TypedProperties(this, state);
    }

    private void reset(JsonObject json) {
        state.reset(json);
    }

    // ---- typed attributes ----------------------------------------------------------------------------------

    public String getId() {
        return string("id");
    }

    public String getName() {
        return string("name");
    }

    public void setName(String name) {
        assign("name", name);
    }

    /** {@code queued}, {@code saving}, {@code active}, {@code killed}, {@code deactivated}, {@code importing}, ... */
    public String getStatus() {
        return string("status");
    }

    public String getVisibility() {
        return string("visibility");
    }

    public void setVisibility(String visibility) {
        assign("visibility", visibility);
    }

    public boolean isProtected() {
        return state.isTrue("protected");
    }

    public void setProtected(boolean value) {
        assign("protected", value);
    }

    /** Hidden from default listings (upstream {@code os_hidden}). */
    public boolean isHidden() {
        return state.isTrue("os_hidden");
    }

    public void setHidden(boolean value) {
        assign("os_hidden", value);
    }

    /** Bytes of image data; null before any was uploaded. */
    public Long getSize() {
        return longValue("size");
    }

    public Long getVirtualSize() {
        return longValue("virtual_size");
    }

    /** MD5 of the data (hex); null before data, and on some newer clouds. */
    public String getChecksum() {
        return string("checksum");
    }

    /** The multihash algorithm, {@code sha512} upstream; null on Rackspace. */
    public String getOsHashAlgo() {
        return string("os_hash_algo");
    }

    public String getOsHashValue() {
        return string("os_hash_value");
    }

    /** Gigabytes of disk a server needs; 0 when unset. */
    public int getMinDisk() {
        Long v = longValue("min_disk");
        return v == null ? 0 : v.intValue();
    }

    public void setMinDisk(int gigabytes) {
        assign("min_disk", gigabytes);
    }

    /** Megabytes of memory a server needs; 0 when unset. */
    public int getMinRam() {
        Long v = longValue("min_ram");
        return v == null ? 0 : v.intValue();
    }

    public void setMinRam(int megabytes) {
        assign("min_ram", megabytes);
    }

    public String getDiskFormat() {
        return string("disk_format");
    }

    public void setDiskFormat(String format) {
        assign("disk_format", format);
    }

    public String getContainerFormat() {
        return string("container_format");
    }

    public void setContainerFormat(String format) {
        assign("container_format", format);
    }

    /** The owning project. */
    public String getOwner() {
        return string("owner");
    }

    public Instant getCreatedAt() {
        return instant("created_at");
    }

    public Instant getUpdatedAt() {
        return instant("updated_at");
    }

    /**
     * The tags: a live list, so {@code image.tags << 'gold'} (or {@code getTags().add("gold")}) is a change that
     * {@link #save()} sends. Tags are a set on the server: adding one twice keeps one.
     */
    public List<String> getTags() {
        return new LiveTags(this, state);
    }

    public void setTags(Collection<?> tags) {
        List<String> distinct = new ArrayList<>();
        for (Object t : tags == null ? List.of() : tags) {
            String s = String.valueOf(t);
            if (!distinct.contains(s)) {
                distinct.add(s);
            }
        }
        assign("tags", distinct);
    }

    /** The cloud (and region) this image was read from. */
    public Cloud getCloud() {
        return cloud;
    }

    // ---- any property by wire name -------------------------------------------------------------------------

    /**
     * The value of any attribute or property by wire name, as plain Java; null when absent. (Not named
     * {@code get}: Groovy would use that for every unknown property, and typos would read as null.)
     */
    public Object attribute(String name) {
        return Json.toJava(state.json(name));
    }

    /** Groovy's {@code image['com.rackspace__1__build_core']}: the wire value, as {@link #attribute}. */
    public Object getAt(String name) {
        return attribute(name);
    }

    /**
     * A property by a plugin's alias or by wire name, typed as the active plugins declare it (a date, a number, a
     * flag); any other property as {@link #attribute} gives it. Null when absent. Groovy: {@code image.releaseBuildDate}.
     *
     * @throws GlazeException when the wire text is not of the declared form, naming the property
     */
    public Object typed(String name) {
        return typed.find(name).map(typed::read).orElseGet(() -> attribute(name));
    }

    /**
     * Sets a property by alias or wire name: a typed property takes a value of its type (or its wire text) and is
     * written in the provider's spelling; assigning the value it holds changes nothing. Groovy:
     * {@code image.cacheInNova = false}.
     *
     * @throws GlazeException for a read-only property or a value of the wrong type, naming the property
     */
    public Image assignTyped(String name, Object value) {
        var known = typed.find(name);
        if (known.isPresent()) {
            assign(known.get().wire(), typed.encode(known.get(), value));
        } else {
            assign(name, value);
        }
        return this;
    }

    public boolean has(String name) {
        JsonValue v = state.json(name);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * Sets any attribute or property (new ones included). Custom property values are strings on the server
     * (Glance's schema), so numbers and booleans are sent as their text; null removes a custom property.
     *
     * @throws GlazeException for a read-only attribute, at once
     */
    public Image put(String name, Object value) {
        assignWire(name, value);
        return this;
    }

    /** Groovy's {@code image['release'] = '2024.1'}. */
    public void putAt(String name, Object value) {
        assignWire(name, value);
    }

    /** Removes a custom property (sent as {@code remove} by {@link #save()}). */
    public Image remove(String name) {
        assignWire(name, null);
        return this;
    }

    /** Groovy: {@code image.os_distro} for a property the image has; {@code image.releaseBuildDate} for a plugin's alias. */
    public Object propertyMissing(String name) {
        var alias = typed.byAlias(name);
        if (alias.isPresent()) {
            return typed.read(alias.get());
        }
        if (state.contains(name)) {
            return attribute(name);
        }
        throw GroovySupport.missingProperty("image " + getId() + " has no property '" + name + "'; its properties: "
                + new TreeMap<>(state.current()).keySet() + " (image['" + name + "'] reads any, null when absent)",
                name, Image.class);
    }

    /** Groovy: {@code image.os_distro = 'ubuntu'} for a property the image has; new ones need {@code image['x'] = v}. */
    public void propertyMissing(String name, Object value) {
        var alias = typed.byAlias(name);
        if (alias.isPresent()) {
            assign(alias.get().wire(), typed.encode(alias.get(), value));
            return;
        }
        if (!state.contains(name)) {
            throw GroovySupport.missingProperty("image " + getId() + " has no property '" + name
                    + "'; to add it, write image['" + name + "'] = value", name, Image.class);
        }
        assignWire(name, value);
    }

    /** The custom (non-schema) properties, sorted by name: what {@code openstack image show} calls properties. */
    public Map<String, Object> custom() {
        Map<String, Object> out = new TreeMap<>();
        state.current().forEach((k, v) -> {
            if (!ImageState.BASE.contains(k) && v.getValueType() != JsonValue.ValueType.NULL) {
                out.put(k, Json.toJava(v));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Every attribute and property as plain Java, in the server's order, with unsaved changes applied. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        state.current().forEach((k, v) -> out.put(k, Json.toJava(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The image as JSON, with unsaved changes applied. */
    public JsonObject toJson() {
        var b = Json.object();
        state.current().forEach(b::add);
        return b.build();
    }

    // ---- changes -------------------------------------------------------------------------------------------

    /** What {@link #save()} would send now: empty when nothing changed. */
    public ImagePatch pendingPatch() {
        return ImageDiff.between(getId(), state.original(), state.current(), cloud.context().schema());
    }

    public boolean isChanged() {
        return !pendingPatch().isEmpty();
    }

    /**
     * Sends the changes as one JSON patch and takes the server's answer as the new state. Sends nothing when
     * nothing changed. When the server refuses, the changes stay pending (fix them, or {@link #refresh()}).
     */
    public Image save() {
        // before the patch, which needs the image schema that a read-only source's cloud does not have
        SourcedImages.requireWritable(cloud, "save", getId());
        ImagePatch patch = pendingPatch();
        if (patch.isEmpty()) {
            return this;
        }
        CloudContext ctx = cloud.context();
        JsonObject answer = ctx.transport().json(ApiRequest.builder("PATCH", ctx.v2("/images/" + seg()))
                .body(ImagePatch.MEDIA_TYPE, Json.bytes(patch.toJson())).build());
        reset(answer);
        return this;
    }

    /**
     * Applies {@code changes} to this image and saves them in one PATCH. If {@code changes} throws, or the server
     * refuses, the image is as it was before the call.
     */
    public Image update(Consumer<? super Image> changes) {
        Map<String, JsonValue> before = state.snapshot();
        try {
            changes.accept(this);
            return save();
        } catch (RuntimeException | Error e) {
            state.restore(before);
            throw e;
        }
    }

    /** Reads the image again, dropping unsaved changes. */
    public Image refresh() {
        reset(cloud.images().fetch(getId()));
        return this;
    }

    /** Deletes the image (403 when protected: {@code image.protected = false; image.save()} first). */
    public void delete() {
        SourcedImages.requireWritable(cloud, "delete", getId());
        CloudContext ctx = cloud.context();
        ctx.transport().discard(ApiRequest.builder("DELETE", ctx.v2("/images/" + seg())).build());
    }

    /** Makes the data unavailable for download or boot, keeping the image (admins; upstream Glance). */
    public Image deactivate() {
        return action("deactivate");
    }

    public Image reactivate() {
        return action("reactivate");
    }

    private Image action(String name) {
        SourcedImages.requireWritable(cloud, name, getId());
        CloudContext ctx = cloud.context();
        ctx.transport().discard(ApiRequest.builder("POST", ctx.v2("/images/" + seg() + "/actions/" + name)).build());
        return refresh();
    }

    /** Adds one tag at once ({@code PUT .../tags/{tag}}), without touching other changes. */
    public Image addTag(String tag) {
        SourcedImages.requireWritable(cloud, "tag", getId());
        CloudContext ctx = cloud.context();
        ctx.transport().discard(ApiRequest.builder("PUT", ctx.v2("/images/" + seg() + "/tags/" + Links.segment(tag)))
                .build());
        return syncTags();
    }

    /** Removes one tag at once; a tag the image lacks is a {@link dev.glaze.core.NotFoundException}. */
    public Image removeTag(String tag) {
        SourcedImages.requireWritable(cloud, "untag", getId());
        CloudContext ctx = cloud.context();
        ctx.transport().discard(ApiRequest.builder("DELETE",
                ctx.v2("/images/" + seg() + "/tags/" + Links.segment(tag))).build());
        return syncTags();
    }

    private Image syncTags() {
        state.resetKeeping(cloud.images().fetch(getId()), "tags"); // other unsaved changes stay
        return this;
    }

    // ---- sharing -------------------------------------------------------------------------------------------

    /** Who the image is shared with (owner: everyone; a member: itself). */
    public List<Member> getMembers() {
        return Member.list(this);
    }

    /** Shares the image with a project; it sees it once it accepts ({@link #accept()} in that project). */
    public Member share(String projectId) {
        SourcedImages.requireWritable(cloud, "share", getId());
        return Member.add(this, projectId);
    }

    /** Stops sharing the image with a project. */
    public void unshare(String projectId) {
        SourcedImages.requireWritable(cloud, "unshare", getId());
        Member.remove(this, projectId);
    }

    /** As a project the image was shared with: accept it (it then appears in listings). */
    public Member accept() {
        SourcedImages.requireWritable(cloud, "accept", getId());
        return Member.setStatus(this, myProject(), "accepted");
    }

    public Member reject() {
        SourcedImages.requireWritable(cloud, "reject", getId());
        return Member.setStatus(this, myProject(), "rejected");
    }

    private String myProject() {
        return cloud.context().projectId().orElseThrow(() -> new ConfigurationException(
                "the project of this connection is unknown (a token given by hand): set it with project(...)"));
    }

    // ---- data and tasks ------------------------------------------------------------------------------------

    /**
     * Uploads a file as the image's data, streamed; the image must be {@code queued} and have its disk and container
     * formats. Afterwards the image is refreshed (active, with its hashes) and the server's hashes are compared with
     * those of what was sent.
     */
    public Image upload(Path file) {
        return upload(file, UploadOptions.defaults());
    }

    /** As {@link #upload(Path)}, reporting progress (on the thread sending the data) about ten times a second. */
    public Image upload(Path file, Consumer<TransferProgress> progress) {
        return upload(file, UploadOptions.builder().progress(progress).build());
    }

    /** As {@link #upload(Path)}, with a progress callback and the choice to skip the hash comparison. */
    public Image upload(Path file, UploadOptions options) {
        SourcedImages.requireWritable(cloud, "upload to", getId());
        ImageData.upload(this, file, options);
        return this;
    }

    /** Uploads a stream of {@code size} bytes ({@code -1} when unknown); it cannot be retried. */
    public Image upload(InputStream data, long size, Consumer<TransferProgress> progress) {
        SourcedImages.requireWritable(cloud, "upload to", getId());
        ImageData.upload(this, data, size, UploadOptions.builder().progress(progress).build());
        return this;
    }

    /**
     * Downloads the data to a file (or, given a folder, to {@code <name>.<disk_format>} in it) through
     * {@code <file>.part}, verified against {@code os_hash_value} (or the MD5 checksum), resuming a broken
     * connection; an existing file is an error (see {@link DownloadOptions#isOverwrite()}). Returns the file.
     */
    public Path download(Path to) {
        return download(to, DownloadOptions.defaults());
    }

    public Path download(Path to, Consumer<TransferProgress> progress) {
        return download(to, DownloadOptions.builder().progress(progress).build());
    }

    public Path download(Path to, DownloadOptions options) {
        SourcedImages.requireWritable(cloud, "download", getId());
        return ImageData.download(this, to, options);
    }

    // ---- interoperable import (upstream Glance 2.6+) --------------------------------------------------------

    /**
     * Has the image service download {@code url} into this queued image ({@code web-download}); the image is then
     * {@code importing}: follow it with {@link #awaitStatus}. The cloud must list the method in
     * {@code /v2/info/import} (checked first).
     */
    public Image importFrom(String url) {
        SourcedImages.requireWritable(cloud, "import into", getId());
        ImageImport.webDownload(this, url);
        return this;
    }

    /**
     * Stages a file ({@code PUT .../stage}, with progress as {@link #upload(Path, Consumer)} reports it) and imports
     * it ({@code glance-direct}); follow the import with {@link #awaitStatus}.
     */
    public Image stageAndImport(Path file) {
        return stageAndImport(file, (Consumer<TransferProgress>) null);
    }

    public Image stageAndImport(Path file, Consumer<TransferProgress> progress) {
        SourcedImages.requireWritable(cloud, "import into", getId());
        ImageImport.glanceDirect(this, file, UploadOptions.builder().progress(progress).build());
        return this;
    }

    /** As {@link #stageAndImport(Path, Consumer)} from a stream of {@code size} bytes ({@code -1}: unknown). */
    public Image stageAndImport(InputStream data, long size, Consumer<TransferProgress> progress) {
        SourcedImages.requireWritable(cloud, "import into", getId());
        ImageImport.glanceDirect(this, data, size, UploadOptions.builder().progress(progress).build());
        return this;
    }

    /**
     * Copies this active image's data to more stores ({@code copy-image}); the cloud must have several
     * ({@code /v2/info/stores}, checked first).
     */
    public Image copyTo(Collection<String> stores) {
        SourcedImages.requireWritable(cloud, "copy", getId());
        ImageImport.copy(this, stores);
        return this;
    }

    public Image copyTo(String... stores) {
        return copyTo(List.of(stores));
    }

    /**
     * Polls until the image is {@code status} (e.g. {@code active}) and returns it, refreshed. Fails with one line
     * when the image is killed or deleted, when an import ends with it queued again (Glance's sign of a failed
     * import) or names failed stores, and when {@code timeout} passes (the image carries on on the service).
     */
    public Image awaitStatus(String status, java.time.Duration timeout) {
        return StatusWait.await(this, status, timeout, importRequested);
    }

    /** As {@link #awaitStatus(String, java.time.Duration)} for up to 30 minutes. */
    public Image awaitStatus(String status) {
        return awaitStatus(status, java.time.Duration.ofMinutes(30));
    }

    void importStarted() {
        importRequested = cloud.context().clock().instant();
    }

    /** Starts exporting this image to a container of the region's object store; {@code .await()} the task. */
    public Task export(String container) {
        SourcedImages.requireWritable(cloud, "export", getId());
        return cloud.tasks().export(this, container);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    String seg() {
        return Links.segment(getId());
    }

    private void assign(String name, Object value) {
        state.assign(getId(), name, value);
    }

    /** By wire name: a property a plugin types is checked and spelled as the plugin says. */
    private void assignWire(String name, Object value) {
        var known = typed.byWireName(name);
        assign(name, known.isPresent() ? typed.encode(known.get(), value) : value);
    }

    private String string(String name) {
        return state.string(name);
    }

    private Long longValue(String name) {
        return state.longValue(name);
    }

    private Instant instant(String name) {
        return state.instant(name);
    }

    @Override
    public String toString() {
        return "Image[" + getName() + " " + getId() + " " + getStatus() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image && java.util.Objects.equals(((Image) o).getId(), getId());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(getId());
    }
}
