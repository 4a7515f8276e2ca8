package dev.glaze.emulator.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in and out, with plain Java values: String, Long, Double, Boolean, List, Map and null. */
public final class Json {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    /** Parses a request body; what Glance answers for a bad one is thrown as 400. */
    public static Object parse(byte[] body) {
        if (body.length == 0) {
            throw HttpError.badRequest("Body expected in request.");
        }
        try (var reader = PROVIDER.createReader(new ByteArrayInputStream(body))) {
            return toJava(reader.readValue());
        } catch (RuntimeException e) {
            // Parsson reports bad syntax, bad encodings and too deep nesting with assorted runtime exceptions.
            throw HttpError.badRequest("Malformed JSON in request body.");
        }
    }

    public static Object toJava(JsonValue value) {
        switch (value.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                if (n.isIntegral()) {
                    BigDecimal d = n.bigDecimalValue();
                    try {
                        return d.longValueExact();
                    } catch (ArithmeticException e) {
                        return d.doubleValue();
                    }
                }
                return n.doubleValue();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(toJava(v));
                }
                return list;
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    map.put(e.getKey(), toJava(e.getValue()));
                }
                return map;
            default:
                throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(value, out);
        return out.toByteArray();
    }

    public static void write(Object value, OutputStream out) {
        try (JsonGenerator g = PROVIDER.createGenerator(out)) {
            writeValue(g, value);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.write(s);
        } else if (value instanceof Boolean b) {
            g.write(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.write(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.write(n.doubleValue());
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeKey(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEnd();
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEnd();
        } else if (value instanceof JsonValue v) {
            g.write(v);
        } else {
            g.write(String.valueOf(value));
        }
    }

    /** A JSON string literal as Python's json.dumps writes it (non-ASCII escaped). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Python's repr-like name of a JSON value's type, for schema error messages. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long || value instanceof Integer) {
            return "integer";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof List) {
            return "array";
        }
        return "object";
    }
}
