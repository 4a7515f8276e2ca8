package org.codehaus.groovy.vmplugin.v9;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * glaze's stand-in for Groovy's own {@code ClassFinder} (decision 0007): the same API and the same answers, kept in
 * a small file per class-path entry so that a start of glaze does not walk the JDK's modules and Groovy's jar again.
 *
 * <p>Groovy lists the classes of its default imports ({@code java.lang}, {@code java.util}, ...) in the static
 * set-up of {@code ResolveVisitor}, which any printing of a value starts ({@code FormatHelper}); listing them walks
 * all of {@code java.base}'s {@code java/} and the Groovy jar and is a third of a one-shot command's start-up, even
 * when nothing is compiled. This class sits before the Groovy jar on glaze's class path. It answers from the file
 * {@code glaze.classListCache} (a system property: the folder) holds for the entry, made by Groovy's own
 * {@code ClassFinder} (loaded from the Groovy jar on a loader of its own) the first time, and again when the JDK, the
 * jar listed or the Groovy jar changes (the key names the JDK's version and the files' size and time). Without the
 * property, for a folder of classes, or when the file cannot be read or written, it only hands the call on.
 */
public class ClassFinder {
    /** The system property naming the folder of the kept lists. */
    public static final String CACHE_PROPERTY = "glaze.classListCache";
    private static final String FORMAT = "glaze class list 2";
    private static final String END = "end";
    private static volatile Method groovyFind;

    private ClassFinder() {
    }

    /** As Groovy's: the classes directly in {@code packageName}. */
    public static Map<String, Set<String>> find(URI classpathEntryURI, String packageName) {
        return find(classpathEntryURI, packageName, false);
    }

    /**
     * As Groovy's: the classes under {@code packageName} ({@code a/b}) of a class-path entry ({@code jrt:/modules/M/},
     * a jar, a folder), by simple name, each with the packages ({@code a/b/c}) that have a class of that name.
     */
    public static Map<String, Set<String>> find(URI classpathEntryURI, String packageName, boolean recursive) {
        String folder = System.getProperty(CACHE_PROPERTY);
        String key = folder == null || folder.isEmpty() ? null : key(classpathEntryURI, packageName, recursive);
        Path file = key == null ? null : file(folder, key);
        if (file == null) {
            return groovyFind(classpathEntryURI, packageName, recursive);
        }
        Map<String, Set<String>> kept = read(file, key);
        if (kept != null) {
            return kept;
        }
        Map<String, Set<String>> found = groovyFind(classpathEntryURI, packageName, recursive);
        write(file, key, found);
        return found;
    }

    private static Path file(String folder, String key) {
        try {
            return Paths.get(folder, Integer.toHexString(key.hashCode()) + ".txt");
        } catch (RuntimeException e) {
            return null; // not a path: as without a folder
        }
    }

    /**
     * What the answer depends on, or null when that cannot be told cheaply (a folder, an unknown scheme): the entry,
     * the package, the depth, the entry's files, and the Groovy jar whose {@code ClassFinder} gave the answer.
     */
    private static String key(URI entry, String packageName, boolean recursive) {
        String files;
        try {
            if ("jrt".equals(entry.getScheme())) {
                files = "java " + System.getProperty("java.home") + " " + System.getProperty("java.runtime.version")
                        + " " + stamp(Paths.get(System.getProperty("java.home"), "lib", "modules"));
            } else if ("file".equals(entry.getScheme()) && Files.isRegularFile(Paths.get(entry))) {
                files = stamp(Paths.get(entry));
            } else {
                return null;
            }
            if (GroovyJar.STAMP == null) {
                return null;
            }
            files += " groovy " + GroovyJar.STAMP;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String key = entry + " " + packageName + " " + recursive + " " + files;
        return fitsLine(key) ? key : null; // a path with a line break would never match its own file: keep none
    }

    /** The Groovy jar, where Groovy's own {@code ClassFinder} is: looked at once per process. */
    private static final class GroovyJar {
        static final URL LOCATION = location();
        /** Its location, size and time; null when it cannot be told. */
        static final String STAMP = stamp();

        private static URL location() {
            CodeSource groovy = ClassFindFailedException.class.getProtectionDomain().getCodeSource();
            return groovy == null ? null : groovy.getLocation();
        }

        private static String stamp() {
            try {
                return LOCATION == null ? null : LOCATION + " " + ClassFinder.stamp(Paths.get(LOCATION.toURI()));
            } catch (IOException | RuntimeException | URISyntaxException e) {
                return null;
            }
        }
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }

    /** The kept answer for {@code key}, or null when there is none (or it is unreadable, or for another key). */
    private static Map<String, Set<String>> read(Path file, String key) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!FORMAT.equals(in.readLine()) || !key.equals(in.readLine())) {
                return null;
            }
            int size = Integer.parseInt(in.readLine());
            Map<String, Set<String>> result = new LinkedHashMap<>(8192);
            for (String line = in.readLine(); !END.equals(line); line = in.readLine()) {
                if (line == null) {
                    return null; // cut short: found again
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    return null; // damaged: found again
                }
                Set<String> packages = new HashSet<>(2);
                for (int from = tab + 1, next; from <= line.length(); from = next + 1) {
                    next = line.indexOf('\t', from);
                    if (next < 0) {
                        next = line.length();
                    }
                    packages.add(line.substring(from, next));
                }
                result.put(line.substring(0, tab), packages);
            }
            return result.size() == size && in.readLine() == null ? result : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps an answer: written beside and moved into place, so that a reader sees all of it or nothing. */
    private static void write(Path file, String key, Map<String, Set<String>> found) {
        if (!fitsLines(found)) {
            return; // a name with a tab or a line break (possible in a jar, never in the JDK's or Groovy's): not kept
        }
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            removeLeftovers(file.getParent());
            // a name of its own, whatever else writes beside it (another process, of another pid namespace too)
            partial = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(FORMAT + "\n" + key + "\n" + found.size() + "\n");
                for (Map.Entry<String, Set<String>> e : found.entrySet()) {
                    out.write(e.getKey());
                    for (String p : e.getValue()) {
                        out.write('\t');
                        out.write(p);
                    }
                    out.write('\n');
                }
                out.write(END + "\n");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException | RuntimeException ignored) {
                // a leftover partial file is never read: its name is not a list's
            }
            // read-only home, full disk: the next start only finds the classes again
        }
    }

    /** Partial files of writers that were killed before they moved theirs into place: a day old at least. */
    private static void removeLeftovers(Path folder) throws IOException {
        long dayAgo = System.currentTimeMillis() - 24 * 60 * 60 * 1000L;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(folder, "*.tmp")) {
            for (Path p : partials) {
                if (Files.getLastModifiedTime(p).toMillis() < dayAgo) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean fitsLines(Map<String, Set<String>> found) {
        for (Map.Entry<String, Set<String>> e : found.entrySet()) {
            if (e.getKey().isEmpty() || !fitsLine(e.getKey())) {
                return false;
            }
            for (String p : e.getValue()) {
                if (!fitsLine(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean fitsLine(String s) {
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /** Groovy's own answer, from its {@code ClassFinder} in the Groovy jar, loaded apart from this one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> groovyFind(URI entry, String packageName, boolean recursive) {
        try {
            return (Map<String, Set<String>>) groovyFinder().invoke(null, entry, packageName, recursive);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                // Groovy's ClassFindFailedException is of the other loader: the same exception, of this one
                throw cause.getClass().getName().equals(ClassFindFailedException.class.getName())
                        ? new ClassFindFailedException(cause.getMessage(), cause.getCause())
                        : (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new ClassFindFailedException(cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new ClassFindFailedException("Groovy's ClassFinder cannot be called: " + e, e);
        }
    }

    private static Method groovyFinder() throws ReflectiveOperationException {
        Method m = groovyFind;
        if (m == null) {
            if (GroovyJar.LOCATION == null) {
                throw new ClassNotFoundException("the Groovy jar (ClassFindFailedException has no code source)");
            }
            // never closed: Groovy's class stays in use for the process's life, as the one it stands in for would
            @SuppressWarnings("resource")
            URLClassLoader loader = new URLClassLoader(new URL[] {GroovyJar.LOCATION},
                    ClassLoader.getPlatformClassLoader());
            m = Class.forName(ClassFinder.class.getName(), true, loader)
                    .getMethod("find", URI.class, String.class, boolean.class);
            groovyFind = m;
        }
        return m;
    }
}
