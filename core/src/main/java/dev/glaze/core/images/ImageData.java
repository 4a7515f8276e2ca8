package dev.glaze.core.images;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Streams image data up and down. (Being written.) */
final class ImageData {
    private ImageData() {
    }

    static void upload(Image image, Path file, Consumer<TransferProgress> progress) {
        throw new UnsupportedOperationException("upload is not written yet");
    }

    static void upload(Image image, InputStream data, long size, Consumer<TransferProgress> progress) {
        throw new UnsupportedOperationException("upload is not written yet");
    }

    static Path download(Image image, Path to, DownloadOptions options) {
        throw new UnsupportedOperationException("download is not written yet");
    }
}
