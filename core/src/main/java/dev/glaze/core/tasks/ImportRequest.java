package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to import and what to call it. On Rackspace {@code from} is {@code container/object} of Cloud Files and only
 * a name is taken; on upstream Glance it is an {@code http(s)} URL, {@code format} is the disk format (default
 * {@code qcow2}) and {@code imageProperties} are set on the new image.
 *
 * <pre>{@code
 * ImportRequest r = ImportRequest.builder().from("exports/web.vhd").name("web-gold").build();
 * ImportRequest same = ImportRequest.from(Map.of("from", "exports/web.vhd", "name", "web-gold"));
 * Task task = cloud.tasks().importImage(r);
 * }</pre>
 *
 * Immutable.
 */
public final class ImportRequest {
    private static final List<String> KEYS = List.of("from", "name", "format", "container_format",
            "image_properties", "preflight");

    private final String from;
    private final String name;
    private final String format;
    private final String containerFormat;
    private final Map<String, Object> imageProperties;
    private final boolean preflight;

    private ImportRequest(Builder b) {
        this.from = b.from;
        this.name = b.name;
        this.format = b.format;
        this.containerFormat = b.containerFormat;
        this.imageProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.imageProperties));
        this.preflight = b.preflight;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From named arguments: {@code from}, {@code name}, {@code format} ({@code disk_format}, {@code diskFormat}),
     * {@code container_format} ({@code containerFormat}), {@code image_properties} ({@code imageProperties}, a map),
     * {@code preflight} (default true).
     */
    public static ImportRequest from(Map<String, ?> args) {
        Builder b = builder();
        args.forEach((k, v) -> {
            String key = canonical(String.valueOf(k));
            switch (key) {
                case "from": b.from(text(v)); break;
                case "name": b.name(text(v)); break;
                case "format": b.format(text(v)); break;
                case "container_format": b.containerFormat(text(v)); break;
                case "preflight": b.preflight(v == null || Boolean.parseBoolean(String.valueOf(v))); break;
                case "image_properties":
                    if (v != null && !(v instanceof Map)) {
                        throw new GlazeException("image_properties must be a map, e.g. [os_distro: 'ubuntu'],"
                                + " not " + v);
                    }
                    if (v != null) {
                        ((Map<?, ?>) v).forEach((pk, pv) -> b.imageProperty(String.valueOf(pk), pv));
                    }
                    break;
                default:
                    throw new GlazeException("importImage does not know '" + k + "': use " + KEYS);
            }
        });
        return b.build();
    }

    private static String canonical(String key) {
        switch (key) {
            case "disk_format":
            case "diskFormat": return "format";
            case "containerFormat": return "container_format";
            case "imageProperties": return "image_properties";
            default: return key;
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    /** Where the data is: {@code container/object} (Rackspace) or a URL (upstream). */
    public String getFrom() {
        return from;
    }

    public String getName() {
        return name;
    }

    /** The disk format, or null for the cloud's default. */
    public String getFormat() {
        return format;
    }

    /** The container format, or null for the cloud's default. */
    public String getContainerFormat() {
        return containerFormat;
    }

    /** More properties for the image (upstream only). */
    public Map<String, Object> getImageProperties() {
        return imageProperties;
    }

    /** Whether glaze checks the source before creating the task (Rackspace: that the object exists). */
    public boolean isPreflight() {
        return preflight;
    }

    @Override
    public String toString() {
        return "import of " + from + " as '" + name + "'";
    }

    /** Builds an {@link ImportRequest}; {@code from} and {@code name} are required. */
    public static final class Builder {
        private String from;
        private String name;
        private String format;
        private String containerFormat;
        private final Map<String, Object> imageProperties = new LinkedHashMap<>();
        private boolean preflight = true;

        private Builder() {
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder format(String format) {
            this.format = format;
            return this;
        }

        public Builder containerFormat(String containerFormat) {
            this.containerFormat = containerFormat;
            return this;
        }

        public Builder imageProperty(String key, Object value) {
            imageProperties.put(Objects.requireNonNull(key), value);
            return this;
        }

        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        public ImportRequest build() {
            if (from == null || from.isBlank()) {
                throw new GlazeException("an import needs 'from': '<container>/<object>' on Rackspace, an http(s)"
                        + " URL on upstream Glance");
            }
            if (name == null || name.isBlank()) {
                throw new GlazeException("an import needs a 'name' for the new image");
            }
            return new ImportRequest(this);
        }
    }
}
