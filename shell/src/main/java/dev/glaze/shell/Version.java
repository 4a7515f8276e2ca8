package dev.glaze.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The glaze version, written into {@code version.properties} by the build. */
final class Version {
    private Version() {
    }

    static String glaze() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource only costs the version number
        }
        String v = p.getProperty("version", "");
        // unfiltered (running from an IDE that skips Maven's resource filtering): say so rather than print ${...}
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }

    /** One line: {@code glaze 0.1.0 (Java 17.0.15, Debian)}. */
    static String line() {
        return "glaze " + glaze() + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("java.vendor") + ")";
    }
}
