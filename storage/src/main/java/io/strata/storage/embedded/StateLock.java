package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Mutual exclusion around "check, then start or stop" for one state directory, across threads and
 * across Strata processes.
 *
 * <p>Across processes an OS file lock does it, and it vanishes with a crashed holder, so there is
 * no stale lock to clean up. Within one JVM a file lock is not enough: the JDK refuses a second lock
 * on the same file with {@link java.nio.channels.OverlappingFileLockException} instead of waiting,
 * and POSIX drops every lock the process holds on a file as soon as any descriptor of it is closed,
 * so a thread that opened the file only to find it locked would, on closing, unlock it for other
 * processes. Threads therefore first meet on a JVM-wide monitor and only the winner touches the file.
 * The monitor is the interned lock-file path: the JVM's string table already is the one canonical
 * per-process map we need, and a prefix no other code uses keeps it ours.
 */
final class StateLock {

    static final String FILE_NAME = "embedded.lock";

    private StateLock() {
    }

    @SuppressWarnings("try") // the lock is held for the body; nothing calls it
    static <T> T holding(Path stateDirectory, Supplier<T> action) {
        Path lockFile = lockFile(stateDirectory);
        Object monitor = ("io.strata.storage.embedded.StateLock:" + lockFile).intern();
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            } catch (IOException e) {
                throw new StrataException("cannot lock " + lockFile + ": " + e.getMessage(),
                        "check that the state directory " + stateDirectory + " is writable by this user");
            }
        }
    }

    private static Path lockFile(Path stateDirectory) {
        try {
            Files.createDirectories(stateDirectory);
            // The real path, so that two spellings of one directory meet on one monitor.
            return stateDirectory.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw new StrataException("cannot create the embedded PostgreSQL state directory " + stateDirectory
                    + ": " + e.getMessage(), "check the path and its permissions, or configure an external database");
        }
    }
}
