package dev.glaze.emulator.api.tasks;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.HttpError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /v2/tasks} body against the profile's task schema, as Glance's {@code schema.validate} does
 * (additional properties refused, then each property's type, enum and pattern) and with its messages. Upstream's
 * jsonschema adds where the check failed and on what; that part is written out for the two checks a client meets
 * ({@code type} not a known task type, {@code input} not an object); other messages carry only their first line.
 */
final class TaskSchema {
    private static final String UUID_PATTERN =
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";
    private static final List<String> STATUSES = List.of("pending", "processing", "success", "failure");

    /** How one property is checked: its JSON types (null allowed or not), an enum or a pattern. */
    private record Rule(List<String> types, List<String> allowed, String pattern) {
        static Rule of(String... types) {
            return new Rule(List.of(types), null, null);
        }
    }

    private final Profile profile;
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    TaskSchema(Profile profile) {
        this.profile = profile;
        boolean upstream = profile == Profile.OPENSTACK;
        rules.put("id", new Rule(List.of("string"), null, UUID_PATTERN));
        rules.put("type", new Rule(List.of("string"), profile.taskTypes(), null));
        rules.put("status", new Rule(List.of("string"), STATUSES, null));
        rules.put("input", upstream ? Rule.of("null", "object") : Rule.of("object"));
        rules.put("result", upstream ? Rule.of("null", "object") : Rule.of("object"));
        rules.put("owner", Rule.of("string"));
        rules.put("message", Rule.of("string"));
        if (upstream) {
            rules.put("image_id", Rule.of("string"));
            rules.put("request_id", Rule.of("string"));
            rules.put("user_id", Rule.of("string"));
        }
        rules.put("expires_at", upstream ? Rule.of("null", "string") : Rule.of("string"));
        rules.put("created_at", Rule.of("string"));
        rules.put("updated_at", Rule.of("string"));
        rules.put("self", Rule.of("string"));
        rules.put("schema", Rule.of("string"));
    }

    void validate(Map<String, Object> body) {
        List<String> extras = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!rules.containsKey(key)) {
                extras.add(ImageAttributes.repr(key));
            }
        }
        if (!extras.isEmpty()) {
            throw invalid("Additional properties are not allowed (" + String.join(", ", extras)
                    + (extras.size() == 1 ? " was" : " were") + " unexpected)");
        }
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            if (body.containsKey(e.getKey())) {
                check(e.getKey(), body.get(e.getKey()), e.getValue());
            }
        }
    }

    private void check(String name, Object value, Rule rule) {
        String repr = ImageAttributes.repr(value);
        if (rule.allowed() != null && !rule.allowed().contains(value)) {
            throw invalid(repr + " is not one of " + pyList(rule.allowed()) + where("enum", name, value));
        }
        if (!hasType(value, rule.types())) {
            String types = rule.types().size() == 1 ? "'" + rule.types().get(0) + "'"
                    : "'" + String.join("', '", rule.types()) + "'";
            throw invalid(repr + " is not of type " + types + where("type", name, value));
        }
        if (rule.pattern() != null && !Pattern.compile(rule.pattern()).matcher((String) value).find()) {
            throw invalid(repr + " does not match '" + rule.pattern() + "'");
        }
    }

    /** Upstream's jsonschema details, for the properties a client gets wrong. */
    private String where(String validator, String name, Object value) {
        if (profile != Profile.OPENSTACK) {
            return "";
        }
        String schema;
        if (name.equals("type") && validator.equals("enum")) {
            schema = "{'description': 'The type of task represented by this content',\n"
                    + "     'enum': " + pyList(profile.taskTypes()) + ",\n     'type': 'string'}";
        } else if (name.equals("input") && validator.equals("type")) {
            schema = "{'description': 'The parameters required by task, JSON blob',\n"
                    + "     'type': ['null', 'object']}";
        } else {
            return "";
        }
        return "\n\nFailed validating '" + validator + "' in schema['properties']['" + name + "']:\n    " + schema
                + "\n\nOn instance['" + name + "']:\n    " + ImageAttributes.repr(value);
    }

    private static boolean hasType(Object value, List<String> types) {
        for (String type : types) {
            boolean matches = switch (type) {
                case "null" -> value == null;
                case "string" -> value instanceof String;
                case "object" -> value instanceof Map<?, ?>;
                default -> false;
            };
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String pyList(List<String> values) {
        return "['" + String.join("', '", values) + "']";
    }

    static HttpError invalid(String message) {
        return HttpError.badRequest("Provided object does not match schema 'task': " + message);
    }
}
