package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * One Groovy context for {@code -e}, scripts and the REPL: one {@link GroovyShell} over one {@link Binding} holding
 * {@code images}, {@code tasks}, {@code containers}, {@code cloud} and {@code clouds}, with the library's packages
 * imported, so every line sees what the lines before it defined: variables ({@code def x} too), imports and
 * top-level methods.
 *
 * <pre>
 * def eval = new GroovyEvaluator(cloud, List.of("rax"), System.out)
 * eval.evaluate("def x = 5", "input")
 * eval.evaluate("x + 1", "input")     // 6
 * </pre>
 */
public final class GroovyEvaluator {
    /** Packages every script gets without an import. */
    static final String[] STAR_IMPORTS = {"dev.glaze.core", "dev.glaze.core.images", "dev.glaze.core.tasks",
        "dev.glaze.core.storage", "dev.glaze.core.replication", "dev.glaze.core.ensure", "dev.glaze.core.prune",
        "dev.glaze.shell.script"};

    private final Binding binding;
    private Function<String, Cloud> openCloud = Cloud::named;
    /** Made on the first compilation: a cached script needs neither the shell nor the compiler's classes. */
    private GroovyShell shell;
    /** The REPL's imports and methods, kept from line to line; made with the shell. */
    private LineMemory memory;

    public GroovyEvaluator(Cloud cloud, List<String> clouds, PrintStream out) {
        GroovyWarmUp.await(); // before the first Groovy class: the Binding
        binding = new Binding();
        bindCloud(cloud, clouds);
        setOut(out);
    }

    /**
     * The compiler's settings; {@code interactive}, the REPL's: its memory of imports and methods, and loops that
     * check {@code Thread.interrupted()} (ThreadInterrupt), so that Ctrl-C stops a runaway {@code while} loop too.
     * A one-shot command or script compiles as plain Groovy: nothing interrupts it (Ctrl-C ends the process), and
     * the transformation, Groovy code run cold, was half the time of compiling a short expression.
     */
    private CompilerConfiguration configuration(boolean interactive) {
        CompilerConfiguration cc = new CompilerConfiguration();
        ImportCustomizer imports = new ImportCustomizer().addStarImports(STAR_IMPORTS)
                .addImports("java.time.Duration");
        cc.addCompilationCustomizers(imports, new DeclarationsToBinding());
        if (interactive) {
            memory = new LineMemory(imports);
            cc.addCompilationCustomizers(memory, new ASTTransformationCustomizer(ThreadInterrupt.class));
        }
        return cc;
    }

    private GroovyShell shell() {
        if (shell == null) {
            shell = new GroovyShell(GroovyEvaluator.class.getClassLoader(), binding, configuration(true));
        }
        return shell;
    }

    /** Binds {@code cloud} and what hangs off it; the user's own variables stay. */
    public void bindCloud(Cloud cloud, List<String> clouds) {
        binding.setVariable("cloud", cloud);
        binding.setVariable("images", cloud.images());
        binding.setVariable("tasks", cloud.tasks());
        binding.setVariable("containers", cloud.containers());
        binding.setVariable("regions", new RegionList(cloud));
        binding.setVariable("clouds", new CloudDirectory(clouds, openCloud));
    }

    /**
     * How {@code clouds.NAME} makes a cloud (default {@link Cloud#named}); the shell's way keeps its options
     * ({@code --debug}, the status line).
     */
    public void openCloudsWith(Function<String, Cloud> open) {
        this.openCloud = open;
        if (binding.getVariable("clouds") instanceof CloudDirectory d) {
            binding.setVariable("clouds", new CloudDirectory(d.getNames(), open));
        }
    }

    /** {@code print} without a newline is not flushed by an autoflush writer: a script's last words must show. */
    private void flushOut() {
        if (binding.hasVariable("out") && binding.getVariable("out") instanceof java.io.Flushable f) {
            try {
                f.flush();
            } catch (java.io.IOException e) {
                // stdout gone (a closed pipe): nothing to show it on
            }
        }
    }

    /** Where {@code println} in scripts goes. */
    public void setOut(PrintStream out) {
        binding.setVariable("out", new PrintWriter(out, true));
    }

    public void setOut(PrintWriter out) {
        binding.setVariable("out", out);
    }

    public Binding binding() {
        return binding;
    }

    /**
     * Evaluates {@code source} as a line of the REPL called {@code fileName} (the name error messages use): its
     * imports and methods are remembered for the next lines, and its loops stop when the thread is interrupted.
     *
     * @throws ScriptError for a compilation error or anything the script threw
     */
    public Object evaluate(String source, String fileName) {
        GroovyCodeSource code = new GroovyCodeSource(source, fileName, GroovyShell.DEFAULT_CODE_BASE);
        // never cached: the REPL compiles every line under the same name, and each must be its own class
        code.setCachable(false);
        try {
            GroovyShell groovy = shell();
            Script script;
            synchronized (memory) {
                memory.reset();
                script = groovy.parse(code);
                memory.remember(script, binding);  // imports and methods stay even when the line then throws
            }
            return script.run();
        } catch (Exception | LinkageError | AssertionError e) {
            throw ScriptError.of(e, fileName, source);
        } finally {
            flushOut();
        }
    }

    /**
     * Evaluates {@code source} as a one-shot command or script called {@code fileName}, compiled as plain Groovy,
     * with the compiled classes taken from {@code cache} when this source ran before, and put there when not: for
     * {@code -e} and script files, which a user runs again and again ({@code cache} null: compiled every time).
     *
     * @throws ScriptError for a compilation error or anything the script threw
     */
    public Object evaluate(String source, String fileName, ScriptCache cache) {
        Class<?> scriptClass;
        try {
            // a source that looks like it holds a secret is not kept on disk, as the REPL keeps it out of history
            boolean keep = cache != null && source.lines().noneMatch(SecretFilteringHistory::isSecret);
            ScriptCache.CompiledScript compiled = keep ? cache.load(source, fileName) : null;
            if (compiled == null) {
                compiled = compile(source, fileName);
                if (keep) {
                    cache.store(source, fileName, compiled);
                }
            }
            scriptClass = compiled.define(GroovyEvaluator.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            throw ScriptError.of(e, fileName, source);
        }
        try {
            return InvokerHelper.createScript(scriptClass, binding).run();
        } catch (Exception | LinkageError | AssertionError e) {
            throw ScriptError.of(e, fileName, source);
        } finally {
            flushOut();
        }
    }

    /** Compiles {@code source} to class files, as {@link GroovyShell#parse} would, without loading them. */
    private ScriptCache.CompiledScript compile(String source, String fileName) {
        CompilationUnit unit = new CompilationUnit(configuration(false), null,
                new GroovyClassLoader(GroovyEvaluator.class.getClassLoader()));
        SourceUnit su = unit.addSource(fileName, source);
        unit.compile(Phases.CLASS_GENERATION);
        // the module's first class is what GroovyShell runs: the script class, or the first class declared
        String main = su.getAST().getClasses().get(0).getName();
        Map<String, byte[]> classes = new HashMap<>();
        for (GroovyClass c : unit.getClasses()) {
            classes.put(c.getName(), c.getBytes());
        }
        return new ScriptCache.CompiledScript(main, classes);
    }
}
