package dev.glaze.plugin.rackspace;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.images.Image;
import dev.glaze.core.spi.RackspaceTaskFlow;
import dev.glaze.core.storage.StoredObject;
import dev.glaze.core.tasks.ImportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Core's Rackspace task flow (bodies of seed 000, container and object checks, one retry of error 396) with the
 * checks Rackspace would otherwise report minutes later in a failed task: an import reads a VHD, an export
 * starts from an active image.
 */
final class CloudFilesTaskFlow extends RackspaceTaskFlow {
    /** The cookie a dynamic VHD (what XenServer and Rackspace's exports write) starts with. */
    static final byte[] VHD_COOKIE = "conectix".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void checkImport(Cloud cloud, ImportRequest request) {
        String format = request.getFormat() == null ? "vhd" : request.getFormat().toLowerCase(Locale.ROOT);
        if (!format.equals("vhd")) {
            throw new GlazeException("cannot import " + request.getFrom() + ": Rackspace imports VHD images only,"
                    + " not " + format + "; convert it first (qemu-img convert -O vpc)");
        }
        super.checkImport(cloud, request); // the container and the object exist
        if (!cloud.hasObjectStore()) {
            return;
        }
        String from = request.getFrom();
        int slash = from.indexOf('/');
        StoredObject object = cloud.containers().named(from.substring(0, slash)).object(from.substring(slash + 1));
        if (!startsWithCookie(object)) {
            throw new GlazeException("cannot import " + from + ": it does not start like a VHD ('conectix');"
                    + " upload a dynamic VHD, or for a fixed one skip the checks: tasks.withoutPreflight()");
        }
    }

    @Override
    public void checkExport(Cloud cloud, Image image, String container) {
        if (!"active".equals(image.getStatus())) {
            throw new GlazeException("cannot export image " + image.getId() + ": it is " + image.getStatus()
                    + ", not active; upload its data or wait for it to become active first");
        }
        super.checkExport(cloud, image, container);
    }

    private static boolean startsWithCookie(StoredObject object) {
        // reads 8 bytes and closes: the rest of a large object is never transferred
        try (InputStream in = object.openStream()) {
            return Arrays.equals(in.readNBytes(VHD_COOKIE.length), VHD_COOKIE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + object.getLocation() + " to check it is a VHD: "
                    + e.getMessage(), e);
        }
    }
}
