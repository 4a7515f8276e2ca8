package dev.glaze.core.spi;

import dev.glaze.core.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The codecs behind {@link PropertyCodec}'s factories. */
final class Codecs {
    private Codecs() {
    }

    static final PropertyCodec<String> STRING = new PropertyCodec<>() {
        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public String decode(String wire) {
            return wire;
        }

        @Override
        public String encode(String value) {
            return value;
        }

        @Override
        public String describe() {
            return "text";
        }

        @Override
        public List<String> samples() {
            return List.of("", "x64", "PublicCloud");
        }

        @Override
        public String coerce(Object value) {
            return value instanceof CharSequence ? value.toString() : PropertyCodec.super.coerce(value);
        }
    };

    static final PropertyCodec<Long> INTEGER = new PropertyCodec<>() {
        @Override
        public Class<Long> type() {
            return Long.class;
        }

        @Override
        public Long decode(String wire) {
            // Long.parseLong would also take "+3"; the provider writes plain digits, and only those round-trip
            if (wire == null || !wire.matches("-?(0|[1-9][0-9]{0,18})")) {
                throw new IllegalArgumentException("is not a whole number: '" + wire + "'");
            }
            return Long.parseLong(wire);
        }

        @Override
        public String encode(Long value) {
            return Long.toString(value);
        }

        @Override
        public String describe() {
            return "a whole number as text";
        }

        @Override
        public List<String> samples() {
            return List.of("0", "3", "1003", "-1");
        }

        @Override
        public Long coerce(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger b && b.bitLength() < 64) {
                return b.longValue();
            }
            if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                return d.longValueExact();
            }
            return PropertyCodec.super.coerce(value);
        }
    };

    static final PropertyCodec<Object> JSON = new PropertyCodec<>() {
        @Override
        public Class<Object> type() {
            return Object.class;
        }

        @Override
        public Object decode(String wire) {
            try {
                return Json.toJava(Json.parse(wire));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not JSON: '" + wire + "'");
            }
        }

        @Override
        public String encode(Object value) {
            return Json.fromJava(value).toString();
        }

        @Override
        public String describe() {
            return "JSON as text";
        }

        @Override
        public List<String> samples() {
            return List.of("{\"a\":1}", "[\"x\",\"y\"]", "true");
        }

        @Override
        public Object coerce(Object value) {
            // a string assigned to a JSON property is a JSON string, not JSON text to parse
            return value;
        }
    };

    static final class OneOf implements PropertyCodec<String> {
        private final List<String> values;

        OneOf(List<String> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("oneOf needs at least one value");
            }
            this.values = List.copyOf(values);
        }

        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public String decode(String wire) {
            if (!values.contains(wire)) {
                throw new IllegalArgumentException("is not one of " + quoted() + ": '" + wire + "'");
            }
            return wire;
        }

        @Override
        public String encode(String value) {
            return decode(value);
        }

        @Override
        public String describe() {
            return "one of " + quoted();
        }

        @Override
        public List<String> samples() {
            return values;
        }

        private String quoted() {
            return "'" + String.join("', '", values) + "'";
        }
    }

    static final class Flag implements PropertyCodec<Boolean> {
        private final String yes;
        private final String no;
        private final Set<String> alsoTrue;
        private final Set<String> alsoFalse;

        Flag(String yes, String no) {
            this(yes, no, List.of(), List.of());
        }

        Flag(String yes, String no, Collection<String> alsoTrue, Collection<String> alsoFalse) {
            this.yes = Objects.requireNonNull(yes, "true text");
            this.no = Objects.requireNonNull(no, "false text");
            if (yes.equalsIgnoreCase(no)) {
                throw new IllegalArgumentException("a flag needs two different texts, not '" + yes + "' twice");
            }
            this.alsoTrue = lowerCase(alsoTrue);
            this.alsoFalse = lowerCase(alsoFalse);
            if (alsoTrue.stream().anyMatch(t -> this.alsoFalse.contains(t.toLowerCase(Locale.ROOT)))) {
                throw new IllegalArgumentException("a spelling cannot be read as both true and false: "
                        + alsoTrue + " and " + alsoFalse);
            }
        }

        private static Set<String> lowerCase(Collection<String> texts) {
            Set<String> out = new java.util.HashSet<>();
            texts.forEach(t -> out.add(t.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(out);
        }

        @Override
        public Class<Boolean> type() {
            return Boolean.class;
        }

        @Override
        public Boolean decode(String wire) {
            // other spellings of the same flag happen ("true" beside "True"): read them, write the provider's
            if (yes.equalsIgnoreCase(wire)) {
                return Boolean.TRUE;
            }
            if (no.equalsIgnoreCase(wire)) {
                return Boolean.FALSE;
            }
            String w = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
            if (alsoTrue.contains(w)) {
                return Boolean.TRUE;
            }
            if (alsoFalse.contains(w)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException(alsoTrue.isEmpty() && alsoFalse.isEmpty()
                    ? "is neither '" + yes + "' nor '" + no + "': '" + wire + "'"
                    : "is not a flag: '" + wire + "' (true: '" + yes + "', " + sorted(alsoTrue) + "; false: '" + no
                            + "', " + sorted(alsoFalse) + ")");
        }

        private static List<String> sorted(Set<String> texts) {
            return texts.stream().sorted().toList();
        }

        @Override
        public String encode(Boolean value) {
            return value ? yes : no;
        }

        @Override
        public String describe() {
            return "boolean as '" + yes + "'/'" + no + "'";
        }

        @Override
        public List<String> samples() {
            return List.of(yes, no);
        }
    }

    static final class DateTime implements PropertyCodec<LocalDateTime> {
        private final String pattern;
        private final DateTimeFormatter format;

        DateTime(String pattern) {
            this.pattern = pattern;
            // uuuu with STRICT: "2014-02-30" is an error, not March 2nd
            this.format = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"))
                    .withResolverStyle(ResolverStyle.STRICT);
        }

        @Override
        public Class<LocalDateTime> type() {
            return LocalDateTime.class;
        }

        @Override
        public LocalDateTime decode(String wire) {
            try {
                return LocalDateTime.parse(wire, format);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new IllegalArgumentException("is not a date and time of the form " + pattern + ": '" + wire
                        + "'");
            }
        }

        @Override
        public String encode(LocalDateTime value) {
            return format.format(value);
        }

        @Override
        public String describe() {
            return "a date and time as " + pattern;
        }

        @Override
        public List<String> samples() {
            return List.of(encode(LocalDateTime.of(2014, 3, 19, 10, 50, 10)), encode(LocalDateTime.of(2024, 12, 31,
                    23, 59, 59)));
        }
    }

    static final class Day implements PropertyCodec<LocalDate> {
        private final String pattern;
        private final DateTimeFormatter format;

        Day(String pattern) {
            this.pattern = pattern;
            this.format = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"))
                    .withResolverStyle(ResolverStyle.STRICT);
        }

        @Override
        public Class<LocalDate> type() {
            return LocalDate.class;
        }

        @Override
        public LocalDate decode(String wire) {
            try {
                return LocalDate.parse(wire, format);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new IllegalArgumentException("is not a date of the form " + pattern + ": '" + wire + "'");
            }
        }

        @Override
        public String encode(LocalDate value) {
            return format.format(value);
        }

        @Override
        public String describe() {
            return "a date as " + pattern;
        }

        @Override
        public List<String> samples() {
            return List.of(encode(LocalDate.of(2014, 3, 19)), encode(LocalDate.of(2024, 2, 29)));
        }
    }
}
