package dev.glaze.core.images;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Image data up and down, for {@link Image}: uploads in {@link Uploads}, downloads in {@link Download} (with
 * {@link DownloadFiles} and {@link DownloadCheck}). Nothing is ever held in memory whole.
 */
final class ImageData {
    private ImageData() {
    }

    /** Uploads a file and refreshes {@code image} (it is active then, with its hashes). */
    static void upload(Image image, Path file, UploadOptions options) {
        Uploads.file(image, file, options);
    }

    /** Uploads a stream (not replayable: a failure is not retried) and refreshes {@code image}. */
    static void upload(Image image, InputStream data, long size, UploadOptions options) {
        Uploads.stream(image, data, size, options);
    }

    /** Downloads to {@code to} (a file, or a folder to put {@code <name>.<disk_format>} in) and returns the file. */
    static Path download(Image image, Path to, DownloadOptions options) {
        DownloadFiles files = DownloadFiles.plan(image, to, options.isOverwrite());
        // The image as the server has it now: its hashes and status may have changed since it was read.
        var fresh = image.getCloud().images().fetch(image.getId());
        return new Download(image.getCloud().context(), fresh, files, options).run();
    }
}
