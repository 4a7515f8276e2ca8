package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a download goes: the target (a file, or a name made up in a folder) and its {@code .part} file beside it. */
final class DownloadFiles {
    private final Path target;
    private final Path part;

    private DownloadFiles(Path target) {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * The files for downloading {@code image} to {@code to}, checked before anything is sent: a folder gets
     * {@code <name or id>.<disk_format>}; an existing file is an error unless {@code overwrite}.
     */
    static DownloadFiles plan(Image image, Path to, boolean overwrite) {
        Path target = Files.isDirectory(to) ? to.resolve(fileName(image)) : to;
        if (Files.isDirectory(target)) {
            throw new GlazeException("cannot download image " + image.getId() + " to " + target
                    + ": it is a folder; give a file name");
        }
        if (Files.exists(target) && !overwrite) {
            throw new GlazeException("cannot download image " + image.getId() + " to " + target
                    + ": the file exists; download with overwrite: true to replace it");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new GlazeException("cannot download image " + image.getId() + " to " + target + ": the folder "
                    + parent + " does not exist");
        }
        return new DownloadFiles(target);
    }

    /** The image's name made safe as a file name (or its id), with the disk format as extension unless it has it. */
    static String fileName(Image image) {
        String name = image.getName();
        String base = name == null || name.isBlank() ? image.getId()
                : name.trim().replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
        if (base.equals(".") || base.equals("..")) {
            base = image.getId();
        }
        String format = image.getDiskFormat();
        if (format == null || format.isBlank() || base.endsWith("." + format)) {
            return base;
        }
        return base + "." + format;
    }

    Path target() {
        return target;
    }

    Path part() {
        return part;
    }

    /** Renames the verified .part file to the target in one step, so no one sees a half-written target. */
    void commit(boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new GlazeException(target + " was created during the download; the verified data is in " + part);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE); // rename(2): replaces atomically on POSIX
        } catch (AtomicMoveNotSupportedException e) {
            if (overwrite) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(part, target);
            }
        }
    }

    void deletePart() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // best effort: the error being reported matters more
        }
    }
}
