package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.Json;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the users of {@code auth keystone} from a JSON file (format in docs/identity.md). Any problem stops the start
 * with one message naming the file, the user and what is wrong; a secret's value never appears in it.
 */
public final class UsersFile {
    private static final Set<String> USER_KEYS =
            Set.of("id", "name", "password", "apiKey", "project", "roles", "defaultRegion");
    private static final Set<String> PROJECT_KEYS = Set.of("id", "name");
    /** Roles a user gets when the file names none: enough to work with its own images, not to administer. */
    static final List<String> DEFAULT_ROLES = List.of("member", "reader");

    private final Path file;
    private final List<String> regions;

    private UsersFile(Path file, List<String> regions) {
        this.file = file;
        this.regions = regions;
    }

    /**
     * @param regions the configured regions; a user's {@code defaultRegion} must be one of them (default: the first)
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static Directory load(Path file, List<String> regions) {
        return new UsersFile(file, regions).read();
    }

    private Directory read() {
        Object root;
        try (InputStream in = Files.newInputStream(file);
                var reader = JsonProvider.provider().createReader(in)) {
            root = Json.toJava(reader.readValue());
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw problem("not valid JSON (near line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | NumberFormatException e) {
            throw problem("not valid JSON");
        } catch (IOException e) {
            throw problem("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("users") instanceof List<?> users)) {
            throw problem("expected a JSON object with a \"users\" array: {\"users\": [{\"name\": ...}]}");
        }
        if (users.isEmpty()) {
            throw problem("no users: with auth keystone nobody could sign in");
        }
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            accounts.add(account(i, users.get(i)));
        }
        checkUnique(accounts);
        return Directory.of(accounts);
    }

    private Account account(int index, Object value) {
        String where = "users[" + index + "]";
        if (!(value instanceof Map<?, ?> user)) {
            throw problem(where + " must be an object");
        }
        if (user.get("name") instanceof String n && !n.isBlank()) {
            where += " (" + n + ")";
        }
        checkKeys(where, user, USER_KEYS);
        String name = text(where, user, "name", true);
        String id = text(where, user, "id", false);
        String password = secret(where, user, "password");
        String apiKey = secret(where, user, "apiKey");
        if (password == null && apiKey == null) {
            throw problem(where + " needs a \"password\" or an \"apiKey\" (or both) to sign in with");
        }
        if (!(user.get("project") instanceof Map<?, ?> project)) {
            throw problem(where + " needs a \"project\" object: {\"id\": \"1234\", \"name\": \"my-project\"}");
        }
        checkKeys(where + ".project", project, PROJECT_KEYS);
        String projectId = text(where + ".project", project, "id", true);
        String projectName = text(where + ".project", project, "name", false);
        String region = text(where, user, "defaultRegion", false);
        if (region != null && !regions.contains(region)) {
            throw problem(where + " has defaultRegion " + region + ", which is not one of the regions " + regions);
        }
        return new Account(id != null ? id : Account.stableId("user", name), name, password, apiKey,
                new Account.Project(projectId, projectName != null ? projectName : projectId), roles(where, user),
                region != null ? region : regions.get(0));
    }

    private List<String> roles(String where, Map<?, ?> user) {
        Object value = user.get("roles");
        if (value == null) {
            return DEFAULT_ROLES;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(r -> r instanceof String s && !s.isBlank())) {
            throw problem(where + ": \"roles\" must be an array of role names, e.g. [\"admin\"]");
        }
        List<String> roles = new ArrayList<>();
        list.forEach(r -> {
            if (!roles.contains(r)) {
                roles.add((String) r);
            }
        });
        return roles;
    }

    private void checkKeys(String where, Map<?, ?> object, Set<String> known) {
        for (Object key : object.keySet()) {
            if (!known.contains(key)) {
                throw problem(where + " has an unknown key \"" + key + "\" (known: " + String.join(", ", sorted(known))
                        + ")");
            }
        }
    }

    private void checkUnique(List<Account> accounts) {
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> projectNameById = new HashMap<>();
        Map<String, String> projectIdByName = new HashMap<>();
        for (Account a : accounts) {
            if (!names.add(a.name())) {
                throw problem("user " + a.name() + " is listed twice");
            }
            if (!ids.add(a.id())) {
                throw problem("two users have the id " + a.id());
            }
            String name = projectNameById.putIfAbsent(a.project().id(), a.project().name());
            if (name != null && !name.equals(a.project().name())) {
                throw problem("project " + a.project().id() + " is named both " + name + " and " + a.project().name());
            }
            String id = projectIdByName.putIfAbsent(a.project().name(), a.project().id());
            if (id != null && !id.equals(a.project().id())) {
                throw problem("two projects are named " + a.project().name() + " (ids " + id + " and "
                        + a.project().id() + "): a project name must say which project it is");
            }
        }
    }

    private String text(String where, Map<?, ?> object, String key, boolean required) {
        Object value = object.get(key);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw problem(where + ": \"" + key + "\" must be a non-empty string");
        }
        return s;
    }

    /** Like {@link #text}, but the message never quotes the value. */
    private String secret(String where, Map<?, ?> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty()) {
            throw problem(where + ": \"" + key + "\" must be a non-empty string");
        }
        return s;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("users file " + file + ": " + what);
    }
}
