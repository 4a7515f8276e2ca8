package dev.glaze.emulator.swift;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON as Swift writes its listings, with Python's {@code json.dumps}: {@code ", "} and {@code ": "} between
 * items, and every character outside printable ASCII escaped as {@code \}{@code uXXXX}.
 */
final class PyJson {
    private PyJson() {
    }

    /** A list of flat objects whose values are strings or numbers. */
    static byte[] listOfObjects(List<Map<String, Object>> items) {
        StringBuilder out = new StringBuilder(64 + items.size() * 160);
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : items.get(i).entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(out, e.getKey());
                out.append(": ");
                Object v = e.getValue();
                if (v instanceof Number) {
                    out.append(v);
                } else {
                    string(out, String.valueOf(v));
                }
            }
            out.append('}');
        }
        out.append(']');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
