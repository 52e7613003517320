package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The files of one environment's embedded server under {@code <platform>/.strata/<env>/}: what
 * lives where, in one place, so that a person can find them without reading the code.
 *
 * <pre>
 * pgdata/          the PostgreSQL data directory (its postmaster.pid says whether it runs)
 * postgres.log     server log, with initdb and pg_ctl output
 * port             the TCP port chosen on first start, reused while it stays free
 * embedded.lock    held while a Strata command checks, starts or stops the server
 * </pre>
 */
record StateDirectory(Path root) {

    StateDirectory {
        root = Objects.requireNonNull(root, "stateDir").toAbsolutePath().normalize();
    }

    Path dataDirectory() {
        return root.resolve("pgdata");
    }

    /** Where initdb writes before the result is renamed to {@link #dataDirectory()}. */
    Path initdbDirectory() {
        return root.resolve("pgdata.initdb");
    }

    Path logFile() {
        return root.resolve("postgres.log");
    }

    Path portFile() {
        return root.resolve("port");
    }

    boolean initialized() {
        return Files.isRegularFile(dataDirectory().resolve("PG_VERSION"));
    }

    OptionalInt rememberedPort() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(portFile(), StandardCharsets.UTF_8).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            // No port yet, or a file someone edited into nonsense: either way a fresh port is picked.
            return OptionalInt.empty();
        } catch (IOException e) {
            throw unwritable(portFile(), e);
        }
    }

    void rememberPort(int port) {
        try {
            // Write then rename, so a reader never sees a half-written number.
            Path temporary = root.resolve("port.tmp");
            Files.writeString(temporary, port + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, portFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw unwritable(portFile(), e);
        }
    }

    private StrataException unwritable(Path file, IOException e) {
        return new StrataException("cannot read or write " + file + ": " + e.getMessage(),
                "check that the state directory " + root + " belongs to this user and is writable");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
