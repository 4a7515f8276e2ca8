package dev.glaze.plugin.openstack;

import dev.glaze.core.spi.PropertyCodec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A flag as Nova reads it: oslo's {@code bool_from_string} takes {@code yes}, {@code true}, {@code on}, {@code 1}
 * (and their opposites) in any case, so an image set by another tool reads as a flag too; glaze writes the
 * spelling Glance's metadata definitions use for the property ({@code yes}/{@code no} for the guest agent,
 * {@code true}/{@code false} elsewhere).
 */
final class NovaFlag implements PropertyCodec<Boolean> {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private final String yes;
    private final String no;

    NovaFlag(String yes, String no) {
        this.yes = yes;
        this.no = no;
    }

    @Override
    public Class<Boolean> type() {
        return Boolean.class;
    }

    @Override
    public Boolean decode(String wire) {
        String w = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(w)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(w)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("is not a flag Nova reads ('" + yes + "'/'" + no + "', true/false,"
                + " 1/0, on/off): '" + wire + "'");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof NovaFlag f && f.yes.equals(yes) && f.no.equals(no);
    }

    @Override
    public int hashCode() {
        return yes.hashCode() * 31 + no.hashCode();
    }
}
