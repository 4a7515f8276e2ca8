package dev.glaze.shell;

/** The exit codes of the {@code glaze} command (documented in docs/cli.md). */
final class ExitCodes {
    static final int OK = 0;
    /** The command could not do its job: a script or API call failed, port in use, data folder unusable. */
    static final int FAILURE = 1;
    /** The command line is wrong: unknown command or option, bad value. */
    static final int USAGE = 2;
    /** The cloud's settings cannot be used, or it refused the sign-in. */
    static final int CONFIGURATION = 3;

    private ExitCodes() {
    }
}
