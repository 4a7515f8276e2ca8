package dev.glaze.emulator;

import java.nio.file.Path;
import java.util.Objects;

/** How an {@link ImageService} is started. Immutable; build one with {@link #builder(Path)}. */
public final class ServiceConfig {
    public static final int DEFAULT_PORT = 9292;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The largest JSON request body accepted; larger ones get 413. */
    public static final int DEFAULT_MAX_JSON_BYTES = 1 << 20;
    /** Glance's default {@code image_size_cap}: 1 TiB; larger uploads get 413. */
    public static final long DEFAULT_IMAGE_SIZE_CAP = 1L << 40;

    private final String bind;
    private final int port;
    private final Path dataDir;
    private final Profile profile;
    private final int maxJsonBytes;
    private final int threads;
    private final long imageSizeCap;

    private ServiceConfig(Builder b) {
        this.bind = b.bind;
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.profile = b.profile;
        this.maxJsonBytes = b.maxJsonBytes;
        this.threads = b.threads;
        this.imageSizeCap = b.imageSizeCap;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public String bind() {
        return bind;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Profile profile() {
        return profile;
    }

    public int maxJsonBytes() {
        return maxJsonBytes;
    }

    public int threads() {
        return threads;
    }

    /** The largest image upload accepted, in bytes. */
    public long imageSizeCap() {
        return imageSizeCap;
    }

    public Builder toBuilder() {
        return new Builder(dataDir).bind(bind).port(port).profile(profile).maxJsonBytes(maxJsonBytes).threads(threads)
                .imageSizeCap(imageSizeCap);
    }

    /** Collects the settings of a {@link ServiceConfig}. */
    public static final class Builder {
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private Profile profile = Profile.RACKSPACE;
        private int maxJsonBytes = DEFAULT_MAX_JSON_BYTES;
        private int threads = 32;
        private long imageSizeCap = DEFAULT_IMAGE_SIZE_CAP;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder bind(String bind) {
            this.bind = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** The TCP port; 0 picks any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range: use 0 to 65535 (0 = any free port)");
            }
            this.port = port;
            return this;
        }

        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder maxJsonBytes(int maxJsonBytes) {
            this.maxJsonBytes = maxJsonBytes;
            return this;
        }

        /** How many requests are served at once. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** The largest image upload accepted, in bytes (Glance's {@code image_size_cap}); larger ones get 413. */
        public Builder imageSizeCap(long imageSizeCap) {
            if (imageSizeCap < 0) {
                throw new IllegalArgumentException("imageSizeCap must not be negative");
            }
            this.imageSizeCap = imageSizeCap;
            return this;
        }

        public ServiceConfig build() {
            return new ServiceConfig(this);
        }
    }
}
