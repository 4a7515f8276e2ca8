package dev.glaze.shell;

import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * The {@code glaze} command: {@code glaze serve ...}, {@code --help}, {@code --version}. Every outcome is an
 * exit code (see {@link ExitCodes}); errors are one line on stderr, never a stack trace.
 */
public final class Main {
    static final String NO_REPL_YET = "The interactive shell (REPL) is not there yet: for now glaze runs the"
            + " image service with 'glaze serve'.";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != ExitCodes.OK) {
            System.exit(code);
        }
        // On success return normally: after serve the shutdown hooks are already running, and calling
        // System.exit from here would wait for them forever.
    }

    /** Runs one glaze command line; returns the exit code instead of exiting, so it can be tested in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out, err);
        } catch (UsageException e) {
            err.println("glaze: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (CommandFailedException e) {
            err.println("glaze: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } catch (RuntimeException e) {
            // a bug of ours: still one line, with where it happened, so it can be reported
            StackTraceElement[] trace = e.getStackTrace();
            err.println("glaze: internal error: " + e + (trace.length > 0 ? " at " + trace[0] : ""));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err)
            throws UsageException, CommandFailedException {
        CommandLine global = CommandLines.parse(ShellOptions.global(), args, "glaze --help", true);
        List<String> rest = global.getArgList();
        if (global.hasOption(ShellOptions.HELP)) {
            out.print(ShellOptions.help());
            out.flush();
            return ExitCodes.OK;
        }
        if (global.hasOption(ShellOptions.VERSION)) {
            out.println(Version.line());
            out.flush();
            return ExitCodes.OK;
        }
        if (rest.isEmpty()) {
            out.print(ShellOptions.help());
            out.println();
            out.println(NO_REPL_YET);
            out.flush();
            return ExitCodes.OK;
        }
        String command = rest.get(0);
        String[] commandArgs = rest.subList(1, rest.size()).toArray(String[]::new);
        if (command.startsWith("-") && command.length() > 1) {
            // stopAtCommand leaves unknown options in the argument list instead of failing on them
            throw CommandLines.unknownOption(command, "glaze --help (options of serve go after the word serve)");
        }
        if (command.equals("serve")) {
            ConsoleLogging.install(err);
            return new ServeCommand(out, err).run(commandArgs);
        }
        throw new UsageException("unknown command '" + command + "'; the commands are: serve. See glaze --help"
                + (command.endsWith(".groovy") ? " (running scripts is not there yet)" : ""));
    }
}
