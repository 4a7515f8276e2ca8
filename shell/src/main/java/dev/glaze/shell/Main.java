package dev.glaze.shell;

import dev.glaze.core.AuthenticationException;
import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.GlazeException;
import dev.glaze.shell.repl.GroovyWarmUp;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;

/**
 * The {@code glaze} command: the REPL, {@code glaze -e EXPR}, {@code glaze SCRIPT ARGS...}, {@code glaze serve ...},
 * {@code --help}, {@code --version}. Every outcome is an exit code (see {@link ExitCodes}); errors are one line on
 * stderr, with a stack trace only under {@code --debug}.
 */
public final class Main {
    /** True once serve runs: its shutdown hooks must not wait for a System.exit of ours. */
    private static volatile boolean serving;

    private Main() {
    }

    public static void main(String[] args) {
        keepClassLists();
        if (runsGroovy(args)) {
            GroovyWarmUp.start();
        }
        int code = run(args, System.out, System.err);
        if (code != ExitCodes.OK || !serving) {
            // scripts may leave threads behind (an async await, a scheduler): the script's end is the process's
            Cloud.shutdownForExit();
            System.exit(code);
        }
        // After serve the shutdown hooks are already running, and calling System.exit from here would wait for
        // them forever.
    }

    /**
     * Lets Groovy's list of the classes of its default imports be kept in {@code ~/.glaze/cache/class-lists} (see
     * {@link org.codehaus.groovy.vmplugin.v9.ClassFinder}); {@code -Dglaze.classListCache=} (empty) turns it off.
     */
    private static void keepClassLists() {
        if (System.getProperty(org.codehaus.groovy.vmplugin.v9.ClassFinder.CACHE_PROPERTY) == null) {
            System.setProperty(org.codehaus.groovy.vmplugin.v9.ClassFinder.CACHE_PROPERTY,
                    Path.of(System.getProperty("user.home"), ".glaze", "cache", "class-lists").toString());
        }
    }

    /** A guess, good enough to decide on a head start: everything but serve, --help and --version runs Groovy. */
    private static boolean runsGroovy(String[] args) {
        for (String a : args) {
            if (a.equals("serve") || a.equals("--help") || a.equals("-h") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /** Runs one glaze command line; returns the exit code instead of exiting, so it can be tested in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with {@code env} as the environment. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        boolean debug = List.of(args).contains("--debug");
        try {
            return dispatch(args, out, err, env);
        } catch (UsageException e) {
            err.println("glaze: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (CommandFailedException e) {
            err.println("glaze: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } catch (ConfigurationException | AuthenticationException e) {
            err.println("glaze: " + e.getMessage());
            trace(e, debug, err);
            return ExitCodes.CONFIGURATION;
        } catch (GlazeException e) {
            err.println("glaze: " + e.getMessage());
            trace(e, debug, err);
            return ExitCodes.FAILURE;
        } catch (RuntimeException e) {
            // a bug of ours: still one line, with where it happened, so it can be reported
            StackTraceElement[] trace = e.getStackTrace();
            err.println("glaze: internal error: " + e + (trace.length > 0 ? " at " + trace[0] : ""));
            trace(e, debug, err);
            return ExitCodes.FAILURE;
        }
    }

    private static void trace(Throwable e, boolean debug, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err, Map<String, String> env)
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
        if (global.hasOption(ShellOptions.CLOUD) && global.hasOption(ShellOptions.LOCAL)) {
            throw new UsageException("--cloud and --local both choose the cloud; give one of them");
        }
        RunCommand runner = new RunCommand(out, err, env, global);
        if (global.hasOption(ShellOptions.EVAL)) {
            ConsoleLogging.install(err);
            return runner.eval(global.getOptionValue(ShellOptions.EVAL), rest.toArray(String[]::new));
        }
        if (rest.isEmpty()) {
            ConsoleLogging.install(err);
            return runner.repl();
        }
        String command = rest.get(0);
        String[] commandArgs = rest.subList(1, rest.size()).toArray(String[]::new);
        if (command.startsWith("-") && command.length() > 1) {
            // stopAtCommand leaves unknown options in the argument list instead of failing on them
            throw CommandLines.unknownOption(command, "glaze --help (options of serve go after the word serve)");
        }
        if (command.equals("serve")) {
            ConsoleLogging.install(err);
            serving = true;
            return new ServeCommand(out, err).run(commandArgs);
        }
        if (Files.exists(Path.of(command)) || command.contains("/") || command.contains(".")) {
            ConsoleLogging.install(err);
            return runner.script(command, commandArgs);
        }
        throw new UsageException("unknown command '" + command + "'; the commands are: serve, or the path of a"
                + " Groovy script (e.g. ./" + command + ".groovy). See glaze --help");
    }
}
