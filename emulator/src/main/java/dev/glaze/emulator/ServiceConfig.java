package dev.glaze.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** How an {@link ImageService} is started. Immutable; build one with {@link #builder(Path)}. */
public final class ServiceConfig {
    public static final int DEFAULT_PORT = 9292;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The largest JSON request body accepted; larger ones get 413. */
    public static final int DEFAULT_MAX_JSON_BYTES = 1 << 20;
    /** How long an identity token lives, as Keystone's default {@code [token] expiration} and Rackspace's. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(24);
    public static final List<String> DEFAULT_REGIONS = List.of("local");
    /** Region names end up in URLs and file names: keep them plain. */
    private static final Pattern REGION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Glance's default {@code image_size_cap}: 1 TiB; larger uploads get 413. */
    public static final long DEFAULT_IMAGE_SIZE_CAP = 1L << 40;

    private final String bind;
    private final int port;
    private final Path dataDir;
    private final Profile profile;
    private final int maxJsonBytes;
    private final int threads;
    private final AuthMode auth;
    private final Path usersFile;
    private final Duration tokenTtl;
    private final List<String> regions;
    private final long imageSizeCap;

    private ServiceConfig(Builder b) {
        this.bind = b.bind;
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.profile = b.profile;
        this.maxJsonBytes = b.maxJsonBytes;
        this.threads = b.threads;
        this.auth = b.auth;
        this.usersFile = b.usersFile;
        this.tokenTtl = b.tokenTtl;
        this.regions = b.regions;
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

    public AuthMode auth() {
        return auth;
    }

    /** The users of {@link AuthMode#KEYSTONE} (see docs/identity.md); null with {@link AuthMode#NONE}. */
    public Path usersFile() {
        return usersFile;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** The regions the identity catalog lists, the first being the default; never empty. */
    public List<String> regions() {
        return regions;
    }

    /** The largest image upload accepted, in bytes. */
    public long imageSizeCap() {
        return imageSizeCap;
    }

    public Builder toBuilder() {
        return new Builder(dataDir).bind(bind).port(port).profile(profile).maxJsonBytes(maxJsonBytes).threads(threads)
                .auth(auth).usersFile(usersFile).tokenTtl(tokenTtl).regions(regions)
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
        private AuthMode auth = AuthMode.NONE;
        private Path usersFile;
        private Duration tokenTtl = DEFAULT_TOKEN_TTL;
        private List<String> regions = DEFAULT_REGIONS;
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

        public Builder auth(AuthMode auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** The users file for {@link AuthMode#KEYSTONE}; null for none. */
        public Builder usersFile(Path usersFile) {
            this.usersFile = usersFile;
            return this;
        }

        public Builder tokenTtl(Duration tokenTtl) {
            Objects.requireNonNull(tokenTtl, "tokenTtl");
            if (tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive, not " + tokenTtl);
            }
            this.tokenTtl = tokenTtl;
            return this;
        }

        /** The catalog's regions, e.g. {@code DFW, ORD, IAD}: at least one, no repeats, letters, digits, . _ -. */
        public Builder regions(List<String> regions) {
            Objects.requireNonNull(regions, "regions");
            if (regions.isEmpty()) {
                throw new IllegalArgumentException("regions must name at least one region");
            }
            var seen = new HashSet<String>();
            for (String r : regions) {
                if (r == null || !REGION_NAME.matcher(r).matches()) {
                    throw new IllegalArgumentException("region name '" + r
                            + "' is not allowed: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                }
                if (!seen.add(r)) {
                    throw new IllegalArgumentException("region " + r + " is listed twice");
                }
            }
            this.regions = List.copyOf(regions);
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
            if (auth == AuthMode.KEYSTONE && usersFile == null) {
                throw new IllegalArgumentException("auth keystone needs a users file (see docs/identity.md)");
            }
            if (auth == AuthMode.NONE && usersFile != null) {
                throw new IllegalArgumentException("a users file is given but auth is none: set auth keystone to use "
                        + usersFile);
            }
            return new ServiceConfig(this);
        }
    }
}
