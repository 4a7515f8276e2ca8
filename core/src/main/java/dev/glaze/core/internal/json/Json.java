package dev.glaze.core.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P in one place: one provider (looked up once, which is slow), parsing, writing, and Java conversions. */
public final class Json {
    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final jakarta.json.JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final Map<String, ?> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

    private Json() {
    }

    public static JsonValue parse(byte[] bytes) {
        return parse(new ByteArrayInputStream(bytes));
    }

    public static JsonValue parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws JsonException when the input is not JSON */
    public static JsonValue parse(InputStream in) {
        try (JsonReader reader = READERS.createReader(in, StandardCharsets.UTF_8)) {
            return reader.readValue();
        }
    }

    /** The object in {@code bytes}, or an empty object when they hold something else (an error body, HTML). */
    public static JsonObject objectOrEmpty(byte[] bytes) {
        try {
            JsonValue value = parse(bytes);
            return value instanceof JsonObject ? (JsonObject) value : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    public static String write(JsonValue value) {
        return value.toString();
    }

    public static byte[] bytes(JsonValue value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String pretty(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = PROVIDER.createWriterFactory(PRETTY).createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonString string(String s) {
        return PROVIDER.createValue(s);
    }

    /** A string member, or null when it is absent, null or not a string. */
    public static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString ? ((JsonString) v).getString() : null;
    }

    /** JSON to plain Java: Map (insertion-ordered), List, String, Integer/Long/BigInteger/BigDecimal, Boolean, null. */
    public static Object toJava(JsonValue value) {
        if (value == null) {
            return null;
        }
        switch (value.getValueType()) {
            case NULL: return null;
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case STRING: return ((JsonString) value).getString();
            case NUMBER: {
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral()) {
                    return n.bigDecimalValue();
                }
                BigInteger big = n.bigIntegerValue();
                if (big.bitLength() < 32) {
                    return big.intValue();
                }
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(toJava(v));
                }
                return Collections.unmodifiableList(list);
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
                return Collections.unmodifiableMap(map);
            }
        }
    }

    /**
     * Plain Java (as from Groovy: GString, Map, Collection, Number, Boolean, null, or a JSON value) to JSON.
     *
     * @throws IllegalArgumentException for anything else, naming its type
     */
    public static JsonValue fromJava(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue) {
            return (JsonValue) value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            return PROVIDER.createValue(value.toString());
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return PROVIDER.createValue((BigInteger) value);
        }
        if (value instanceof BigDecimal) {
            return PROVIDER.createValue((BigDecimal) value);
        }
        if (value instanceof Number) {
            return PROVIDER.createValue(((Number) value).doubleValue());
        }
        if (value instanceof Map) {
            JsonObjectBuilder b = object();
            ((Map<?, ?>) value).forEach((k, v) -> b.add(String.valueOf(k), fromJava(v)));
            return b.build();
        }
        if (value instanceof Collection || value instanceof Object[]) {
            JsonArrayBuilder b = array();
            Iterable<?> items = value instanceof Object[] ? List.of((Object[]) value) : (Collection<?>) value;
            for (Object item : items) {
                b.add(fromJava(item));
            }
            return b.build();
        }
        throw new IllegalArgumentException("cannot send a " + value.getClass().getSimpleName()
                + " as JSON: use a string, number, boolean, list or map");
    }
}
