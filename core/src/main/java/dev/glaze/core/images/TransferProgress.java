package dev.glaze.core.images;

import java.time.Duration;

/** How far an upload or download is. (Being written.) */
public final class TransferProgress {
}
