package dev.glaze.shell.repl;

import dev.glaze.core.spi.GlazePlugin;
import groovy.lang.GroovyObject;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Starts Groovy's runtime on a thread of its own while the command line is parsed and the cloud chosen, for a
 * one-shot command that will run Groovy: its meta-class registry and the formatting that printing any value needs
 * ({@code FormatHelper}, which scans the JDK for Groovy's default imports) take about a third of a second.
 *
 * <p>The main thread calls {@link #await()} before it touches any Groovy class (a plugin written in Groovy too:
 * {@link #awaitIfGroovyPlugins}), so no class is ever being initialised by both threads at once (which could
 * deadlock).
 */
public final class GroovyWarmUp {
    private static volatile Thread warmUp;

    private GroovyWarmUp() {
    }

    /** Starts the warm-up, once per process. */
    public static synchronized void start() {
        if (warmUp != null) {
            return;
        }
        Thread t = new Thread(GroovyWarmUp::initialise, "glaze-groovy-warm-up");
        t.setDaemon(true);
        warmUp = t;
        t.start();
    }

    /** Waits for a started warm-up to end; returns at once when none was started. */
    public static void await() {
        Thread t = warmUp;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish waiting: the contract is that nobody else initialises Groovy meanwhile
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the warm-up when a plugin that {@code loader} would make is a Groovy class: making it initialises
     * Groovy's runtime on this thread. Looking at the classes loads them without initialising anything.
     */
    public static void awaitIfGroovyPlugins(ClassLoader loader) {
        if (warmUp == null) {
            return;
        }
        try {
            for (ServiceLoader.Provider<GlazePlugin> p : ServiceLoader.load(GlazePlugin.class, loader).stream().toList()) {
                if (GroovyObject.class.isAssignableFrom(p.type())) {
                    await();
                    return;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            await(); // the plugins' own error is reported where they are made; be safe meanwhile
        }
    }

    private static void initialise() {
        ClassLoader loader = GroovyWarmUp.class.getClassLoader();
        try {
            // FormatHelper's static set-up starts the meta-class registry first
            Class.forName("org.codehaus.groovy.runtime.FormatHelper", true, loader);
            Class.forName("org.codehaus.groovy.runtime.InvokerHelper", true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // only a lost head start: the main thread meets the same error and reports it
        }
    }
}
