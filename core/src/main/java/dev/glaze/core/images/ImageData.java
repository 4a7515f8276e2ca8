package dev.glaze.core.images;

import dev.glaze.core.ProgressListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Image data up and down, for {@link Image}: uploads in {@link Uploads}, downloads in {@link Download} (with
 * {@link DownloadFiles} and {@link DownloadCheck}). Nothing is ever held in memory whole. A transfer without a
 * progress callback of its own is shown by the cloud's {@link ProgressListener}, if it has one.
 */
final class ImageData {
    private ImageData() {
    }

    /** Uploads a file and refreshes {@code image} (it is active then, with its hashes). */
    static void upload(Image image, Path file, UploadOptions options) {
        watched(image, true, options.getProgress(), p -> {
            Uploads.file(image, file, p == null ? options : withProgress(options, p));
            return null;
        });
    }

    /** Uploads a stream (not replayable: a failure is not retried) and refreshes {@code image}. */
    static void upload(Image image, InputStream data, long size, UploadOptions options) {
        watched(image, true, options.getProgress(), p -> {
            Uploads.stream(image, data, size, p == null ? options : withProgress(options, p));
            return null;
        });
    }

    /** Downloads to {@code to} (a file, or a folder to put {@code <name>.<disk_format>} in) and returns the file. */
    static Path download(Image image, Path to, DownloadOptions options) {
        DownloadFiles files = DownloadFiles.plan(image, to, options.isOverwrite());
        // The image as the server has it now: its hashes and status may have changed since it was read.
        var fresh = image.getCloud().images().fetch(image.getId());
        return watched(image, false, options.getProgress(), p -> new Download(image.getCloud().context(), fresh,
                files, p == null ? options : options.toBuilder().progress(p).build()).run());
    }

    /**
     * Runs {@code transfer} with the listener's watch as its progress callback when the caller gave none (the
     * function gets null when nothing watches), and closes the watch however the transfer ends.
     */
    private static <T> T watched(Image image, boolean upload, Consumer<TransferProgress> own,
            Function<Consumer<TransferProgress>, T> transfer) {
        ProgressListener.Watch<TransferProgress> watch = own == null
                ? image.getCloud().context().progress().transferring(image, upload) : null;
        if (watch == null) {
            return transfer.apply(null);
        }
        try (watch) {
            return transfer.apply(watch::update);
        }
    }

    private static UploadOptions withProgress(UploadOptions options, Consumer<TransferProgress> progress) {
        return UploadOptions.builder().verify(options.isVerify()).progress(progress).build();
    }
}
