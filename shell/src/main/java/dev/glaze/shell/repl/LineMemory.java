package dev.glaze.shell.repl;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * What a REPL line declares that later lines must see, beyond variables ({@link DeclarationsToBinding}): its
 * {@code import}s and its top-level methods ({@code def m() {}}). Plain Groovy forgets both with the line's script.
 * An import that compiled is added to the imports every later line is compiled with (so line numbers in errors stay
 * the user's own); a method is bound by name as a closure over the script that declared it, which is where Groovy
 * looks for a method a script does not have, so {@code m()} on a later line calls it, other methods included.
 */
final class LineMemory extends CompilationCustomizer {
    private final ImportCustomizer imports;
    private final List<ImportNode> seenImports = new ArrayList<>();
    private final List<String> seenMethods = new ArrayList<>();

    /** @param imports the imports every line is compiled with; those a line declares are added to it */
    LineMemory(ImportCustomizer imports) {
        super(CompilePhase.CONVERSION);
        this.imports = imports;
    }

    /** Called before each compilation: what was seen belongs to the line before. */
    void reset() {
        seenImports.clear();
        seenMethods.clear();
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        ModuleNode module = source.getAST();
        // the customizer's own imports have no line: only those written in the source are the user's
        for (ImportNode i : module.getImports()) {
            keep(i);
        }
        module.getStarImports().forEach(this::keep);
        module.getStaticImports().values().forEach(this::keep);
        module.getStaticStarImports().values().forEach(this::keep);
        for (MethodNode m : classNode.getMethods()) {
            if (m.getLineNumber() > 0 && !m.isSynthetic() && !m.getName().equals("run") && !m.getName().equals("main")
                    && !seenMethods.contains(m.getName())) {
                seenMethods.add(m.getName());
            }
        }
    }

    private void keep(ImportNode i) {
        if (i.getLineNumber() > 0) {
            seenImports.add(i);
        }
    }

    /** After a line compiled: its imports join every later line's, its methods are bound for them. */
    void remember(Script script, Binding binding) {
        for (ImportNode i : seenImports) {
            if (i.isStatic() && i.isStar()) {
                imports.addStaticStars(i.getClassName());
            } else if (i.isStatic()) {
                imports.addStaticImport(i.getAlias(), i.getClassName(), i.getFieldName());
            } else if (i.isStar()) {
                imports.addStarImports(i.getPackageName().replaceAll("\\.$", ""));
            } else {
                imports.addImport(i.getAlias(), i.getClassName());
            }
        }
        for (String name : seenMethods) {
            // a method called like a bound variable (images, cloud, x) must not replace it: only new names, or
            // a method of an earlier line redefined
            if (!binding.hasVariable(name) || binding.getVariable(name) instanceof MethodClosure) {
                binding.setVariable(name, new MethodClosure(script, name));
            }
        }
        reset();
    }
}
