package dev.glaze.shell;

/**
 * The command line itself is wrong (unknown option, bad value, unknown command): exit code
 * {@value ExitCodes#USAGE}. The message is one line that names the problem and what to do instead.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
