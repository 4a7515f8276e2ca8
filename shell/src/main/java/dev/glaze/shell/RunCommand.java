package dev.glaze.shell;

import dev.glaze.core.AuthenticationException;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.ProgressListener;
import dev.glaze.emulator.ServiceConfig;
import dev.glaze.shell.repl.GroovyEvaluator;
import dev.glaze.shell.repl.PluginAliasCompleter;
import dev.glaze.shell.repl.Renderer;
import dev.glaze.shell.repl.Repl;
import dev.glaze.shell.repl.ScriptCache;
import dev.glaze.shell.repl.ScriptError;
import dev.glaze.shell.script.ScriptUsageException;
import dev.glaze.shell.repl.StatusLine;
import dev.glaze.shell.repl.Styles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Everything that evaluates Groovy against a cloud: {@code glaze -e EXPR}, {@code glaze SCRIPT ARGS...} and the
 * REPL. Selects the cloud first ({@link CloudSelector}); the embedded service, when used, stops at the end.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final CommandLine options;
    private final boolean debug;

    RunCommand(PrintStream out, PrintStream err, Map<String, String> env, CommandLine options) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.options = options;
        this.debug = options.hasOption(ShellOptions.DEBUG);
    }

    int eval(String expression, String[] args) throws UsageException, CommandFailedException {
        return runScript(expression, "expression", args);
    }

    int script(String file, String[] args) throws UsageException, CommandFailedException {
        Path path = Path.of(file);
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("script file " + file + " does not exist; give the path of a Groovy script,"
                    + " or a command (serve), see glaze --help");
        } catch (IOException e) {
            throw new UsageException("cannot read script file " + file + ": " + DataFolder.reason(e));
        }
        return runScript(source, path.getFileName().toString(), args);
    }

    int repl() throws UsageException, CommandFailedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            // a DumbTerminal is what JLine gives when stdin is no terminal: no status line, no colour there
            boolean real = !(terminal instanceof DumbTerminal);
            Styles styles = real && Tty.colourWanted(env) ? Styles.ANSI : Styles.PLAIN;
            StatusLine progress = real ? new StatusLine(terminal.writer(), terminal::getWidth) : null;
            try (Session session = open(progress)) {
                GroovyEvaluator evaluator = new GroovyEvaluator(session.cloud(), session.cloudNames(), out);
                evaluator.openCloudsWith(session::cloudNamed);
                PluginAliasCompleter.prefetch(session.cloud(), 3000);
                Path history = Path.of(System.getProperty("user.home"), ".glaze", "history");
                new Repl(terminal, evaluator, session, renderer().withStyles(styles), history, debug).run();
                return ExitCodes.OK;
            }
        } catch (IOException e) {
            throw new CommandFailedException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    private int runScript(String source, String fileName, String[] args)
            throws UsageException, CommandFailedException {
        // progress and colour only for a person at a terminal: never into a pipe or a file
        boolean errTerminal = err == System.err && Tty.stderr();
        boolean colour = Tty.colourWanted(env);
        Styles errStyles = errTerminal && colour ? Styles.ANSI : Styles.PLAIN;
        Styles outStyles = out == System.out && colour && Tty.stdout() ? Styles.ANSI : Styles.PLAIN;
        StatusLine progress = errTerminal ? new StatusLine(new PrintWriter(err), () -> width(80)) : null;
        // Ctrl-C ends the JVM (only the REPL catches it): the line must not stay on the screen above the prompt
        Thread blank = progress == null ? null : new Thread(progress::blank, "glaze-progress-blank");
        if (blank != null) {
            Runtime.getRuntime().addShutdownHook(blank);
        }
        try (Session session = open(progress)) {
            ScriptCache cache = scriptCache();
            if (cache != null) {
                cache.prefetch(source, fileName); // while Groovy's runtime starts: the evaluator waits for it
            }
            GroovyEvaluator evaluator = new GroovyEvaluator(session.cloud(), session.cloudNames(), out);
            evaluator.openCloudsWith(session::cloudNamed);
            evaluator.binding().setVariable("args", args);
            try {
                Object result = evaluator.evaluate(source, fileName, cache);
                if (fileName.equals("expression")) {
                    out.print(renderer().withStyles(outStyles).render(result));
                }
                out.flush();
                return ExitCodes.OK;
            } catch (ScriptError e) {
                out.flush();
                if (e.getCause() instanceof ScriptUsageException usage) {
                    // the script's own command line: --help is an answer, a mistake is exit code 2
                    if (usage.isHelp()) {
                        out.println("usage: " + usage.getUsage());
                        out.flush();
                        return ExitCodes.OK;
                    }
                    err.println(errStyles.error("glaze: " + fileName + ": " + usage.getMessage()));
                    err.flush();
                    return ExitCodes.USAGE;
                }
                err.println(errStyles.error("glaze: " + e.getMessage()));
                if (debug && e.getCause() != null) {
                    e.getCause().printStackTrace(err);
                }
                err.flush();
                Throwable cause = e.getCause();
                return cause instanceof ConfigurationException || cause instanceof AuthenticationException
                        ? ExitCodes.CONFIGURATION : ExitCodes.FAILURE;
            }
        }
    }

    /**
     * Where compiled expressions and scripts are kept: {@code GLAZE_SCRIPT_CACHE} when set ({@code off} keeps none),
     * else {@code ~/.glaze/cache/scripts}.
     */
    private ScriptCache scriptCache() {
        String setting = env.get("GLAZE_SCRIPT_CACHE");
        if (setting == null || setting.isBlank()) {
            return ScriptCache.in(Path.of(System.getProperty("user.home"), ".glaze", "cache", "scripts"));
        }
        try {
            return setting.equals("off") ? null : ScriptCache.in(Path.of(setting).toAbsolutePath());
        } catch (InvalidPathException e) {
            return null; // the cache only saves time: without one, scripts compile every time
        }
    }

    /** {@code --regions}: the embedded service's regions; empty for its one default region. */
    private List<String> regions() throws UsageException {
        if (!options.hasOption(ShellOptions.REGIONS)) {
            return List.of();
        }
        List<String> regions = Arrays.stream(options.getOptionValue(ShellOptions.REGIONS).split(","))
                .map(String::trim).toList();
        try {
            ServiceConfig.builder(Path.of(".")).regions(regions);   // the service's own checks of the names
        } catch (IllegalArgumentException e) {
            throw new UsageException("--regions: " + e.getMessage());
        }
        return regions;
    }

    /** Selects the cloud; errors in its settings are exit code 3 through {@link ConfigurationException}. */
    private Session open(ProgressListener progress) throws UsageException, CommandFailedException {
        Path data = DataFolder.resolve(options.getOptionValue(ShellOptions.DATA, ShellOptions.DEFAULT_DATA));
        CloudSelector selector = new CloudSelector(env, data, err, debug).progress(progress).regions(regions())
                .plugins(PluginChoice.from(options, env));
        try {
            return selector.select(options.hasOption(ShellOptions.LOCAL), options.getOptionValue(ShellOptions.CLOUD),
                    options.getOptionValue(ShellOptions.REGION));
        } catch (RuntimeException | CommandFailedException e) {
            selector.close();
            throw e;
        }
    }

    private Renderer renderer() {
        return new Renderer(width(Renderer.DEFAULT_WIDTH), options.hasOption(ShellOptions.JSON));
    }

    /** {@code COLUMNS}, else {@code otherwise}. */
    private int width(int otherwise) {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.trim());
            } catch (NumberFormatException e) {
                // not a number: the default width
            }
        }
        return otherwise;
    }
}
