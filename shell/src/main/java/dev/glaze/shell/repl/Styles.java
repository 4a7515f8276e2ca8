package dev.glaze.shell.repl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Colour for a terminal, or none: bold table headers, image and task statuses in green, yellow or red, and the
 * error line in red. {@link #PLAIN} adds nothing, for pipes, files, {@code NO_COLOR} and {@code TERM=dumb}.
 */
public final class Styles {
    public static final Styles PLAIN = new Styles(false);
    public static final Styles ANSI = new Styles(true);

    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String RESET = "\u001b[0m";
    private static final Set<String> GOOD = Set.of("active", "success");
    private static final Set<String> UNDER_WAY = Set.of("queued", "saving", "importing", "uploading", "pending",
            "processing");
    private static final Set<String> BAD = Set.of("killed", "deleted", "pending_delete", "deactivated", "failure",
            "error");

    private final boolean on;

    private Styles(boolean on) {
        this.on = on;
    }

    public boolean isOn() {
        return on;
    }

    String bold(String text) {
        return wrap("1", text);
    }

    /** A status in its colour: green when done well, yellow under way, red when gone or failed. */
    String status(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        return GOOD.contains(s) ? wrap("32", text) : UNDER_WAY.contains(s) ? wrap("33", text)
                : BAD.contains(s) ? wrap("31", text) : text;
    }

    public String error(String text) {
        return wrap("31", text);
    }

    private String wrap(String code, String text) {
        return on && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /** The text without colour codes: what the terminal shows. */
    static String strip(String text) {
        return text.indexOf('\u001b') < 0 ? text : ESCAPE.matcher(text).replaceAll("");
    }
}
