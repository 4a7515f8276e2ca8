package dev.glaze.shell.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The compiled classes of {@code glaze -e} expressions and script files, kept on disk (one small zip per
 * expression, under {@code ~/.glaze/cache/scripts}) so that running the same one again skips Groovy's compiler:
 * compiling is about half of the start-up of a one-shot command, as Python's {@code __pycache__} is for Python.
 *
 * <p>An entry is found by the SHA-256 of the source, its file name and the build of glaze and Groovy that compiled
 * it, so an edited script or a new glaze compiles afresh. At most {@value #MAX_ENTRIES} entries are kept, the least
 * recently used go first. The cache is an optimisation only: an entry that cannot be read or written is compiled
 * again, without a word.
 */
public final class ScriptCache {
    static final int MAX_ENTRIES = 256;
    private static final String MAIN_ENTRY = "META-INF/glaze-main-class";

    private final Path folder;
    private final int maxEntries;
    private final String build;
    /** What {@link #prefetch} read: the key it read it for and the entry (null when there was none). */
    private String prefetchedKey;
    private CompiledScript prefetched;

    ScriptCache(Path folder, int maxEntries) {
        this.folder = folder;
        this.maxEntries = maxEntries;
        this.build = buildIdentity();
    }

    /** A cache in {@code folder}, made on the first store. */
    public static ScriptCache in(Path folder) {
        return new ScriptCache(folder, MAX_ENTRIES);
    }

    /** The folder the entries live in. */
    public Path folder() {
        return folder;
    }

    /**
     * Reads the entry of {@code source} named {@code fileName} ahead of its {@link #load}, which then returns it:
     * a one-shot command does it while Groovy's runtime is still starting on other threads. It touches no Groovy
     * class, so it may run before {@link GroovyWarmUp#await()}.
     */
    public synchronized void prefetch(String source, String fileName) {
        prefetched = read(entry(source, fileName));
        prefetchedKey = fileName + '\0' + source;
    }

    /** The classes compiled earlier from {@code source} named {@code fileName}, or null when there are none. */
    synchronized CompiledScript load(String source, String fileName) {
        String key = fileName + '\0' + source;
        if (key.equals(prefetchedKey)) {
            prefetchedKey = null;
            CompiledScript found = prefetched;
            prefetched = null;
            return found;
        }
        return read(entry(source, fileName));
    }

    private static CompiledScript read(Path entry) {
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        Map<String, byte[]> classes = new HashMap<>();
        String main = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(entry))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(MAIN_ENTRY)) {
                    main = new String(bytes, StandardCharsets.UTF_8);
                } else if (e.getName().endsWith(".class")) {
                    String name = e.getName().substring(0, e.getName().length() - ".class".length());
                    classes.put(name.replace('/', '.'), bytes);
                }
            }
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or cut short (a full disk): compile again, and the store replaces it
        }
        return main != null && classes.containsKey(main) ? new CompiledScript(main, classes) : null;
    }

    /** Keeps {@code compiled} for the next run; failures are ignored (the next run compiles again). */
    void store(String source, String fileName, CompiledScript compiled) {
        Path entry = entry(source, fileName);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".entry", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MAIN_ENTRY));
                zip.write(compiled.mainClass().getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                    zip.putNextEntry(new ZipEntry(c.getKey().replace('.', '/') + ".class"));
                    zip.write(c.getValue());
                }
            }
            // a reader never sees half an entry: the rename is atomic, and two writers of one key write the same
            Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            evictBeyond(maxEntries);
        } catch (IOException | RuntimeException e) {
            // read-only home, full disk: running without the cache is only slower
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    private void evictBeyond(int max) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.zip")) {
            dir.forEach(entries::add);
        }
        if (entries.size() <= max) {
            return;
        }
        entries.sort(Comparator.comparing(ScriptCache::modified));
        for (Path old : entries.subList(0, entries.size() - max)) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private Path entry(String source, String fileName) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {build, fileName, source}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return folder.resolve(HexFormat.of().formatHex(sha.digest()) + ".zip");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * What compiled a cached class: the jars (or class folders) of Groovy, the shell and the library, by path, size
     * and time, since the compiler resolves the imported names against them. Only their class objects are used,
     * which loads them without starting Groovy's runtime ({@link #prefetch} runs before it is ready).
     */
    private static String buildIdentity() {
        StringBuilder id = new StringBuilder("glaze");
        for (Class<?> c : new Class<?>[] {groovy.lang.GroovySystem.class, ScriptCache.class,
            dev.glaze.core.Cloud.class}) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                continue;
            }
            try {
                Path p = Path.of(source.getLocation().toURI());
                id.append('|').append(p).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException | URISyntaxException | RuntimeException e) {
                id.append("|?");
            }
        }
        return id.toString();
    }

    /** A compiled script: the class to run and every class its source made (closures, inner classes). */
    record CompiledScript(String mainClass, Map<String, byte[]> classes) {
        Class<?> define(ClassLoader parent) throws ClassNotFoundException {
            return new Loader(parent, classes).loadClass(mainClass);
        }
    }

    /** Defines a compiled script's classes on demand, each once. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
