package dev.glaze.core.config;

import dev.glaze.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * {@code clouds.yaml} and {@code secure.yaml} where openstacksdk finds them: the file {@code OS_CLIENT_CONFIG_FILE}
 * (or {@code OS_CLIENT_SECURE_FILE}) names, else the first of {@code clouds.yaml}, {@code clouds.yml},
 * {@code clouds.json} in the current directory, {@code ~/.config/openstack/}, {@code /etc/openstack/}. The secure
 * file's values are merged over the clouds file's, member by member.
 */
final class CloudsYaml {
    private static final List<String> CLOUDS = List.of("clouds.yaml", "clouds.yml", "clouds.json");
    private static final List<String> SECURE = List.of("secure.yaml", "secure.yml", "secure.json");

    final List<Path> filesRead = new ArrayList<>();
    final List<Path> looked = new ArrayList<>();
    /** Cloud name to its merged settings, in file order. */
    final Map<String, Map<String, Object>> clouds = new LinkedHashMap<>();

    private CloudsYaml() {
    }

    /** The current directory, the user's config folder ({@code $XDG_CONFIG_HOME} or {@code ~/.config}), {@code /etc}. */
    static List<Path> defaultSearchPath(Map<String, String> env) {
        String xdg = EnvironmentReader.value(env, "XDG_CONFIG_HOME");
        Path config = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return List.of(Path.of("").toAbsolutePath(), config.resolve("openstack"), Path.of("/etc/openstack"));
    }

    static CloudsYaml read(Map<String, String> env, List<Path> searchPath) {
        CloudsYaml y = new CloudsYaml();
        Path clouds = y.find(env, "OS_CLIENT_CONFIG_FILE", CLOUDS, searchPath);
        Path secure = y.find(env, "OS_CLIENT_SECURE_FILE", SECURE, searchPath);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : new Path[] {clouds, secure}) {
            if (file != null) {
                y.filesRead.add(file);
                Object c = load(file).get("clouds");
                if (c != null && !(c instanceof Map)) {
                    throw new ConfigurationException(file + ": 'clouds' must be a mapping of cloud names to settings");
                }
                merged = merge(merged, c == null ? Map.of() : asMap(c));
            }
        }
        for (Map.Entry<String, Object> e : merged.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new ConfigurationException(y.filesRead.get(0) + ": cloud '" + e.getKey()
                        + "' must be a mapping of settings (auth, region_name, ...)");
            }
            y.clouds.put(e.getKey(), asMap(e.getValue()));
        }
        return y;
    }

    private Path find(Map<String, String> env, String variable, List<String> names, List<Path> searchPath) {
        String named = EnvironmentReader.value(env, variable);
        if (named != null) {
            Path p = Path.of(named.strip());
            if (!Files.isRegularFile(p)) {
                throw new ConfigurationException(variable + " names " + p + ", which is not a readable file");
            }
            return p;
        }
        for (Path dir : searchPath) {
            for (String n : names) {
                Path p = dir.resolve(n);
                looked.add(p);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Where the files were or were looked for, for messages. */
    String where() {
        if (!filesRead.isEmpty()) {
            return "read " + String.join(", ", filesRead.stream().map(Path::toString).toList());
        }
        return "no clouds.yaml found (looked for " + String.join(", ", looked.stream()
                .filter(p -> p.getFileName().toString().equals("clouds.yaml")).map(Path::toString).toList())
                + "; OS_CLIENT_CONFIG_FILE names another)";
    }

    /** One file as a mapping; a syntax error names the file, line and column. */
    static Map<String, Object> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read: " + e.getMessage(), e);
        }
        Object doc;
        try {
            // Failsafe: every scalar stays the text written, so project_id: 0123 keeps its zero and no value turns
            // into a number or boolean behind the person's back.
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).setSchema(new FailsafeSchema()).build())
                    .loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().or(e::getContextMark)
                    .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
            String problem = e.getProblem() == null ? "" : ": " + e.getProblem().strip();
            throw new ConfigurationException(file + ": not valid YAML" + at + problem, e);
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map)) {
            throw new ConfigurationException(file + ": expected a mapping with 'clouds:' at the top");
        }
        return asMap(doc);
    }

    /** {@code over}'s members replace {@code base}'s; mappings are merged member by member (openstacksdk's merge). */
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object old = out.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                out.put(e.getKey(), merge(asMap(old), asMap(e.getValue())));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
