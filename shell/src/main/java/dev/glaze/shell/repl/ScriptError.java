package dev.glaze.shell.repl;

import java.util.List;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * A failed evaluation told the way compilers tell it: {@code file:line:column: message}, then the source line and a
 * caret under the column (for runtime errors: {@code file:line: message} and the line). The cause stays attached for
 * {@code --debug} and {@code :trace}.
 */
public final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean compilation;

    private ScriptError(String message, Throwable cause, boolean compilation) {
        super(message, cause);
        this.compilation = compilation;
    }

    /** True for a syntax or compilation error: nothing of the script ran. */
    public boolean isCompilation() {
        return compilation;
    }

    /** The first line of the message: {@code file:line:column: message}. */
    public String headline() {
        String m = getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static ScriptError of(Throwable t, String fileName, String source) {
        if (t instanceof MultipleCompilationErrorsException mce) {
            List<? extends Message> errors = mce.getErrorCollector().getErrors();
            for (Message message : errors) {
                if (message instanceof SyntaxErrorMessage sem) {
                    SyntaxException se = sem.getCause();
                    return new ScriptError(at(fileName, se.getLine(), se.getStartColumn(), se.getOriginalMessage(),
                            source), t, true);
                }
            }
            return new ScriptError(fileName + ": " + oneLine(mce.getMessage()), t, true);
        }
        Throwable cause = unwrap(t);
        String message = describe(cause);
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (fileName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return new ScriptError(at(fileName, frame.getLineNumber(), 0, message, source), cause, false);
            }
        }
        return new ScriptError(fileName + ": " + message, cause, false);
    }

    /** The exception the script really threw, without the wrappers of reflective calls. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof InvokerInvocationException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof dev.glaze.core.GlazeException && message != null) {
            return oneLine(message);   // glaze's messages are written to be read as they are
        }
        if (t instanceof InterruptedException) {
            return "interrupted";   // Ctrl-C: the REPL interrupted the line on purpose
        }
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + oneLine(message);
    }

    private static String at(String fileName, int line, int column, String message, String source) {
        StringBuilder sb = new StringBuilder(fileName).append(':').append(line);
        if (column > 0) {
            sb.append(':').append(column);
        }
        sb.append(": ").append(oneLine(message));
        String[] lines = source.split("\n", -1);
        if (line >= 1 && line <= lines.length) {
            String text = lines[line - 1].replace("\t", " ");
            sb.append('\n').append("  ").append(text);
            if (column > 0) {
                sb.append('\n').append("  ").append(" ".repeat(Math.min(column - 1, text.length()))).append('^');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        String first = text.strip();
        // Groovy's messages repeat the position ("@ line 1, column 5.") that the headline already says
        first = first.replaceAll("\\s*@ line \\d+, column \\d+\\.?", "");
        return first.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
