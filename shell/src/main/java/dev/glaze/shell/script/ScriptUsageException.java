package dev.glaze.shell.script;

import dev.glaze.core.GlazeException;

/**
 * A script's command line was wrong (exit code 2, the message and the usage), or asked for {@code --help} (exit
 * code 0, the usage on stdout): the message is null then.
 */
public final class ScriptUsageException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final String usage;
    private final boolean help;

    ScriptUsageException(String message, String usage) {
        super(message == null ? "usage: " + usage : message + "; usage: " + usage);
        this.usage = usage;
        this.help = message == null;
    }

    /** The usage line the script declared. */
    public String getUsage() {
        return usage;
    }

    /** True for {@code --help}: not an error. */
    public boolean isHelp() {
        return help;
    }
}
