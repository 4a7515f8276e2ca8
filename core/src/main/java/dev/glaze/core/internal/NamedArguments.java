package dev.glaze.core.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Values of Groovy's named arguments ({@code dryRun: true}, {@code keep: 3}), which may come as text from a command
 * line or a manifest. Strict: a flag is true or false and nothing else, since a dry run asked for as "yes" must not
 * run for real; the caller says in its own words what was wrong.
 */
public final class NamedArguments {
    private NamedArguments() {
    }

    /** A Boolean, or the text true or false (any case, blanks around ignored); empty for anything else. */
    public static Optional<Boolean> flag(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        String text = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("false") ? Optional.of(text.equals("true")) : Optional.empty();
    }

    /** A whole Number, or text that is one; empty for anything else. */
    public static Optional<Integer> wholeNumber(Object v) {
        try {
            return Optional.of(v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
