package dev.glaze.shell.repl;

import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import dev.glaze.core.tasks.Task;
import dev.glaze.core.tasks.Tasks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Prints a result the way its type reads best: an image as a table of its attributes, images and tasks as a table
 * fitted to the terminal width, a map as two columns, anything else as Groovy prints it; or JSON for
 * {@code --json} and {@code :format json}. Null prints nothing.
 */
public final class Renderer {
    /** The width when the terminal does not say. */
    public static final int DEFAULT_WIDTH = 120;
    /** The attributes every image has, shown first. */
    static final List<String> BASE_FIRST = List.of("id", "name", "status", "visibility", "size", "disk_format",
            "container_format", "min_disk", "min_ram", "checksum", "os_hash_algo", "os_hash_value", "virtual_size",
            "protected", "os_hidden", "owner", "tags", "created_at", "updated_at", "self", "file", "schema");

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final int width;
    private final boolean json;
    private final Styles styles;

    public Renderer(int width, boolean json) {
        this(width, json, Styles.PLAIN);
    }

    private Renderer(int width, boolean json, Styles styles) {
        this.width = width > 0 ? width : DEFAULT_WIDTH;
        this.json = json;
        this.styles = styles;
    }

    public Renderer withJson(boolean json) {
        return new Renderer(width, json, styles);
    }

    public Renderer withWidth(int width) {
        return new Renderer(width, json, styles);
    }

    /** The same renderer with colour ({@link Styles#ANSI}) or without; JSON is never coloured. */
    public Renderer withStyles(Styles styles) {
        return new Renderer(width, json, styles);
    }

    public Styles styles() {
        return styles;
    }

    public boolean isJson() {
        return json;
    }

    /** The text to print for {@code value}, ending with a newline; empty for null. */
    public String render(Object value) {
        if (value == null) {
            return "";
        }
        return (json ? json(value) : text(value)) + "\n";
    }

    private String text(Object value) {
        if (value instanceof Image image) {
            return imageTable(image);
        }
        if (value instanceof Iterable<?>) {
            List<Object> items = new ArrayList<>();
            ((Iterable<?>) value).forEach(items::add);
            if ((value instanceof Images || !items.isEmpty()) && items.stream().allMatch(Image.class::isInstance)) {
                return imagesTable(items);
            }
            if ((value instanceof Tasks || !items.isEmpty()) && items.stream().allMatch(Task.class::isInstance)) {
                return tasksTable(items);
            }
            return InvokerHelper.toString(value instanceof Collection ? value : items);
        }
        if (value instanceof Map<?, ?> map) {
            List<List<String>> rows = new ArrayList<>();
            map.forEach((k, v) -> rows.add(List.of(String.valueOf(k), InvokerHelper.toString(v))));
            return Table.twoColumns(rows, width, Styles.PLAIN);
        }
        return InvokerHelper.toString(value);
    }

    private String imageTable(Image image) {
        Map<String, Object> all = image.toMap();
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> rest = new TreeMap<>();
        for (String key : BASE_FIRST) {
            if (all.containsKey(key)) {
                rows.add(List.of(key, cell(key, all.get(key))));
            }
        }
        all.forEach((k, v) -> {
            if (!BASE_FIRST.contains(k)) {
                rest.put(k, v);
            }
        });
        rest.forEach((k, v) -> rows.add(List.of(k, cell(k, v))));
        return Table.twoColumns(rows, width, styles);
    }

    private static String cell(String key, Object value) {
        if (value == null) {
            return "";
        }
        if (key.equals("size") || key.equals("virtual_size")) {
            return value instanceof Number n ? human(n.longValue()) + " (" + n + " bytes)" : value.toString();
        }
        return InvokerHelper.toString(value);
    }

    private String imagesTable(List<Object> items) {
        Table table = new Table(List.of("id", "name", "status", "visibility", "size", "updated"), 1)
                .styled(styles, 2);
        for (Object o : items) {
            Image i = (Image) o;
            table.add(i.getId(), nz(i.getName()), nz(i.getStatus()), nz(i.getVisibility()),
                    i.getSize() == null ? "-" : human(i.getSize()), time(i.getUpdatedAt()));
        }
        return table.render(width);
    }

    private String tasksTable(List<Object> items) {
        Table table = new Table(List.of("id", "type", "status", "message", "updated"), 3)
                .styled(styles, 2);
        for (Object o : items) {
            Task t = (Task) o;
            table.add(t.getId(), nz(t.getType()), nz(t.getStatus()), nz(t.getMessage()), time(t.getUpdatedAt()));
        }
        return table.render(width);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 20.0 MiB}, {@code 2.3 GiB}, {@code 1.0 TiB}. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private String json(Object value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(toJson(value));
        }
        return out.toString().strip();
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof Image image) {
            return image.toJson();
        }
        if (value instanceof Task task) {
            return task.toJson();
        }
        if (value instanceof Map<?, ?> map) {
            var b = Json.createObjectBuilder();
            map.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
            return b.build();
        }
        if (value instanceof Iterable<?> it) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            it.forEach(v -> b.add(toJson(v)));
            return b.build();
        }
        if (value instanceof Object[] array) {
            return toJson(List.of(array));
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return Json.createValue(b);
        }
        if (value instanceof BigDecimal b) {
            return Json.createValue(b);
        }
        if (value instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        return Json.createValue(value instanceof CharSequence ? value.toString() : InvokerHelper.toString(value));
    }
}
