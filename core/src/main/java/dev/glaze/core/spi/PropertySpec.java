package dev.glaze.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a plugin knows about one image property (or every property of a prefix): its wire name, the Groovy name
 * scripts use for it, its type and wire form, whether users may change it, and what it means. Immutable.
 *
 * <pre>{@code
 * PropertySpec built = PropertySpec.named("com.rackspace__1__release_build_date")
 *         .alias("releaseBuildDate")
 *         .codec(PropertyCodec.dateTime("yyyy-MM-dd_HH-mm-ss"))
 *         .readOnly()
 *         .description("when Rackspace built this release of the image")
 *         .build();
 * PropertySpec hw = PropertySpec.prefix("hw_").description("hardware hints for the hypervisor").build();
 * }</pre>
 *
 * A prefix spec gives each matching property the camel-case alias of its wire name ({@code hw_disk_bus} is
 * {@code hwDiskBus}); a spec of one property may have no alias, and is then typed through its wire name only
 * ({@code image.typed('os_type')}).
 */
public final class PropertySpec {
    /** Groovy's keywords and the literals, which cannot be property names after a dot without quotes. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "as", "assert", "boolean", "break", "byte",
            "case", "catch", "char", "class", "const", "continue", "def", "default", "do", "double", "else", "enum",
            "extends", "false", "final", "finally", "float", "for", "goto", "if", "implements", "import", "in",
            "instanceof", "int", "interface", "long", "native", "new", "non-sealed", "null", "package", "permits",
            "private", "protected", "public", "record", "return", "sealed", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "threadsafe", "throw", "throws", "trait", "transient", "true", "try",
            "var", "void", "volatile", "while", "yields");

    private final String name;
    private final boolean prefix;
    private final String alias;
    private final PropertyCodec<?> codec;
    private final boolean readOnly;
    private final String description;
    private final List<String> examples;

    private PropertySpec(Builder b) {
        this.name = b.name;
        this.prefix = b.prefix;
        this.alias = b.alias;
        this.codec = b.codec;
        this.readOnly = b.readOnly;
        this.description = b.description;
        this.examples = List.copyOf(b.examples);
    }

    /** A spec of the property {@code wireName}, e.g. {@code com.rackspace__1__build_core}. */
    public static Builder named(String wireName) {
        return new Builder(wireName, false);
    }

    /** A spec of every property whose wire name starts with {@code prefix}, e.g. {@code hw_}. */
    public static Builder prefix(String prefix) {
        return new Builder(prefix, true);
    }

    /** The wire name, or the prefix of a prefix spec. */
    public String name() {
        return name;
    }

    public boolean isPrefix() {
        return prefix;
    }

    /** Whether this spec speaks for the property {@code wireName}. */
    public boolean matches(String wireName) {
        return prefix ? wireName.startsWith(name) && wireName.length() > name.length() : wireName.equals(name);
    }

    /** The declared alias of a single-property spec; empty for a prefix spec, or one without alias. */
    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    /** The Groovy name of {@code wireName} under this spec: the declared alias, or the camel case of a prefix spec's property. */
    public Optional<String> aliasFor(String wireName) {
        if (!matches(wireName)) {
            return Optional.empty();
        }
        return prefix ? Optional.of(camelCase(wireName)).filter(PropertySpec::isValidAlias) : alias();
    }

    public PropertyCodec<?> codec() {
        return codec;
    }

    /** The type scripts see. */
    public Class<?> type() {
        return codec.type();
    }

    /** Whether the provider refuses changes (glaze then refuses them before sending anything). */
    public boolean isReadOnly() {
        return readOnly;
    }

    public String description() {
        return description;
    }

    /** Wire values to round-trip in the contract spec: the ones given, else the codec's samples. */
    public List<String> examples() {
        return examples.isEmpty() ? codec.samples() : examples;
    }

    /**
     * The typed value of wire text.
     *
     * @throws IllegalArgumentException naming the property and the form expected
     */
    public Object decode(String wire) {
        try {
            return codec.decode(wire);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' " + e.getMessage(), e);
        }
    }

    /**
     * The wire text of a value a script gave: one of {@link #type()} or its wire text.
     *
     * @throws IllegalArgumentException naming the property and the form expected
     */
    public String encode(Object value) {
        try {
            return encodeTyped(codec, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' " + e.getMessage(), e);
        }
    }

    private static <T> String encodeTyped(PropertyCodec<T> codec, Object value) {
        return codec.encode(codec.coerce(value));
    }

    /** A Groovy identifier that can follow a dot without quotes: letters, digits, {@code _}, no keyword. */
    public static boolean isValidAlias(String alias) {
        if (alias == null || alias.isEmpty() || KEYWORDS.contains(alias) || !Character.isJavaIdentifierStart(
                alias.charAt(0)) || alias.charAt(0) == '$') {
            return false;
        }
        return alias.chars().allMatch(c -> c != '$' && Character.isJavaIdentifierPart(c));
    }

    /** {@code hw_disk_bus} as {@code hwDiskBus}; other separators ({@code . - :}) count as {@code _}. */
    public static String camelCase(String wireName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_' || c == '.' || c == '-' || c == ':') {
                upper = sb.length() > 0;
            } else if (upper) {
                sb.append(Character.toUpperCase(c));
                upper = false;
            } else {
                sb.append(sb.length() == 0 ? Character.toLowerCase(c) : c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return (prefix ? name + "*" : name) + (alias == null ? "" : " (" + alias + ")") + ": " + codec.describe()
                + (readOnly ? ", read-only" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertySpec s && s.name.equals(name) && s.prefix == prefix && Objects.equals(s.alias,
                alias) && s.codec.equals(codec) && s.readOnly == readOnly && s.description.equals(description)
                && s.examples.equals(examples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, prefix, alias, readOnly);
    }

    /** Builds a {@link PropertySpec}; only the name is required (the codec defaults to text). */
    public static final class Builder {
        private final String name;
        private final boolean prefix;
        private String alias;
        private PropertyCodec<?> codec = PropertyCodec.string();
        private boolean readOnly;
        private String description = "";
        private final List<String> examples = new ArrayList<>();

        private Builder(String name, boolean prefix) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a property spec needs a wire name" + (prefix ? " prefix" : ""));
            }
            this.name = name;
            this.prefix = prefix;
        }

        /** The Groovy name: {@code image.releaseBuildDate}. Not for prefix specs (theirs are derived). */
        public Builder alias(String alias) {
            if (prefix) {
                throw new IllegalArgumentException("prefix spec '" + name + "' derives its aliases; give none");
            }
            this.alias = alias;
            return this;
        }

        public Builder codec(PropertyCodec<?> codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        public Builder readOnly() {
            return readOnly(true);
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder description(String description) {
            this.description = description == null ? "" : description.strip();
            return this;
        }

        /** Wire values this property takes, e.g. the provider's documented examples. */
        public Builder example(String... wireValues) {
            examples.addAll(List.of(wireValues));
            return this;
        }

        public PropertySpec build() {
            return new PropertySpec(this);
        }
    }
}
