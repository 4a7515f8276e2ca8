package dev.glaze.core.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Glance's hash names ({@code sha512}, {@code sha3_256}, {@code md5}: Python's hashlib) as Java digests. */
final class Digests {
    private Digests() {
    }

    /** The digest for a hashlib name, or null when this Java has none. */
    static MessageDigest forGlanceName(String algo) {
        String name = algo.toLowerCase(Locale.ROOT);
        String java;
        if (name.equals("md5")) {
            java = "MD5";
        } else if (name.startsWith("sha3_")) {
            java = "SHA3-" + name.substring(5);
        } else if (name.matches("sha\\d+")) {
            java = "SHA-" + name.substring(3);
        } else {
            java = algo;
        }
        try {
            return MessageDigest.getInstance(java);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    static MessageDigest get(String javaName) {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is part of every Java runtime", e);
        }
    }

    /** The hash of no bytes (an empty upload never opens its source). */
    static String hexOfNothing(String javaName) {
        return java.util.HexFormat.of().formatHex(get(javaName).digest());
    }
}
