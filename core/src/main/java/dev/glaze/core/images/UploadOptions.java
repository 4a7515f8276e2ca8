package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How to upload image data: a progress callback, and whether glaze hashes what it sends to compare with what the
 * service records (on by default; the hash costs CPU, about one core per 300 MiB/s for SHA-512).
 *
 * <pre>{@code
 * image.upload(file, UploadOptions.builder().progress(p -> System.out.println(p)).build());
 * image.upload(file: 'disk.raw', verify: false)          // Groovy
 * }</pre>
 */
public final class UploadOptions {
    private static final Set<String> KEYS = Set.of("progress", "verify");
    private static final UploadOptions DEFAULTS = builder().build();

    private final Consumer<TransferProgress> progress;
    private final boolean verify;

    private UploadOptions(Builder b) {
        this.progress = b.progress;
        this.verify = b.verify;
    }

    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From named arguments: {@code progress} (a Consumer or anything with {@code call(Object)}), {@code verify}. */
    public static UploadOptions from(Map<String, ?> options) {
        Builder b = builder();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (!KEYS.contains(key)) {
                throw new GlazeException("unknown upload option '" + key + "'; the options are " + new TreeSet<>(KEYS));
            }
            if (key.equals("verify")) {
                if (!(v instanceof Boolean)) {
                    throw new GlazeException("upload option verify must be true or false, not " + v);
                }
                b.verify((Boolean) v);
            } else {
                b.progress(Callbacks.consumer("upload option progress", v));
            }
        }
        return b.build();
    }

    /** Called about ten times a second, and once at the end; null for none. */
    public Consumer<TransferProgress> getProgress() {
        return progress;
    }

    public boolean isVerify() {
        return verify;
    }

    @Override
    public String toString() {
        return "UploadOptions[verify=" + verify + (progress == null ? "" : ", progress") + "]";
    }

    public static final class Builder {
        private Consumer<TransferProgress> progress;
        private boolean verify = true;

        private Builder() {
        }

        public Builder progress(Consumer<TransferProgress> progress) {
            this.progress = progress;
            return this;
        }

        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadOptions && ((UploadOptions) o).verify == verify
                && Objects.equals(((UploadOptions) o).progress, progress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(verify, progress);
    }
}
