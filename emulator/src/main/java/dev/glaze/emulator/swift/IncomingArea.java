package dev.glaze.emulator.swift;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where uploads are written before they are committed: one folder per open store, held by a file lock. At open,
 * the folders nobody holds any more (left by a crash or kill -9) are removed with what is in them, while those of a
 * store still open on the same root, in this process or another, are left alone.
 */
final class IncomingArea implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IncomingArea.class.getName());
    private static final String LOCK_FILE = "lock";
    private static final String UPLOAD_SUFFIX = ".upload";

    private final Path dir;
    private final FileChannel lockChannel;

    private IncomingArea(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    static IncomingArea open(Path incoming) throws IOException {
        Files.createDirectories(incoming);
        removeAbandoned(incoming);
        Path dir = incoming.resolve(UUID.randomUUID().toString());
        Files.createDirectory(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        channel.lock();
        return new IncomingArea(dir, channel);
    }

    /** A fresh file for one upload; the caller moves it away or deletes it. */
    Path newFile() {
        return dir.resolve(UUID.randomUUID() + UPLOAD_SUFFIX);
    }

    private static void removeAbandoned(Path incoming) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(incoming)) {
            for (Path d : dirs) {
                if (!Files.isDirectory(d) || isHeld(d)) {
                    continue;
                }
                LOG.fine(() -> "removing abandoned uploads in " + d);
                FileTrees.deleteQuietly(d);
            }
        }
    }

    private static boolean isHeld(Path d) {
        Path lockFile = d.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;   // held by a store open in this very process
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot tell whether " + d + " is in use; leaving it", e);
            return true;
        }
    }

    /** Releases the folder and removes it with anything left in it. */
    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the lock of " + dir, e);
        }
        FileTrees.deleteQuietly(dir);
    }
}
