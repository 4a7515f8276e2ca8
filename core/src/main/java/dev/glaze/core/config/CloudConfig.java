package dev.glaze.core.config;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.auth.Authenticator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud as the environment or {@code clouds.yaml} describes it, checked: how to sign in, the region, the
 * interface, an image endpoint given by hand. Immutable; {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * Cloud cloud = CloudConfig.fromEnvironment().toBuilder().httpLog(System.err::println).build();
 * Cloud prod = CloudConfig.named("prod").toBuilder().region("ORD").build();
 * List<String> names = CloudConfig.names();      // the clouds of clouds.yaml
 * }</pre>
 *
 * The environment is read in this order: {@code OS_CLOUD} (a clouds.yaml entry, any {@code OS_*} variable set
 * overriding it), then {@code OS_AUTH_URL} and the other {@code OS_*} variables (also {@code OS_API_KEY} alone for
 * Rackspace, or {@code OS_IMAGE_URL}/{@code OS_ENDPOINT} with {@code OS_TOKEN}), then {@code API_ENDPOINT} with
 * {@code AUTH_TOKEN}. An identity URL ending in {@code /v2.0}, or an API key, means Rackspace Identity v2.0;
 * otherwise Keystone v3.
 */
public final class CloudConfig {
    private final String name;
    private final String source;
    private final AuthType authType;
    private final String authUrl;
    private final String region;
    private final List<String> regions;
    private final String iface;
    private final URI imageEndpoint;
    private final String user;
    private final String projectName;
    private final String projectId;
    private final String token;
    private final Authenticator authenticator;

    CloudConfig(String name, String source, AuthType authType, String authUrl, String region, List<String> regions,
            String iface, URI imageEndpoint, String user, String projectName, String projectId, String token,
            Authenticator authenticator) {
        this.name = name;
        this.source = source;
        this.authType = authType;
        this.authUrl = authUrl;
        this.region = region;
        this.regions = regions;
        this.iface = iface;
        this.imageEndpoint = imageEndpoint;
        this.user = user;
        this.projectName = projectName;
        this.projectId = projectId;
        this.token = token;
        this.authenticator = authenticator;
    }

    /** The cloud the process environment describes. @throws ConfigurationException naming what to set */
    public static CloudConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The cloud {@code env} describes (a map, so that callers and specs need not change the real environment). */
    public static CloudConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, CloudsYaml.defaultSearchPath(env));
    }

    /** As {@link #fromEnvironment(Map)}, looking for clouds.yaml in {@code searchPath} (folders) for {@code OS_CLOUD}. */
    public static CloudConfig fromEnvironment(Map<String, String> env, List<Path> searchPath) {
        RawConfig vars = EnvironmentReader.read(env);
        String cloud = EnvironmentReader.value(env, "OS_CLOUD");
        if (cloud != null) {
            RawConfig raw = entry(cloud.strip(), env, searchPath);
            raw.overlay(vars);
            return Resolver.resolve(raw);
        }
        if (vars.has("auth_url") || vars.has("api_key") || vars.has("image_endpoint_override") || vars.has("token")) {
            return Resolver.resolve(vars);
        }
        RawConfig seed = EnvironmentReader.seed(env);
        if (seed != null) {
            return Resolver.resolve(seed);
        }
        throw new ConfigurationException("no cloud configured: set OS_CLOUD to a clouds.yaml entry, or OS_AUTH_URL"
                + " with OS_USERNAME and OS_PASSWORD (or OS_API_KEY for Rackspace), or OS_IMAGE_URL with OS_TOKEN,"
                + " or API_ENDPOINT with AUTH_TOKEN");
    }

    /** The cloud called {@code name} in clouds.yaml (merged with secure.yaml), found where openstacksdk looks. */
    public static CloudConfig named(String name) {
        Map<String, String> env = System.getenv();
        return named(name, env, CloudsYaml.defaultSearchPath(env));
    }

    /**
     * The cloud called {@code name}: clouds.yaml from {@code OS_CLIENT_CONFIG_FILE} in {@code env}, else the first
     * folder of {@code searchPath} that has one; secure.yaml likewise ({@code OS_CLIENT_SECURE_FILE}). The
     * {@code OS_*} variables of {@code env} are not applied (use {@link #fromEnvironment} with {@code OS_CLOUD}).
     *
     * @throws ConfigurationException for an unknown name (listing the known ones and the files read) or bad YAML
     */
    public static CloudConfig named(String name, Map<String, String> env, List<Path> searchPath) {
        return Resolver.resolve(entry(name, env, searchPath));
    }

    /** The names of the clouds in clouds.yaml and secure.yaml, in file order; empty when there is no file. */
    public static List<String> names() {
        Map<String, String> env = System.getenv();
        return names(env, CloudsYaml.defaultSearchPath(env));
    }

    public static List<String> names(Map<String, String> env, List<Path> searchPath) {
        return new ArrayList<>(CloudsYaml.read(env, searchPath).clouds.keySet());
    }

    /** Where clouds.yaml is looked for by default: the current folder, {@code ~/.config/openstack}, {@code /etc/openstack}. */
    public static List<Path> defaultSearchPath(Map<String, String> env) {
        return CloudsYaml.defaultSearchPath(env);
    }

    private static RawConfig entry(String name, Map<String, String> env, List<Path> searchPath) {
        CloudsYaml files = CloudsYaml.read(env, searchPath);
        Map<String, Object> cloud = files.clouds.get(name);
        if (cloud == null) {
            String known = files.clouds.isEmpty() ? "none" : String.join(", ", files.clouds.keySet());
            throw new ConfigurationException("no cloud '" + name + "' in clouds.yaml (" + files.where()
                    + "); known clouds: " + known);
        }
        return YamlCloud.toRaw(name, cloud, "cloud '" + name + "' in " + String.join(", ",
                files.filesRead.stream().map(Path::toString).toList()));
    }

    /** A {@link Cloud.Builder} with these settings; change any of them before {@code build()}. */
    public Cloud.Builder toBuilder() {
        Cloud.Builder b = Cloud.builder().name(name).region(region).iface(iface);
        if (imageEndpoint != null) {
            b.endpoint(imageEndpoint);
        }
        if (authenticator != null) {
            b.authenticator(authenticator);
        } else {
            b.token(token).project(projectId);
        }
        return b;
    }

    /** The clouds.yaml name; empty for a cloud described by variables alone. */
    public Optional<String> getName() {
        return Optional.ofNullable(name);
    }

    /** Where the settings came from: {@code the environment}, or the cloud and its files. */
    public String getSource() {
        return source;
    }

    public AuthType getAuthType() {
        return authType;
    }

    /** The identity URL as given; empty for {@link AuthType#ENDPOINT}. */
    public Optional<String> getAuthUrl() {
        return Optional.ofNullable(authUrl);
    }

    /** The region asked for ({@code region_name}, {@code OS_REGION_NAME}, or the first of {@code regions}). */
    public Optional<String> getRegion() {
        return Optional.ofNullable(region);
    }

    /** The regions clouds.yaml lists for this cloud (often none: then the catalog's). */
    public List<String> getRegions() {
        return regions;
    }

    /** The catalog interface: {@code public}, {@code internal} or {@code admin}. */
    public String getInterface() {
        return iface;
    }

    /** The image endpoint given by hand, which overrides the catalog. */
    public Optional<URI> getImageEndpoint() {
        return Optional.ofNullable(imageEndpoint);
    }

    /** The user name (or id) that signs in. */
    public Optional<String> getUser() {
        return Optional.ofNullable(user);
    }

    public Optional<String> getProjectName() {
        return Optional.ofNullable(projectName);
    }

    public Optional<String> getProjectId() {
        return Optional.ofNullable(projectId);
    }

    /** How to sign in; empty for {@link AuthType#ENDPOINT}. */
    public Optional<Authenticator> getAuthenticator() {
        return Optional.ofNullable(authenticator);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CloudConfig{");
        if (name != null) {
            b.append("name=").append(name).append(", ");
        }
        b.append("auth=").append(authType.wireName());
        append(b, "auth_url", authUrl);
        append(b, "user", user);
        append(b, "project", projectName != null ? projectName : projectId);
        append(b, "region", region);
        append(b, "interface", iface);
        append(b, "image_endpoint", imageEndpoint);
        return b.append('}').toString();
    }

    private static void append(StringBuilder b, String key, Object value) {
        if (value != null) {
            b.append(", ").append(key).append('=').append(value);
        }
    }
}
