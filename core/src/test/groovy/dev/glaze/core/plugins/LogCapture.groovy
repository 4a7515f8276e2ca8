package dev.glaze.core.plugins

import java.util.concurrent.CopyOnWriteArrayList
import java.util.logging.Handler
import java.util.logging.LogRecord
import java.util.logging.Logger

/** The warnings the plugin registry logs (System.Logger, which is java.util.logging here), while open. */
class LogCapture implements AutoCloseable {
    final List<String> lines = new CopyOnWriteArrayList<>()
    private final Logger logger = Logger.getLogger('dev.glaze.core.plugins')
    private final Handler handler = new Handler() {
        void publish(LogRecord r) { lines << r.message }
        void flush() {}
        void close() {}
    }

    LogCapture() {
        logger.addHandler(handler)
    }

    void close() {
        logger.removeHandler(handler)
    }
}
