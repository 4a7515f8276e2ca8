package dev.glaze.shell;

import dev.glaze.core.Cloud;
import dev.glaze.core.auth.Authenticators;
import dev.glaze.core.tasks.TaskJournal;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.GlazeException;
import dev.glaze.core.ProgressListener;
import dev.glaze.core.config.CloudConfig;
import dev.glaze.core.plugins.Plugins;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Chooses the cloud of a glaze process: {@code --local}; else {@code --cloud NAME}; else the environment
 * ({@code OS_CLOUD}, {@code OS_AUTH_URL}, {@code OS_TOKEN} with {@code OS_IMAGE_URL}, {@code API_ENDPOINT} with
 * {@code AUTH_TOKEN}, ...); else the embedded image service, started in-process, so that glaze works on a machine
 * with no cloud account at all.
 */
public final class CloudSelector implements AutoCloseable {
    /** Variables that say a cloud is configured; with none of them the embedded service is used. */
    static final List<String> CLOUD_VARIABLES = List.of("OS_CLOUD", "OS_AUTH_URL", "OS_TOKEN", "OS_IMAGE_URL",
            "OS_ENDPOINT", "OS_API_KEY", "OS_RAX_API_KEY", "API_ENDPOINT", "AUTH_TOKEN");
    /** The name {@code :use} and {@code --cloud} take for the embedded service when clouds.yaml has no such cloud. */
    public static final String LOCAL = "local";
    /** The environment variable with the embedded service's task step delay. */
    static final String TASK_DELAY = "GLAZE_TASK_DELAY";

    private final Map<String, String> env;
    private final Path dataDir;
    private final PrintStream err;
    private final boolean debug;
    private ProgressListener progress = ProgressListener.NONE;
    private EmbeddedService embedded;
    private List<String> regions = List.of();
    /** Found on first use unless given: finding them makes the plugins, which must wait for Groovy's warm-up. */
    private Plugins plugins;

    /**
     * @param env the environment to read (a map, so that specs need not change the real one)
     * @param dataDir the embedded service's data folder
     * @param err where the one line announcing the embedded service and the {@code --debug} HTTP log go
     */
    public CloudSelector(Map<String, String> env, Path dataDir, PrintStream err, boolean debug) {
        this.env = env;
        this.dataDir = dataDir;
        this.err = err;
        this.debug = debug;
    }

    /** The embedded service's regions (none: its one default region). */
    public CloudSelector regions(List<String> names) {
        this.regions = List.copyOf(names);
        return this;
    }

    /** The plugins every cloud selected from now on may use ({@code --plugin}, {@code --no-plugins}). */
    public CloudSelector plugins(Plugins chosen) {
        this.plugins = chosen;
        return this;
    }

    private Plugins plugins() {
        if (plugins == null) {
            plugins = Plugins.discovered();
        }
        return plugins;
    }

    /** What every cloud selected from now on shows while it awaits and transfers (the shell's status line). */
    public CloudSelector progress(ProgressListener progress) {
        this.progress = progress == null ? ProgressListener.NONE : progress;
        return this;
    }

    /**
     * Selects the cloud as the options and the environment say.
     *
     * @throws ConfigurationException when the named cloud or the environment's settings cannot be used
     * @throws CommandFailedException when the embedded service cannot start (its data folder in use, unwritable)
     */
    public Session select(boolean local, String cloudName, String region) throws CommandFailedException {
        if (local) {
            return embedded(region);
        }
        if (cloudName != null) {
            return named(cloudName, region);
        }
        if (CLOUD_VARIABLES.stream().anyMatch(v -> env.get(v) != null && !env.get(v).isBlank())) {
            CloudConfig config = CloudConfig.fromEnvironment(env, CloudConfig.defaultSearchPath(env));
            return session(config, region, config.getName().map(n -> "cloud '" + n + "' (OS_CLOUD)")
                    .orElse("the cloud of the environment"));
        }
        Session session = embedded(region);
        err.println("glaze: no cloud configured: using the embedded image service at " + embedded.url()
                + " (data in " + shortPath(dataDir) + ")");
        err.flush();
        return session;
    }

    Session named(String name, String region) throws CommandFailedException {
        if (name.equals(LOCAL) && !cloudNames().contains(LOCAL)) {
            return embedded(region);
        }
        return session(CloudConfig.named(name, env, CloudConfig.defaultSearchPath(env)), region,
                "cloud '" + name + "'");
    }

    /**
     * {@code GLAZE_TASK_DELAY}: how long each step of the embedded service's tasks waits (as {@code serve
     * --task-delay}), to watch an await, or Ctrl-C one; null for the service's default.
     */
    private Duration taskDelay() {
        String value = env.get(TASK_DELAY);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DurationOption.parse("task-delay", value.strip());
        } catch (UsageException e) {
            throw new ConfigurationException(TASK_DELAY + e.getMessage().substring("--task-delay".length()));
        }
    }

    List<String> cloudNames() {
        try {
            return CloudConfig.names(env, CloudConfig.defaultSearchPath(env));
        } catch (GlazeException e) {
            return List.of();
        }
    }

    private Session session(CloudConfig config, String region, String description) {
        Cloud.Builder builder = config.toBuilder();
        if (region != null) {
            builder.region(region);
        }
        builder.plugins(plugins());
        return new Session(this, configure(builder).build(), description + (region != null ? ", region " + region : ""));
    }

    private Session embedded(String region) throws CommandFailedException {
        if (embedded == null) {
            embedded = EmbeddedService.start(dataDir, taskDelay(), regions);
        }
        String url = embedded.url().toString();
        Cloud cloud;
        if (!regions.isEmpty()) {
            // the service's identity answers any sign-in with a catalog of its regions: region('ORD') as on a cloud
            cloud = configure(Cloud.builder().name(LOCAL).region(region != null ? region : regions.get(0))
                    .authenticator(Authenticators.rackspaceApiKey(url + "/v2.0", LOCAL, "no-key-needed"))
                    .plugins(plugins())).build();
        } else {
            cloud = configure(Cloud.builder().name(LOCAL).endpoint(url).project("local")
                    .objectStore(URI.create(url + "/v1/AUTH_local")).plugins(plugins())).build();
            if (region != null) {
                cloud = cloud.region(region);
            }
        }
        return new Session(this, cloud, "the embedded image service at " + url);
    }

    /** What every cloud of the shell gets: the status line (when there is one) and, with --debug, the HTTP log. */
    private Cloud.Builder configure(Cloud.Builder builder) {
        builder.progress(progress);
        TaskJournal journal = journal();
        if (journal != null) {
            builder.journal(journal);
        }
        if (debug) {
            // core redacts tokens and passwords before a line gets here
            builder.httpLog(line -> {
                err.println(line);
                err.flush();
            });
        }
        return builder;
    }

    /**
     * {@code GLAZE_TASK_JOURNAL}: the file that keeps every task this shell creates ({@code tasks.history}); default
     * {@code ~/.glaze/tasks.jsonl}, {@code off} for none.
     */
    private TaskJournal journal() {
        String setting = env.get("GLAZE_TASK_JOURNAL");
        if (setting != null && setting.strip().equals("off")) {
            return null;
        }
        try {
            return TaskJournal.at(setting == null || setting.isBlank()
                    ? Path.of(System.getProperty("user.home"), ".glaze", "tasks.jsonl") : Path.of(setting.strip()));
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigurationException("GLAZE_TASK_JOURNAL '" + setting + "' is not a valid path: "
                    + e.getReason());
        }
    }

    /** {@code ~/...} for a folder under the home folder, as people write it. */
    static String shortPath(Path path) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path) : path.toString();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
