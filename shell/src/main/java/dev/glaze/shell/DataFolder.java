package dev.glaze.shell;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder {@code glaze serve} (or a shell on the embedded service) keeps its state in: checked to be a writable folder before the service
 * starts, and locked for as long as the process lives, because two services writing one folder would
 * overwrite each other's images. The operating system drops the lock when the process dies, even by kill -9.
 */
final class DataFolder implements AutoCloseable {
    static final String LOCK_FILE = "glaze.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Turns the {@code --data} value into an absolute path; a leading {@code ~} means the home folder. */
    static Path resolve(String value) throws UsageException {
        String expanded = value;
        if (value.equals("~") || value.startsWith("~/")) {
            expanded = System.getProperty("user.home") + value.substring(1);
        }
        if (expanded.isBlank()) {
            throw new UsageException("--data needs a folder name, not an empty string");
        }
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--data '" + value + "' is not a valid path: " + e.getReason());
        }
    }

    /** Creates the folder if needed, proves it writable, and takes its lock. */
    static DataFolder open(Path path) throws CommandFailedException {
        String fix = "; choose another folder with --data DIR";
        try {
            Files.createDirectories(path);
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailedException("data folder " + path + " is not a folder but a file" + fix);
        } catch (AccessDeniedException e) {
            throw new CommandFailedException("cannot create data folder " + path + ": permission denied" + fix);
        } catch (IOException e) {
            throw new CommandFailedException("cannot create data folder " + path + ": " + reason(e) + fix);
        }
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new CommandFailedException("data folder " + path + " is not writable" + fix);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write in data folder " + path + ": " + reason(e) + fix);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new CommandFailedException("data folder " + path + " is in use by another glaze (serve, or"
                        + " a shell on the embedded service); stop that one or choose another folder with --data DIR");
            }
            return new DataFolder(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new CommandFailedException("data folder " + path + " is already served by this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CommandFailedException("cannot lock data folder " + path + ": " + reason(e) + fix);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(lockChannel);
    }

    /** The useful part of an I/O error: the operating system's reason without the repeated path. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
