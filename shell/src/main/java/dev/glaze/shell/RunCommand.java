package dev.glaze.shell;

import dev.glaze.core.AuthenticationException;
import dev.glaze.core.ConfigurationException;
import dev.glaze.shell.repl.GroovyEvaluator;
import dev.glaze.shell.repl.PluginAliasCompleter;
import dev.glaze.shell.repl.Renderer;
import dev.glaze.shell.repl.Repl;
import dev.glaze.shell.repl.ScriptError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

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
        try (Session session = open(); Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            GroovyEvaluator evaluator = new GroovyEvaluator(session.cloud(), session.cloudNames(), out);
            PluginAliasCompleter.prefetch(session.cloud(), 3000);
            Path history = Path.of(System.getProperty("user.home"), ".glaze", "history");
            new Repl(terminal, evaluator, session, renderer(), history, debug).run();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new CommandFailedException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    private int runScript(String source, String fileName, String[] args)
            throws UsageException, CommandFailedException {
        try (Session session = open()) {
            GroovyEvaluator evaluator = new GroovyEvaluator(session.cloud(), session.cloudNames(), out);
            evaluator.binding().setVariable("args", args);
            try {
                Object result = evaluator.evaluate(source, fileName);
                if (fileName.equals("expression")) {
                    out.print(renderer().render(result));
                }
                out.flush();
                return ExitCodes.OK;
            } catch (ScriptError e) {
                out.flush();
                err.println("glaze: " + e.getMessage());
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

    /** Selects the cloud; errors in its settings are exit code 3 through {@link ConfigurationException}. */
    private Session open() throws UsageException, CommandFailedException {
        Path data = DataFolder.resolve(options.getOptionValue(ShellOptions.DATA, ShellOptions.DEFAULT_DATA));
        CloudSelector selector = new CloudSelector(env, data, err, debug).plugins(PluginChoice.from(options, env));
        try {
            return selector.select(options.hasOption(ShellOptions.LOCAL), options.getOptionValue(ShellOptions.CLOUD),
                    options.getOptionValue(ShellOptions.REGION));
        } catch (RuntimeException | CommandFailedException e) {
            selector.close();
            throw e;
        }
    }

    private Renderer renderer() {
        int width = Renderer.DEFAULT_WIDTH;
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                width = Integer.parseInt(columns.trim());
            } catch (NumberFormatException e) {
                // not a number: the default width
            }
        }
        return new Renderer(width, options.hasOption(ShellOptions.JSON));
    }
}
