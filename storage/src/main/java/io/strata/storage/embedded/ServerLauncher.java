package io.strata.storage.embedded;

import com.sun.security.auth.module.UnixSystem;
import io.strata.core.error.StrataException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code initdb} and {@code pg_ctl start} for a state directory. The server is started by
 * pg_ctl, which puts the postmaster in its own session with stdin from /dev/null and output to the
 * log, so it keeps running after this JVM exits and a Ctrl-C in the terminal does not reach it.
 *
 * <p>PostgreSQL refuses to run as root. As root we do what zonky does: run the tools under
 * {@code unshare -U}, a fresh user namespace in which the process is "nobody" to itself while the
 * kernel still sees root's uid. PostgreSQL's root check passes, the files it writes stay owned by
 * root, and root outside the namespace can signal and inspect the postmaster as usual.
 */
final class ServerLauncher {

    /** How a start attempt ended when it did not end in an error worth reporting. */
    enum Outcome { STARTED, PORT_TAKEN, OLD_SERVER_STILL_EXITING }

    private static final int START_TIMEOUT_SECONDS = 60;
    private static final int LOG_LINES_IN_ERRORS = 12;

    private final StateDirectory state;
    private final Path home;
    private final List<String> prefix;

    private ServerLauncher(StateDirectory state, Path home, List<String> prefix) {
        this.state = state;
        this.home = home;
        this.prefix = prefix;
    }

    /** Unpacks the binaries if needed and settles how to run them; no server is touched yet. */
    static ServerLauncher prepare(StateDirectory state) {
        return new ServerLauncher(state, PostgresBinaries.install(), nonRootPrefix());
    }

    /** Creates the data directory unless it exists; initdb works in a side directory so a crash leaves no half cluster. */
    void initdbIfNeeded() {
        if (state.initialized()) {
            return;
        }
        Path data = state.dataDirectory();
        if (Files.exists(data) && !isEmptyDirectory(data)) {
            throw new StrataException("the embedded PostgreSQL data directory " + data + " exists but holds no cluster (no PG_VERSION)",
                    "move " + data + " aside; the next command creates a fresh, empty database there");
        }
        Path scratch = state.initdbDirectory();
        ServerLog log = new ServerLog(state.logFile());
        long mark = log.mark();
        try {
            deleteRecursively(scratch);
            int exit = run(List.of(tool("initdb"), "-D", scratch.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C", "--no-instructions"));
            if (exit != 0) {
                throw failure("initdb failed (exit " + exit + ")", log, mark);
            }
            Files.deleteIfExists(data);
            Files.move(scratch, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StrataException("cannot create the embedded PostgreSQL data directory " + data + ": " + e.getMessage(),
                    "check free disk space and that " + state + " is writable");
        }
    }

    /** One start attempt on the given port; returns once the server accepts connections. */
    Outcome start(int port) {
        ServerLog log = new ServerLog(state.logFile());
        long mark = log.mark();
        // The options go through pg_ctl's shell verbatim; none of them needs quoting.
        String options = "-p " + port + " -h 127.0.0.1 -c unix_socket_directories=";
        int exit = run(List.of(tool("pg_ctl"), "start", "-D", state.dataDirectory().toString(),
                "-l", state.logFile().toString(), "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS), "-s", "-o", options));
        if (exit == 0) {
            return Outcome.STARTED;
        }
        String written = log.since(mark);
        if (written.contains("could not bind") || written.contains("could not create any TCP/IP sockets")) {
            return Outcome.PORT_TAKEN;
        }
        if (written.contains("pre-existing shared memory block") || written.contains("lock file \"postmaster.pid\" already exists")) {
            return Outcome.OLD_SERVER_STILL_EXITING;
        }
        throw failure("pg_ctl start failed (exit " + exit + ")", log, mark);
    }

    private StrataException failure(String what, ServerLog log, long mark) {
        return new StrataException("embedded PostgreSQL in " + state + ": " + what + "; last lines of " + state.logFile() + ":\n"
                + log.quoteSince(mark, LOG_LINES_IN_ERRORS),
                "read " + state.logFile() + " for the whole story; if the data directory is damaged, move "
                        + state.dataDirectory() + " aside and run the command again to start with an empty database");
    }

    private String tool(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    private int run(List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.logFile().toFile()));
        // A user's PGDATA, PGPORT or PGHOST must not steer the embedded server elsewhere.
        builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
        try {
            Process process = builder.start();
            if (!process.waitFor(START_TIMEOUT_SECONDS + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new StrataException("cannot run " + full.get(0) + ": " + e.getMessage(),
                    "delete the cache directory " + PostgresBinaries.cacheRoot() + " so the binaries are unpacked again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while running " + command.get(0), null);
        }
    }

    /** {@code unshare -U} as root (see the class comment), nothing otherwise. */
    private static List<String> nonRootPrefix() {
        if (new UnixSystem().getUid() != 0) {
            return List.of();
        }
        List<String> prefix = List.of("unshare", "-U");
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return prefix;
            }
        } catch (IOException e) {
            // Reported below together with the other reason unshare may be unusable.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StrataException("embedded PostgreSQL cannot run as root here: PostgreSQL refuses root and "
                + "'unshare -U' (a user namespace) is unavailable",
                "run Strata as a non-root user, allow unprivileged user namespaces, "
                        + "or configure an external database for this environment in strata.yaml");
    }

    private static boolean isEmptyDirectory(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
