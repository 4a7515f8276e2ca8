package dev.glaze.shell;

/** The exit codes of the {@code glaze} command (documented in docs/cli.md). */
final class ExitCodes {
    static final int OK = 0;
    /** The command could not do its job: port in use, data folder unusable. */
    static final int FAILURE = 1;
    /** The command line is wrong: unknown command or option, bad value. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
