package dev.glaze.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether glaze's own stdout and stderr are terminals (progress and colour are for people, never for pipes and
 * files), and whether colour is wanted: not with {@code NO_COLOR} set to anything (https://no-color.org), not with
 * {@code TERM=dumb} or no {@code TERM} at all.
 */
final class Tty {
    private Tty() {
    }

    static boolean stdout() {
        return isTerminal(1, SystemStream.Output);
    }

    static boolean stderr() {
        return isTerminal(2, SystemStream.Error);
    }

    static boolean colourWanted(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        String term = env.get("TERM");
        return (noColor == null || noColor.isEmpty()) && term != null && !term.isEmpty() && !term.equals("dumb");
    }

    private static boolean isTerminal(int fd, SystemStream stream) {
        // Linux says it without native code, and so without the cost of loading it at every start
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isDirectory(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        try {
            return TerminalProvider.load("jni").isSystemStream(stream);
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;   // no way to tell: behave as for a pipe
        }
    }
}
