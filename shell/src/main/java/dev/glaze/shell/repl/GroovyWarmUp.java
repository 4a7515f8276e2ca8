package dev.glaze.shell.repl;

import dev.glaze.core.images.Image;
import dev.glaze.core.spi.GlazePlugin;
import groovy.lang.GroovyObject;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClassRegistry;
import java.util.ArrayList;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Groovy's runtime on threads of its own while the command line is parsed and the cloud chosen, for a
 * one-shot command that will run Groovy: its meta-class registry and the formatting that printing any value needs
 * ({@code FormatHelper}, which scans the JDK for Groovy's default imports) take about a third of a second.
 *
 * <p>The main thread calls {@link #await()} before it touches any Groovy class (a plugin written in Groovy too:
 * {@link #awaitIfGroovyPlugins}), so no class is ever being initialised by the main thread and a warm-up thread at
 * once (which could deadlock). After that the warm-up goes on making the meta-classes of the types nearly every
 * script meets, as a second thread of any script could.
 */
public final class GroovyWarmUp {
    private static volatile Thread warmUp;
    /** Counted down once Groovy's runtime is ready: what {@link #await()} waits for. */
    private static final CountDownLatch READY = new CountDownLatch(1);

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

    /** Waits for a started warm-up to have Groovy's runtime ready; returns at once when none was started. */
    public static void await() {
        if (warmUp == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                READY.await();
                break;
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

    /**
     * Two threads, since there are two cores on most machines and the main thread mostly waits meanwhile: this one
     * makes Groovy's VM plugin, then scans for the default imports ({@code ResolveVisitor}'s static set-up, which
     * {@code FormatHelper} needs) while a second one starts the meta-class registry. The two meet no class with a
     * static set-up of its own after the VM plugin is made (that one is shared, so it is made first), so neither
     * waits for a class the other is initialising.
     */
    private static void initialise() {
        ClassLoader loader = GroovyWarmUp.class.getClassLoader();
        Thread registry = null;
        try {
            Class.forName("org.codehaus.groovy.vmplugin.VMPluginFactory", true, loader);
            registry = new Thread(() -> initialise(loader, "org.codehaus.groovy.runtime.FormatHelper",
                    "org.codehaus.groovy.runtime.InvokerHelper"), "glaze-groovy-warm-up-registry");
            registry.setDaemon(true);
            registry.start();
            initialise(loader, "org.codehaus.groovy.control.ResolveVisitor");
        } catch (ClassNotFoundException | LinkageError e) {
            // only a lost head start: the main thread meets the same error and reports it
        } finally {
            joinUninterruptibly(registry);
            READY.countDown();
        }
        // Groovy's runtime is ready, and the main thread runs the script: meanwhile, the meta-classes nearly every
        // script needs a little later (after its first request), made as any second thread of a script would
        try {
            MetaClassRegistry metaClasses = GroovySystem.getMetaClassRegistry();
            metaClasses.getMetaClass(Image.class);
            metaClasses.getMetaClass(ArrayList.class);
        } catch (RuntimeException | LinkageError e) {
            // only a lost head start
        }
    }

    private static void initialise(ClassLoader loader, String... classes) {
        try {
            for (String c : classes) {
                Class.forName(c, true, loader);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // only a lost head start: the main thread meets the same error and reports it
        }
    }

    private static void joinUninterruptibly(Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
