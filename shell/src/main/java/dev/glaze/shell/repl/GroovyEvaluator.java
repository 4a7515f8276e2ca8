package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import groovy.lang.Binding;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

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
        "dev.glaze.core.storage"};

    private final Binding binding = new Binding();
    private final GroovyShell shell;
    private final LineMemory memory;

    public GroovyEvaluator(Cloud cloud, List<String> clouds, PrintStream out) {
        CompilerConfiguration cc = new CompilerConfiguration();
        ImportCustomizer imports = new ImportCustomizer().addStarImports(STAR_IMPORTS)
                .addImports("java.time.Duration");
        memory = new LineMemory(imports);
        // ThreadInterrupt: loops check Thread.interrupted(), so Ctrl-C in the REPL stops a runaway while loop too
        cc.addCompilationCustomizers(imports, new DeclarationsToBinding(), memory,
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        shell = new GroovyShell(GroovyEvaluator.class.getClassLoader(), binding, cc);
        bindCloud(cloud, clouds);
        setOut(out);
    }

    /** Binds {@code cloud} and what hangs off it; the user's own variables stay. */
    public void bindCloud(Cloud cloud, List<String> clouds) {
        binding.setVariable("cloud", cloud);
        binding.setVariable("images", cloud.images());
        binding.setVariable("tasks", cloud.tasks());
        binding.setVariable("containers", cloud.containers());
        binding.setVariable("clouds", List.copyOf(clouds));
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
     * Evaluates {@code source} as a script called {@code fileName} (the name error messages use).
     *
     * @throws ScriptError for a compilation error or anything the script threw
     */
    public Object evaluate(String source, String fileName) {
        GroovyCodeSource code = new GroovyCodeSource(source, fileName, GroovyShell.DEFAULT_CODE_BASE);
        // never cached: the REPL compiles every line under the same name, and each must be its own class
        code.setCachable(false);
        try {
            Script script;
            synchronized (memory) {
                memory.reset();
                script = shell.parse(code);
                memory.remember(script, binding);  // imports and methods stay even when the line then throws
            }
            return script.run();
        } catch (Exception | LinkageError | AssertionError e) {
            throw ScriptError.of(e, fileName, source);
        }
    }
}
