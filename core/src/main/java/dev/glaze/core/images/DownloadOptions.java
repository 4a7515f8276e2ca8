package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How to download image data: replace an existing file or not, pick up a {@code .part} file left by an earlier run,
 * how often to resume a broken connection, progress, and verification. Immutable.
 *
 * <pre>{@code
 * image.download(Path.of("/tmp"), DownloadOptions.builder().overwrite(true).progress(System.out::println).build());
 * // Groovy:
 * image.download(dir, DownloadOptions.from(overwrite: true, resume: true, retries: 5))
 * }</pre>
 *
 * Defaults: no overwrite, no resume of an earlier run, 3 retries, verification on, MD5 accepted when the image has
 * no {@code os_hash_value} (as glanceclient's {@code allow_md5_fallback}).
 */
public final class DownloadOptions {
    private static final Set<String> KEYS = Set.of("overwrite", "resume", "retries", "progress", "verify", "allowMd5", "sync");
    private static final DownloadOptions DEFAULTS = builder().build();

    private final boolean overwrite;
    private final boolean resume;
    private final int retries;
    private final Consumer<TransferProgress> progress;
    private final boolean verify;
    private final boolean allowMd5;
    private final boolean sync;

    private DownloadOptions(Builder b) {
        this.overwrite = b.overwrite;
        this.resume = b.resume;
        this.retries = b.retries;
        this.progress = b.progress;
        this.verify = b.verify;
        this.allowMd5 = b.allowMd5;
        this.sync = b.sync;
    }

    public static DownloadOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from a map (Groovy named arguments): {@code overwrite}, {@code resume}, {@code retries},
     * {@code progress} (a {@link Consumer} or a closure), {@code verify}, {@code allowMd5}, {@code sync}.
     *
     * @throws GlazeException for an unknown key or a value of the wrong kind
     */
    public static DownloadOptions from(Map<String, ?> options) {
        Builder b = builder();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            switch (key) {
                case "overwrite": b.overwrite(flag(key, v)); break;
                case "resume": b.resume(flag(key, v)); break;
                case "verify": b.verify(flag(key, v)); break;
                case "allowMd5": b.allowMd5(flag(key, v)); break;
                case "sync": b.sync(flag(key, v)); break;
                case "retries": b.retries(number(key, v)); break;
                case "progress": b.progress(Callbacks.consumer("download option progress", v)); break;
                default:
                    throw new GlazeException("unknown download option '" + key + "'; the options are "
                            + new TreeSet<>(KEYS));
            }
        }
        return b.build();
    }

    /** Replace an existing target file (otherwise an existing file is an error before anything is downloaded). */
    public boolean isOverwrite() {
        return overwrite;
    }

    /** Continue from {@code <target>.part} left by an earlier, broken download. */
    public boolean isResume() {
        return resume;
    }

    /** How many times a broken connection is resumed with a {@code Range} request. */
    public int getRetries() {
        return retries;
    }

    /** The progress callback, or null. */
    public Consumer<TransferProgress> getProgress() {
        return progress;
    }

    /** Whether the data is checked against the image's recorded hash. */
    public boolean isVerify() {
        return verify;
    }

    /** Whether MD5 ({@code checksum}, {@code Content-MD5}) may verify an image without {@code os_hash_value}. */
    public boolean isAllowMd5() {
        return allowMd5;
    }

    /**
     * Whether the file is flushed to disk ({@code fsync}) before it gets its final name, so that not even a power
     * cut can leave a short file under that name. Off by default, as with curl and wget: it costs seconds per GiB on
     * ordinary disks, and a killed process already leaves only the {@code .part} file.
     */
    public boolean isSync() {
        return sync;
    }

    public Builder toBuilder() {
        return builder().overwrite(overwrite).resume(resume).retries(retries).progress(progress).verify(verify)
                .allowMd5(allowMd5).sync(sync);
    }

    @Override
    public String toString() {
        return "DownloadOptions[overwrite=" + overwrite + ", resume=" + resume + ", retries=" + retries + ", verify="
                + verify + ", allowMd5=" + allowMd5 + ", sync=" + sync + (progress == null ? "" : ", progress") + "]";
    }

    private static boolean flag(String key, Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if ("true".equals(String.valueOf(v)) || "false".equals(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw new GlazeException("download option " + key + " is true or false, not '" + v + "'");
    }

    private static int number(String key, Object v) {
        try {
            return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new GlazeException("download option " + key + " is a whole number, not '" + v + "'");
        }
    }

    /** Builds {@link DownloadOptions}; every setting has a default. */
    public static final class Builder {
        private boolean overwrite;
        private boolean resume;
        private int retries = 3;
        private Consumer<TransferProgress> progress;
        private boolean verify = true;
        private boolean allowMd5 = true;
        private boolean sync;

        private Builder() {
        }

        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder retries(int retries) {
            if (retries < 0) {
                throw new GlazeException("download option retries is 0 or more, not " + retries);
            }
            this.retries = retries;
            return this;
        }

        public Builder progress(Consumer<TransferProgress> progress) {
            this.progress = progress;
            return this;
        }

        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        public Builder allowMd5(boolean allowMd5) {
            this.allowMd5 = allowMd5;
            return this;
        }

        public Builder sync(boolean sync) {
            this.sync = sync;
            return this;
        }

        public DownloadOptions build() {
            return new DownloadOptions(this);
        }
    }
}
