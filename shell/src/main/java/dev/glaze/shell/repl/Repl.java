package dev.glaze.shell.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: reads Groovy lines with JLine ({@code glaze> }, a continuation prompt for unfinished
 * input, history, completion), evaluates them on a worker thread so that Ctrl-C can interrupt a long wait, and
 * prints each result with the {@link Renderer}. Lines starting with {@code :} are {@link ReplCommands}.
 */
public final class Repl {
    static final String PROMPT = "glaze> ";
    static final String CONTINUATION = "  ...> ";
    /** How long an interrupted evaluation gets to stop before the prompt comes back without it. */
    private static final long STOP_GRACE_MS = 2000;

    private final Terminal terminal;
    private final GroovyEvaluator evaluator;
    private final ReplCommands commands;
    private final LineReader reader;
    private final PrintWriter out;
    private final boolean debug;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private ExecutorService worker = newWorker();
    private Renderer renderer;
    private Throwable lastError;

    public Repl(Terminal terminal, GroovyEvaluator evaluator, ReplSession session, Renderer renderer,
            Path historyFile, boolean debug) {
        this.terminal = terminal;
        this.evaluator = evaluator;
        this.renderer = renderer;
        this.debug = debug;
        this.out = terminal.writer();
        this.commands = new ReplCommands(this, session, evaluator, out);
        // flushed at each println: a long loop's lines must show as they come, not when the line ends
        evaluator.setOut(new PrintWriter(out, true));
        try {
            Files.createDirectories(historyFile.getParent());
        } catch (IOException e) {
            out.println("glaze: cannot create " + historyFile.getParent() + " for the history: " + e.getMessage());
        }
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("glaze")
                .parser(new GroovyInputParser())
                .completer(new AggregateCompleter(new BindingCompleter(evaluator.binding()),
                        new PluginAliasCompleter(evaluator.binding())))
                .history(new SecretFilteringHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // '!' is Groovy's not
                .build();
    }

    /** Reads and evaluates until {@code :exit} or Ctrl-D. */
    public void run() {
        // JLine handles Ctrl-C itself while a line is read; this handler only sees it during an evaluation
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread t = running.get();
            if (t != null) {
                interrupted.set(true);
                t.interrupt();
            }
        });
        warmUp();
        out.println("glaze " + commands.banner() + "; :help for help, Ctrl-D to leave");
        String unfinished = commands.unfinishedTasks();
        if (unfinished != null) {
            out.println(unfinished);
        }
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;           // Ctrl-C on the line: drop it
            } catch (EndOfFileException e) {
                break;              // Ctrl-D
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith(":")) {
                if (!commands.run(text)) {
                    break;
                }
            } else {
                evaluate(line, "input");
            }
            out.flush();
        }
        worker.shutdownNow();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // the history is a convenience; a full disk must not stop leaving
        }
    }

    /** Evaluates {@code source} on the worker thread and prints its result or its error. */
    void evaluate(String source, String fileName) {
        interrupted.set(false);
        Future<Object> result = worker.submit(() -> {
            running.set(Thread.currentThread());
            try {
                return evaluator.evaluate(source, fileName);
            } finally {
                running.set(null);
                Thread.interrupted();   // an interrupt that came late must not hit the next line
            }
        });
        try {
            Object value = waitFor(result);
            out.print(renderer.withWidth(terminal.getWidth()).render(value));
        } catch (ExecutionException e) {
            report(e.getCause());
        } catch (TimeoutException e) {
            out.println("glaze: the evaluation did not stop when interrupted; it goes on in the background");
            worker.shutdownNow();
            worker = newWorker();
        }
    }

    /** Waits for the result; after Ctrl-C gives the evaluation a grace period to stop, then gives up on it. */
    private Object waitFor(Future<Object> result) throws ExecutionException, TimeoutException {
        long stopAsked = 0;
        while (true) {
            try {
                return result.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (interrupted.get()) {
                    long now = System.currentTimeMillis();
                    if (stopAsked == 0) {
                        stopAsked = now;
                    } else if (now - stopAsked > STOP_GRACE_MS) {
                        throw e;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException();
            } catch (CancellationException e) {
                return null;
            }
        }
    }

    void report(Throwable error) {
        lastError = error instanceof ScriptError && error.getCause() != null ? error.getCause() : error;
        out.println(renderer.styles().error("glaze: " + error.getMessage()));
        if (debug) {
            lastError.printStackTrace(out);
        }
    }

    Throwable lastError() {
        return lastError;
    }

    Renderer renderer() {
        return renderer;
    }

    void setRenderer(Renderer renderer) {
        this.renderer = renderer;
    }

    /** Compiles one line in the background while the user reads the prompt: the first real line is then fast. */
    private void warmUp() {
        Thread t = new Thread(() -> {
            try {
                new groovy.lang.GroovyShell().parse("[1, 2].collect { it * 2 }.sum()");
            } catch (RuntimeException e) {
                // only a warm-up
            }
        }, "glaze-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glaze-eval");
            t.setDaemon(true);
            return t;
        });
    }
}
