package dev.glaze.shell;

/**
 * The command line was fine but the command could not do its job (port in use, data folder not
 * writable): exit code {@value ExitCodes#FAILURE}. The message is one line that names the problem and
 * what to do about it.
 */
final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }

    CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
