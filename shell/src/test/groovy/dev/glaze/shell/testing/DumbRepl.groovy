package dev.glaze.shell.testing

import dev.glaze.shell.Session
import dev.glaze.shell.repl.GroovyEvaluator
import dev.glaze.shell.repl.Renderer
import dev.glaze.shell.repl.Repl
import org.jline.terminal.impl.DumbTerminal

import java.nio.charset.StandardCharsets
import java.nio.file.Path

/** The REPL in-process on a dumb terminal: the lines of {@code input} typed in, what it printed back. */
class DumbRepl {
    /** Runs the REPL on {@code session} until the input ends or {@code :exit}, then closes the session. */
    static String run(Session session, String input, Path historyFile) {
        def out = new ByteArrayOutputStream()
        def terminal = new DumbTerminal('glaze', 'dumb', new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, StandardCharsets.UTF_8)
        try {
            def evaluator = new GroovyEvaluator(session.cloud(), session.cloudNames(), new PrintStream(out, true, 'UTF-8'))
            new Repl(terminal, evaluator, session, new Renderer(120, false), historyFile, false).run()
        } finally {
            terminal.close()
            session.close()
        }
        out.toString('UTF-8')
    }
}
