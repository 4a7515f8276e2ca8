package dev.glaze.shell.repl;

import dev.glaze.core.ProgressListener;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.TransferProgress;
import dev.glaze.core.tasks.Task;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The shell's progress on a terminal: one line, redrawn in place with a carriage return, for the await or transfer
 * under way, e.g. {@code task 1f2e3d4c… export: processing, 0:12} or
 * {@code upload cirros: 312.0 MiB / 1.0 GiB  148.0 MiB/s  ETA 0:05}; blanked when the call ends. It is drawn on
 * a timer ({@link #REPAINT}), not per update, so the elapsed time moves between polls and a fast transfer does not
 * flood the terminal; a call that ends before the first tick draws nothing at all. Only carriage returns and
 * spaces are written, which every terminal understands.
 */
public final class StatusLine implements ProgressListener {
    /** 5 repaints a second: the clock visibly moves, and a slow terminal or ssh link is not flooded. */
    static final Duration REPAINT = Duration.ofMillis(200);

    private final PrintWriter out;
    private final IntSupplier width;
    private final LongSupplier nanos;
    private final ScheduledExecutorService ticker;
    private Shown current;
    private ScheduledFuture<?> ticking;
    private int drawn;

    /** Draws on {@code out}, cut to {@code width}, on a timer thread of its own. */
    public StatusLine(PrintWriter out, IntSupplier width) {
        this(out, width, System::nanoTime, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glaze-progress");
            t.setDaemon(true);
            return t;
        }));
    }

    /** With {@code ticker} null nothing repaints by itself: {@link #paint()} does (for specs). */
    StatusLine(PrintWriter out, IntSupplier width, LongSupplier nanos, ScheduledExecutorService ticker) {
        this.out = out;
        this.width = width;
        this.nanos = nanos;
        this.ticker = ticker;
    }

    @Override
    public Watch<Task> awaiting(Task task) {
        long start = nanos.getAsLong();
        String id = task.getId() == null ? "?" : task.getId().length() > 8 ? task.getId().substring(0, 8) + "…"
                : task.getId();
        return show(new Shown<Task>(task, t -> "task " + id + " " + t.getType() + ": " + t.getStatus() + ", "
                + clock(Duration.ofNanos(nanos.getAsLong() - start))));
    }

    @Override
    public Watch<TransferProgress> transferring(Image image, boolean upload) {
        String what = (upload ? "upload " : "download ") + (image.getName() != null ? image.getName() : image.getId());
        return show(new Shown<TransferProgress>(null, p -> what + ": " + (p == null ? "starting" : transfer(p))));
    }

    /** {@code 312.0 MiB / 1.0 GiB  148.0 MiB/s  ETA 0:05}; the total and ETA only when known. */
    static String transfer(TransferProgress p) {
        StringBuilder s = new StringBuilder(Renderer.human(p.getBytes()));
        if (p.getTotal() >= 0) {
            s.append(" / ").append(Renderer.human(p.getTotal()));
        }
        s.append("  ").append(Renderer.human(p.getBytesPerSecond())).append("/s");
        p.getEta().ifPresent(eta -> s.append("  ETA ").append(clock(eta)));
        return s.toString();
    }

    /** {@code 0:07}, {@code 12:05}, {@code 1:02:03}. */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private synchronized <T> Watch<T> show(Shown<T> shown) {
        current = shown;    // a second call at once (another thread) takes the line over
        if (ticker != null && ticking == null) {
            long ms = REPAINT.toMillis();
            ticking = ticker.scheduleAtFixedRate(this::paint, ms, ms, TimeUnit.MILLISECONDS);
        }
        return shown;
    }

    /** Draws the current line over the one before. */
    synchronized void paint() {
        if (current == null) {
            return;
        }
        String text = current.text();
        int max = Math.max(10, width.getAsInt() - 1);     // never the last column: some terminals wrap there
        if (text.codePointCount(0, text.length()) > max) {
            text = text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
        }
        int length = text.codePointCount(0, text.length());
        out.print("\r" + text + " ".repeat(Math.max(0, drawn - length)));
        out.flush();
        drawn = length;
    }

    /** Blanks the line whatever is shown (the process is ending: Ctrl-C on {@code -e} must not leave it behind). */
    public void blank() {
        Shown<?> shown;
        synchronized (this) {
            shown = current;
        }
        if (shown != null) {
            end(shown);
        }
    }

    private synchronized void end(Shown<?> shown) {
        if (current != shown) {
            return;
        }
        current = null;
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            out.flush();
            drawn = 0;
        }
    }

    /** One watched call: its latest state and how it reads. */
    private final class Shown<T> implements Watch<T> {
        private final java.util.function.Function<T, String> format;
        private volatile T state;

        Shown(T first, java.util.function.Function<T, String> format) {
            this.state = first;
            this.format = format;
        }

        String text() {
            return format.apply(state);
        }

        @Override
        public void update(T state) {
            this.state = state;
        }

        @Override
        public void close() {
            end(this);
        }
    }
}
