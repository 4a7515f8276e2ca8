package dev.glaze.shell;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging for a command line tool: WARNING and above, one line per record on stderr, so that
 * stdout carries only what the command promises (for {@code serve}: the one "listening" line). The JDK's
 * default format takes two lines and prints whole stack traces.
 */
final class ConsoleLogging {
    private ConsoleLogging() {
    }

    /** Replaces the root handlers, unless the user configured logging with {@code -Djava.util.logging.config.*}. */
    static void install(PrintStream err) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new OneLineHandler(err));
    }

    /** Formats {@code glaze: WARNING: message (Exception: its message, at Class.method(File.java:12))}. */
    static String format(LogRecord r) {
        StringBuilder sb = new StringBuilder("glaze: ").append(r.getLevel().getName()).append(": ");
        sb.append(oneLine(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record);
            }
        }.format(r)));
        Throwable t = r.getThrown();
        if (t != null) {
            sb.append(" (").append(oneLine(String.valueOf(t)));
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                sb.append(", at ").append(trace[0]);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static final class OneLineHandler extends Handler {
        private final PrintStream err;

        OneLineHandler(PrintStream err) {
            this.err = err;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                err.println(format(record));
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
