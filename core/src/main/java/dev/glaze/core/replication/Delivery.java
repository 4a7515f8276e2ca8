package dev.glaze.core.replication;

import dev.glaze.core.ApiException;
import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.images.Image;
import dev.glaze.core.storage.Container;
import dev.glaze.core.tasks.AwaitOptions;
import dev.glaze.core.tasks.TaskFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings one image's data into one target and makes the copy look like its source: on Rackspace through an object
 * in the target's Cloud Files and an import task, elsewhere by creating the image and uploading; then the tags,
 * custom properties and minimums, and a check of size and hash.
 */
final class Delivery {
    /** Properties a cloud keeps for itself: never copied. */
    private static final List<String> OWN_PREFIXES = List.of("os_glance_", "os_hash_", "direct_url", "locations",
            "stores", "owner_specified.");

    record Result(Image image, String note) {
    }

    private final String container;
    private final boolean keepObjects;
    private final AwaitOptions await;

    Delivery(String container, boolean keepObjects, AwaitOptions await) {
        this.container = container;
        this.keepObjects = keepObjects;
        this.await = await;
    }

    Result deliver(Image source, SourceData data, Cloud target) {
        SourceData.Data bytes = data.of(source);
        Image copy = target.getProfile() == ServiceProfile.RACKSPACE ? imported(source, bytes, target)
                : uploaded(source, bytes, target);
        List<String> refused;
        try {
            refused = copyAttributes(source, copy);
            copy = copy.refresh();
        } catch (RuntimeException e) {
            // a copy without its tags and properties would pass for identical next time: it goes again
            deleteQuietly(copy);
            throw e instanceof GlazeException g ? new GlazeException("the copy's tags and properties could not be set ("
                    + g.getMessage() + "); it was deleted again", g) : e;
        }
        if (!Identical.sameData(source, copy)) {
            String why = Identical.difference(source, copy);
            copy.delete();
            throw new GlazeException("the copy arrived with " + why + "; it was deleted again");
        }
        return new Result(copy, refused.isEmpty() ? "" : "not copied, refused by the service: "
                + String.join(", ", refused));
    }

    private Image imported(Image source, SourceData.Data bytes, Cloud target) {
        Container store = target.containers().create(container);
        String object = bytes.objectName();
        try (InputStream in = bytes.open()) {
            store.upload(object, in, bytes.size());
        } catch (IOException e) {
            throw new GlazeException("copying the data of " + source.getName() + " failed: " + e.getMessage(), e);
        }
        boolean ended = false;
        try {
            Image imported = target.tasks().importImage(Map.of("from", container + "/" + object, "name",
                    source.getName())).await(await).getImage();
            ended = true;
            return imported;
        } catch (TaskFailedException e) {
            ended = true;
            throw e;
        } catch (GlazeException e) {
            // a timeout, a Ctrl-C, a poll that failed: the import may still read the object, which must stay
            throw new GlazeException(e.getMessage() + "; the object " + container + "/" + object + " was kept for"
                    + " it: run the replication again once the task has ended", e);
        } finally {
            if (!keepObjects && ended) {
                try {
                    store.object(object).delete();
                } catch (RuntimeException e) {
                    // the copy stays in the target's container; the report's image is what counts
                }
            }
        }
    }

    private Image uploaded(Image source, SourceData.Data bytes, Cloud target) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", source.getName());
        attributes.put("disk_format", source.getDiskFormat());
        attributes.put("container_format", source.getContainerFormat());
        Image copy = target.images().create(attributes);
        try (InputStream in = bytes.open()) {
            return copy.upload(in, bytes.size(), null);
        } catch (IOException | RuntimeException e) {
            copy.delete(); // no queued image without data left behind
            throw e instanceof GlazeException g ? g
                    : new GlazeException("uploading " + source.getName() + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Image copy) {
        try {
            copy.delete();
        } catch (RuntimeException e) {
            // the row's note says it failed; the half-made copy is the user's to delete
        }
    }

    /**
     * Brings an identical copy up to the source where it falls short (a run cut short after the import left it so):
     * adds the source's tags it lacks, sets the source's custom properties where they differ, and raises minimums
     * below the source's. Takes nothing away that only the copy has. Returns the row's note; a dry run only says.
     */
    static String bringUpToDate(Image source, Image copy, boolean dryRun) {
        String project = copy.getCloud().getProjectId().orElse(null);
        if (copy.getOwner() != null && project != null && !copy.getOwner().equals(project)) {
            return "identical image there (of project " + copy.getOwner() + ")";
        }
        java.util.Set<String> tags = new java.util.LinkedHashSet<>(copy.getTags());
        tags.addAll(source.getTags());
        copy.setTags(tags);
        copy.setMinDisk(Math.max(copy.getMinDisk(), source.getMinDisk()));
        copy.setMinRam(Math.max(copy.getMinRam(), source.getMinRam()));
        source.custom().forEach((k, v) -> {
            if (OWN_PREFIXES.stream().noneMatch(k::startsWith) && !v.equals(copy.attribute(k))) {
                copy.put(k, v);
            }
        });
        if (copy.pendingPatch().isEmpty()) {
            return "identical image there";
        }
        if (dryRun) {
            return "identical image there; its tags and properties would be brought up to date";
        }
        try {
            copy.save();
            return "identical image there; its tags and properties were brought up to date";
        } catch (GlazeException e) {
            copy.refresh();
            return "identical image there; its tags and properties could not be brought up to date: " + e.getMessage();
        }
    }

    /** Tags, custom properties and minimums; returns the properties the service refused, which stay uncopied. */
    private static List<String> copyAttributes(Image source, Image copy) {
        Map<String, Object> properties = new LinkedHashMap<>();
        source.custom().forEach((k, v) -> {
            if (OWN_PREFIXES.stream().noneMatch(k::startsWith)) {
                properties.put(k, v);
            }
        });
        try {
            copy.update(c -> {
                c.setTags(source.getTags());
                c.setMinDisk(source.getMinDisk());
                c.setMinRam(source.getMinRam());
                properties.forEach(c::put);
            });
            return List.of();
        } catch (ApiException all) {
            // one refused property (read-only on this cloud) must not cost the others: one by one
            List<String> refused = new ArrayList<>();
            copy.refresh().update(c -> {
                c.setTags(source.getTags());
                c.setMinDisk(source.getMinDisk());
                c.setMinRam(source.getMinRam());
            });
            properties.forEach((k, v) -> {
                try {
                    copy.refresh().update(c -> c.put(k, v));
                } catch (ApiException e) {
                    refused.add(k);
                }
            });
            return refused;
        }
    }
}
