package dev.glaze.emulator.swift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where things live under the store's root. Every name a client chooses becomes a file name only as the SHA-256 of
 * its UTF-8 bytes (64 hex digits), so no name can reach outside its folder, whatever it contains, and none
 * is too long for the file system (object names may have 1024 bytes; a file name at most 255). The real names are
 * kept inside the JSON files.
 *
 * <pre>
 * root/&lt;sha256(account)&gt;/account.json
 * root/&lt;sha256(account)&gt;/&lt;sha256(container)&gt;/container.json
 * root/&lt;sha256(account)&gt;/&lt;sha256(container)&gt;/&lt;sha256(object)&gt;.json          the object's metadata (commit point)
 * root/&lt;sha256(account)&gt;/&lt;sha256(container)&gt;/&lt;sha256(object)&gt;.&lt;uuid&gt;.data   its content
 * root/.incoming/&lt;store instance&gt;/                  uploads under way
 * root/.trash/                                         deleted containers on their way out
 * </pre>
 */
final class StoreLayout {
    static final String ACCOUNT_FILE = "account.json";
    static final String CONTAINER_FILE = "container.json";
    static final String SIDECAR_SUFFIX = ".json";
    static final String DATA_SUFFIX = ".data";
    static final String INCOMING = ".incoming";
    static final String TRASH = ".trash";
    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    StoreLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path account(String account) {
        return root.resolve(hash(account));
    }

    Path container(String account, String container) {
        return account(account).resolve(hash(container));
    }

    static Path sidecar(Path containerDir, String object) {
        return containerDir.resolve(hash(object) + SIDECAR_SUFFIX);
    }

    /** A fresh name for an object's content: a new version never overwrites the file a reader may have open. */
    static String newDataName(String object) {
        return hash(object) + "." + UUID.randomUUID() + DATA_SUFFIX;
    }

    Path incoming() {
        return root.resolve(INCOMING);
    }

    Path trash() {
        return root.resolve(TRASH);
    }

    /** True for the folder and file names this layout makes from client names (not for its own files). */
    static boolean isHashed(String fileName) {
        return HASHED.matcher(fileName).matches();
    }

    /** True for a sidecar's file name. */
    static boolean isSidecar(String fileName) {
        return fileName.endsWith(SIDECAR_SUFFIX)
                && isHashed(fileName.substring(0, fileName.length() - SIDECAR_SUFFIX.length()));
    }

    static String hash(String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The folders under {@code dir} named by this layout (accounts under the root, containers under an account). */
    static List<Path> hashedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (StoreLayout.isHashed(p.getFileName().toString()) && Files.isDirectory(p)) {
                    children.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return children;
    }
}
