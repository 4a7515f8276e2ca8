package dev.glaze.core.ensure;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.ensure.Ensured.Action;
import dev.glaze.core.images.AmbiguousNameException;
import dev.glaze.core.images.FileComparison;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.ImagePatch;
import dev.glaze.core.images.Images;
import dev.glaze.core.internal.NamedArguments;
import dev.glaze.core.tasks.AwaitOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes an image with this name and these attributes exist, doing only what differs: creates it (with its data
 * from a file, a URL or a Cloud Files object) when there is none, gives data to one left without (queued), and
 * patches the attributes, properties and tags that are not as asked, in one PATCH. Run twice, the second run
 * changes nothing. Properties not named are left alone; tags named are added, others kept.
 *
 * <pre>{@code
 * Ensured e = EnsureImage.named("base-ubuntu").formats("qcow2", "bare").minDisk(10)
 *         .property("os_distro", "ubuntu").tag("base").file(Path.of("ubuntu.qcow2"))
 *         .in(cloud.images());
 * System.out.println(e);     // base-ubuntu 1b2c…: created (uploaded ubuntu.qcow2, …)
 * }</pre>
 *
 * An existing image's data is compared only with a {@link #file(Path)} (by size and hash); data cannot be
 * replaced, so other data is an error that changes nothing. Several images of the name are an error too.
 */
public final class EnsureImage {
    private static final Set<String> UNDER_WAY = Set.of("saving", "uploading", "importing");

    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private Path file;
    private String url;
    private String object;
    private boolean dryRun;
    private AwaitOptions await = AwaitOptions.defaults();

    private EnsureImage(String name) {
        if (name == null || name.isBlank()) {
            throw new GlazeException("ensure needs the image's name, e.g. images.ensure(name: 'base-ubuntu', ...)");
        }
        this.name = name;
    }

    public static EnsureImage named(String name) {
        return new EnsureImage(name);
    }

    /**
     * From named arguments, as {@code images.ensure(...)} takes them in Groovy: {@code name}; {@code diskFormat},
     * {@code containerFormat}, {@code minDisk}, {@code minRam}, {@code visibility}, {@code protected},
     * {@code hidden} (wire names too); {@code tags}; {@code properties} (a map, by wire name or plugin alias);
     * one of {@code file}, {@code url}, {@code object}; {@code dryRun}; {@code timeout}. Any other key is an error
     * (a typo must not become a property).
     */
    public static EnsureImage from(Map<String, ?> args) {
        Object n = args.get("name");
        EnsureImage e = named(n == null ? null : String.valueOf(n));
        args.forEach((k, v) -> {
            String key = String.valueOf(k);
            switch (key.replace("_", "").toLowerCase(Locale.ROOT)) {
                case "name": break;
                case "diskformat": e.attributes.put("disk_format", text(v)); break;
                case "containerformat": e.attributes.put("container_format", text(v)); break;
                case "mindisk": e.minDisk(integer(key, v)); break;
                case "minram": e.minRam(integer(key, v)); break;
                case "visibility": e.visibility(text(v)); break;
                case "protected": e.protect(flag(key, v)); break;
                case "hidden": case "oshidden": e.hidden(flag(key, v)); break;
                case "tags": e.tags(v instanceof Collection<?> c ? c : List.of(v)); break;
                case "properties": e.properties(map(v)); break;
                case "file": e.file(v instanceof File f ? f.toPath() : v instanceof Path p ? p : Path.of(text(v))); break;
                case "url": e.url(text(v)); break;
                case "object": e.object(text(v)); break;
                case "dryrun": e.dryRun(flag(key, v)); break;
                case "timeout": e.await(AwaitOptions.from(Map.of("timeout", v))); break;
                default: throw new GlazeException("ensure does not know '" + key + "': use name, diskFormat,"
                        + " containerFormat, minDisk, minRam, visibility, protected, hidden, tags, file, url, object,"
                        + " dryRun, timeout, or properties: [" + key + ": ...] for a property");
            }
        });
        return e;
    }

    public EnsureImage formats(String diskFormat, String containerFormat) {
        attributes.put("disk_format", Objects.requireNonNull(diskFormat, "diskFormat"));
        attributes.put("container_format", Objects.requireNonNull(containerFormat, "containerFormat"));
        return this;
    }

    public EnsureImage minDisk(int gigabytes) {
        attributes.put("min_disk", gigabytes);
        return this;
    }

    public EnsureImage minRam(int megabytes) {
        attributes.put("min_ram", megabytes);
        return this;
    }

    public EnsureImage visibility(String visibility) {
        attributes.put("visibility", visibility);
        return this;
    }

    /** Protected from deletion (set after the data of a new image, so that a failed upload can still be cleaned up). */
    public EnsureImage protect(boolean value) {
        attributes.put("protected", value);
        return this;
    }

    public EnsureImage hidden(boolean value) {
        attributes.put("os_hidden", value);
        return this;
    }

    /** A tag the image must have (others it has stay). */
    public EnsureImage tag(String tag) {
        tags.add(tag);
        return this;
    }

    public EnsureImage tags(Collection<?> more) {
        more.forEach(t -> tags.add(String.valueOf(t)));
        return this;
    }

    /** A property by wire name or a plugin's alias, with a value of its type; null: the image must not have it. */
    public EnsureImage property(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public EnsureImage properties(Map<String, ?> more) {
        more.forEach(this::property);
        return this;
    }

    /** The data, uploaded from a file when the image has none; an existing image's data is compared with it. */
    public EnsureImage file(Path data) {
        this.file = data;
        return sourceCount();
    }

    /** The data, imported by the service from a URL ({@code web-download}, upstream Glance) when the image has none. */
    public EnsureImage url(String from) {
        this.url = from;
        return sourceCount();
    }

    /** The data, imported from {@code container/object} of Cloud Files (Rackspace) when there is no such image. */
    public EnsureImage object(String containerAndObject) {
        this.object = containerAndObject;
        return sourceCount();
    }

    /** Only finds out what would change: sends no change. */
    public EnsureImage dryRun(boolean dry) {
        this.dryRun = dry;
        return this;
    }

    /** How imports are awaited (timeouts, polling). */
    public EnsureImage await(AwaitOptions options) {
        this.await = Objects.requireNonNull(options, "await");
        return this;
    }

    private EnsureImage sourceCount() {
        if ((file != null ? 1 : 0) + (url != null ? 1 : 0) + (object != null ? 1 : 0) > 1) {
            throw new GlazeException("ensure takes one source of data for '" + name + "': file, url or object");
        }
        return this;
    }

    /** Finds the image of this name in {@code images} and makes it as asked. */
    public Ensured in(Images images) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new GlazeException("ensure '" + name + "': no file " + file);
        }
        if (object != null && images.getCloud().getProfile() != ServiceProfile.RACKSPACE) {
            throw new GlazeException("ensure '" + name + "': object: imports from Cloud Files, which only Rackspace"
                    + " offers; on this cloud give url: (web-download) or file:");
        }
        Optional<Image> found = find(images.getCloud());
        return found.isPresent() ? existing(found.get()) : created(images.getCloud().images());
    }

    /**
     * This project's image of the name, in the whole listing of the cloud (not a filtered one, where it might be
     * missed), hidden ones included (listings leave them out); another project's of the same name is not ours to
     * change. Several are an {@link AmbiguousNameException}.
     */
    private Optional<Image> find(Cloud cloud) {
        Map<String, Image> byId = new LinkedHashMap<>();
        cloud.images().where(Map.of("name", name)).forEach(i -> byId.put(i.getId(), i));
        if (cloud.getProfile() == ServiceProfile.OPENSTACK) {
            cloud.images().where(Map.of("name", name, "os_hidden", true)).forEach(i -> byId.put(i.getId(), i));
        }
        String project = cloud.getProjectId().orElse(null);
        List<Image> mine = byId.values().stream()
                .filter(i -> project == null || i.getOwner() == null || project.equals(i.getOwner())).toList();
        if (mine.size() > 1) {
            throw new AmbiguousNameException(name, new ArrayList<>(mine));
        }
        return mine.stream().findFirst();
    }

    // ---- there is none -------------------------------------------------------------------------------------

    private Ensured created(Images images) {
        boolean withData = file != null || url != null;
        if (withData && (!attributes.containsKey("disk_format") || !attributes.containsKey("container_format"))) {
            throw new GlazeException("ensure '" + name + "': creating it with data needs diskFormat and"
                    + " containerFormat, e.g. diskFormat: 'qcow2', containerFormat: 'bare'");
        }
        List<String> changes = new ArrayList<>();
        changes.add(file != null ? "uploaded " + file.getFileName() : url != null ? "imported from " + url
                : object != null ? "imported from " + object : "no data");
        if (dryRun) {
            describeWanted(changes);
            return new Ensured(name, null, Action.CREATED, changes, true);
        }
        Image image;
        if (object != null) {
            image = images.getCloud().tasks().importImage(Map.of("from", object, "name", name)).await(await).getImage();
        } else {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("name", name);
            attributes.forEach((k, v) -> {
                if (k.endsWith("_format")) {
                    record.put(k, v);
                }
            });
            image = images.create(record);
            giveData(image, true);
        }
        try {
            changes.addAll(converge(image, false));
        } catch (RuntimeException e) {
            throw new GlazeException("ensure '" + name + "': image " + image.getId() + " was made, but its attributes"
                    + " could not be set (" + e.getMessage() + "); run again to finish", e);
        }
        return new Ensured(name, image, Action.CREATED, changes, false);
    }

    /** Uploads or imports into a queued image; one just created is deleted again when that fails. */
    private void giveData(Image image, boolean createdHere) {
        try {
            if (file != null) {
                image.upload(file);
            } else if (url != null) {
                image.importFrom(url).awaitStatus("active", timeout());
            }
        } catch (RuntimeException e) {
            if (url != null && importGoesOn(image)) {
                // a timeout or a Ctrl-C: the service carries on, and the next run finds the image
                throw new GlazeException("ensure '" + name + "': " + e.getMessage() + "; image " + image.getId()
                        + " is kept, and the next run of ensure finds it", e);
            }
            if (createdHere) {
                try {
                    image.delete();
                } catch (RuntimeException ignored) {
                    // the error below says what failed; the queued image is the user's to delete
                }
            }
            throw e;
        }
    }

    /** True when the image is still being imported (asked again without the interrupt, which is kept). */
    private static boolean importGoesOn(Image image) {
        boolean interrupted = Thread.interrupted();
        try {
            Image now = image.refresh();
            return UNDER_WAY.contains(now.getStatus()) || now.has("os_glance_import_task")
                    || "active".equals(now.getStatus());
        } catch (RuntimeException unknown) {
            return true; // cannot tell: keep it rather than delete an image that may be on its way
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Duration timeout() {
        return await.getTimeout();
    }

    // ---- there is one --------------------------------------------------------------------------------------

    private Ensured existing(Image image) {
        String status = image.getStatus();
        if (Set.of("killed", "deleted", "pending_delete").contains(status)) {
            throw new GlazeException("ensure '" + name + "': image " + image.getId() + " is " + status + " and will"
                    + " never have data; delete it (images['" + image.getId() + "'].delete()) and run again");
        }
        if (UNDER_WAY.contains(status)) {
            image = image.awaitStatus("active", timeout());
        }
        boolean queued = "queued".equals(image.getStatus());
        if (!queued) {
            refuseChangedFormats(image);
            if (file != null) {
                Optional<String> differs = FileComparison.difference(image, file);
                if (differs.isPresent()) {
                    throw new GlazeException("ensure '" + name + "': image " + image.getId() + " has " + differs.get()
                            + "; an image's data cannot be replaced: delete it, or give the new data another name");
                }
            }
        }
        List<String> changes = new ArrayList<>();
        boolean needsData = queued && (file != null || url != null || object != null);
        if (needsData) {
            changes.add(file != null ? "uploaded " + file.getFileName() : "imported from " + (url != null ? url : object));
        }
        if (needsData && object != null) {
            // a Rackspace import makes an image of its own, queued until it has the data: this one may be it
            throw new GlazeException("ensure '" + name + "': image " + image.getId() + " has the name and no data;"
                    + " an import from Cloud Files makes a new image, and this one may be an import still under way"
                    + " (tasks.where(status: 'processing')): once none is, delete it and run again");
        }
        if (needsData && (formatOf(image, "disk_format") == null || formatOf(image, "container_format") == null)) {
            throw new GlazeException("ensure '" + name + "': image " + image.getId() + " has no data and no"
                    + " formats; give diskFormat and containerFormat, e.g. diskFormat: 'qcow2', containerFormat: 'bare'");
        }
        if (dryRun) {
            changes.addAll(converge(image, true));
            return new Ensured(name, image, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATED, changes, true);
        }
        if (needsData) {
            changes.addAll(converge(image, false)); // formats first: Glance takes data only with them
            giveData(image, false);
            image.refresh();
        }
        changes.addAll(converge(image, false));
        return new Ensured(name, image, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATED, changes, false);
    }

    private Object formatOf(Image image, String key) {
        return attributes.containsKey(key) ? attributes.get(key) : image.attribute(key);
    }

    private void refuseChangedFormats(Image image) {
        for (String key : List.of("disk_format", "container_format")) {
            Object wanted = attributes.get(key);
            if (wanted != null && !wanted.equals(image.attribute(key))) {
                throw new GlazeException("ensure '" + name + "': image " + image.getId() + " has " + key + " "
                        + image.attribute(key) + ", not " + wanted + ", and the format of an image with data cannot"
                        + " change: delete it, or give the new one another name");
            }
        }
    }

    /**
     * Sets what differs and saves it in one PATCH (nothing when nothing differs; only looks in a dry run); returns
     * the changes in words.
     */
    private List<String> converge(Image image, boolean lookOnly) {
        Map<String, Object> before = image.toMap();
        Object wasProtected = before.get("protected");
        attributes.forEach(image::put);
        properties.forEach((k, v) -> {
            if (v == null) {
                image.remove(k);
            } else {
                image.assignTyped(k, v);
            }
        });
        Set<String> allTags = new LinkedHashSet<>(image.getTags());
        allTags.addAll(tags);
        image.setTags(allTags);
        ImagePatch patch = image.pendingPatch();
        List<String> changes = new ArrayList<>();
        for (ImagePatch.Operation op : patch.operations()) {
            Object old = before.get(op.name());
            changes.add(op.name().equals("tags") ? "tags + " + String.join(", ", added(old, op.value()))
                    : op.op().equals("remove") ? op.name() + " removed"
                    : old == null ? op.name() + " " + op.value() : op.name() + " " + old + " → " + op.value());
        }
        if (lookOnly) {
            image.refresh();
        } else {
            image.save();
        }
        return changes;
    }

    private static List<String> added(Object before, Object after) {
        List<String> out = new ArrayList<>();
        if (after instanceof Collection<?> now) {
            now.forEach(t -> {
                if (!(before instanceof Collection<?> was && was.contains(t))) {
                    out.add(String.valueOf(t));
                }
            });
        }
        return out;
    }

    private void describeWanted(List<String> changes) {
        attributes.forEach((k, v) -> changes.add(k + " " + v));
        properties.forEach((k, v) -> changes.add(k + " " + v));
        if (!tags.isEmpty()) {
            changes.add("tags + " + String.join(", ", tags));
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static int integer(String key, Object v) {
        return NamedArguments.wholeNumber(v).orElseThrow(() ->
                new GlazeException("ensure " + key + ": a whole number, not '" + v + "'"));
    }

    /** true or false, nothing else: "yes" must not quietly mean false (YAML 1.2 reads yes as text). */
    private static boolean flag(String key, Object v) {
        return NamedArguments.flag(v).orElseThrow(() -> new GlazeException("ensure " + key + ": true or false, not '"
                + v + "'"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, ?>) m;
        }
        throw new GlazeException("ensure properties: a map of property names to values, not " + v);
    }
}
