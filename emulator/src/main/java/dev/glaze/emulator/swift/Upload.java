package dev.glaze.emulator.swift;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Copies an upload to a file, block by block, hashing as it goes; the file is on disk when this returns. */
final class Upload {
    /** What arrived: its size and MD5 (lower-case hex). */
    record Received(long size, String md5) {
    }

    private static final int BLOCK = 64 * 1024;

    private Upload() {
    }

    /**
     * @throws SwiftException 499 when reading the data fails (the client went away), 413 past {@code maxBytes},
     *         507 when the disk is full; the file is removed in every case
     */
    static Received receive(InputStream data, Path file, long maxBytes) throws IOException {
        MessageDigest md5 = md5();
        long size = 0;
        boolean done = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] block = new byte[BLOCK];
            int n;
            while ((n = read(data, block)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw SwiftException.withReason(413, "Your request is too large.");
                }
                md5.update(block, 0, n);
                write(out, block, n);
            }
            channel.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
        return new Received(size, HexFormat.of().formatHex(md5.digest()));
    }

    private static int read(InputStream data, byte[] block) {
        try {
            return data.read(block);
        } catch (IOException e) {
            throw SwiftException.of(499);
        }
    }

    private static void write(OutputStream out, byte[] block, int n) throws IOException {
        try {
            out.write(block, 0, n);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("No space left") || message.contains("quota")) {
                throw SwiftException.of(507);
            }
            throw e;
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** As Swift does: from the name's extension, else {@code application/octet-stream}. */
    static String guessType(String object) {
        String guessed = URLConnection.guessContentTypeFromName(object);
        return guessed == null ? "application/octet-stream" : guessed;
    }

    /** True when an ETag a client sent (perhaps quoted, perhaps in upper case) names this MD5. */
    static boolean sameEtag(String sent, String md5) {
        String e = sent.trim();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toLowerCase(Locale.ROOT).equals(md5);
    }
}
