package dev.glaze.core.images;

/** How to download image data. (Being written.) */
public final class DownloadOptions {
    public static DownloadOptions defaults() {
        return new DownloadOptions();
    }
}
