package dev.glaze.emulator;

import java.nio.file.Path;
import java.time.Clock;
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
    /** How long each step of a task waits before it runs: enough to watch the states change, not to slow tests. */
    public static final Duration DEFAULT_TASK_DELAY = Duration.ofMillis(200);
    /** Glance's {@code [task] task_time_to_live}: a finished task is deleted this long after it finished. */
    public static final Duration DEFAULT_TASK_TIME_TO_LIVE = Duration.ofHours(48);
    /** How many tasks move bytes at the same time, per region; the others wait their turn. */
    public static final int DEFAULT_TASK_WORKERS = 4;

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
    private final Duration taskDelay;
    private final Duration taskTimeToLive;
    private final int taskWorkers;
    private final Clock clock;

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
        this.taskDelay = b.taskDelay;
        this.taskTimeToLive = b.taskTimeToLive;
        this.taskWorkers = b.taskWorkers;
        this.clock = b.clock;
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

    /** How long each step of a task (start, copy) waits before it runs. */
    public Duration taskDelay() {
        return taskDelay;
    }

    /** How long a finished task stays visible (its {@code expires_at} is its end plus this). */
    public Duration taskTimeToLive() {
        return taskTimeToLive;
    }

    /** How many tasks of a region copy data at the same time. */
    public int taskWorkers() {
        return taskWorkers;
    }

    /** What tasks and objects tell the time by; tests move it to see tasks expire. */
    public Clock clock() {
        return clock;
    }

    public Builder toBuilder() {
        return new Builder(dataDir).bind(bind).port(port).profile(profile).maxJsonBytes(maxJsonBytes).threads(threads)
                .auth(auth).usersFile(usersFile).tokenTtl(tokenTtl).regions(regions)
                .imageSizeCap(imageSizeCap).taskDelay(taskDelay).taskTimeToLive(taskTimeToLive)
                .taskWorkers(taskWorkers).clock(clock);
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
        private Duration taskDelay = DEFAULT_TASK_DELAY;
        private Duration taskTimeToLive = DEFAULT_TASK_TIME_TO_LIVE;
        private int taskWorkers = DEFAULT_TASK_WORKERS;
        private Clock clock = Clock.systemUTC();

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

        /** How long each step of a task waits before it runs (0 = at once); at most a day. */
        public Builder taskDelay(Duration taskDelay) {
            Objects.requireNonNull(taskDelay, "taskDelay");
            if (taskDelay.isNegative() || taskDelay.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("task delay must be between 0 and 1 day, not " + taskDelay);
            }
            this.taskDelay = taskDelay;
            return this;
        }

        /** How long a finished task stays before it is deleted (Glance's {@code task_time_to_live}, 48 h). */
        public Builder taskTimeToLive(Duration taskTimeToLive) {
            Objects.requireNonNull(taskTimeToLive, "taskTimeToLive");
            if (taskTimeToLive.isNegative() || taskTimeToLive.isZero()) {
                throw new IllegalArgumentException("taskTimeToLive must be positive, not " + taskTimeToLive);
            }
            this.taskTimeToLive = taskTimeToLive;
            return this;
        }

        /** How many tasks of a region copy data at the same time (the rest wait). */
        public Builder taskWorkers(int taskWorkers) {
            if (taskWorkers < 1) {
                throw new IllegalArgumentException("taskWorkers must be at least 1");
            }
            this.taskWorkers = taskWorkers;
            return this;
        }

        /** The clock for task times, task expiry and object expiry; the system's UTC clock unless a test moves one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
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
