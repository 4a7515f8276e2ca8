package dev.glaze.shell.repl;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Turns a top-level {@code def x = 1} (or {@code String x = ...}) of a script into {@code x = 1}, an assignment to
 * the binding, so that the variable is still there at the next REPL line. Plain Groovy keeps it local to the one
 * script, which surprises everyone who types {@code def} at a prompt. Declarations inside closures and methods are
 * left alone; multiple assignment ({@code def (a, b) = ...}) is left alone too.
 */
final class DeclarationsToBinding extends CompilationCustomizer {
    DeclarationsToBinding() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        BlockStatement block = source.getAST().getStatementBlock();
        for (Statement statement : block.getStatements()) {
            if (statement instanceof ExpressionStatement es
                    && es.getExpression() instanceof DeclarationExpression decl
                    && !decl.isMultipleAssignmentDeclaration()
                    && decl.getLeftExpression() instanceof VariableExpression var) {
                Expression value = decl.getRightExpression();
                BinaryExpression assign = new BinaryExpression(new VariableExpression(var.getName()),
                        Token.newSymbol(Types.ASSIGN, decl.getLineNumber(), decl.getColumnNumber()), value);
                assign.setSourcePosition(decl);
                es.setExpression(assign);
            }
        }
    }
}
