package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server of one environment, kept running between Strata commands.
 *
 * <p>The first command that needs a database starts a detached postmaster on a data directory
 * under the state directory ({@code <platform>/.strata/<env>/}); later commands find it through
 * PostgreSQL's own {@code postmaster.pid} and reuse it, so a person can {@code psql} into the same
 * database the commands use. It listens on 127.0.0.1 only, with trust authentication for the
 * {@code postgres} superuser and no Unix socket, and stops only on {@link #stop}.
 *
 * <p>Any number of threads and processes may call these methods at once: starting and stopping
 * happen under a lock file in the state directory. A server killed with -9, or a postmaster.pid
 * left by a reboot, does not block the next start. Nothing is cached in this JVM; every call looks
 * at the files and the process table afresh, so the class has no state at all.
 */
public final class EmbeddedPostgres {

    static final String SUPERUSER = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final int PORT_ATTEMPTS = 5;

    private EmbeddedPostgres() {
    }

    /**
     * The running server, started first if it is not running, with {@code databaseName} created if
     * it is missing. When the server already runs this costs a file read, a process-table lookup and
     * one local connection.
     */
    public static EmbeddedInstance ensureRunning(Path stateDir, String databaseName) {
        Databases.requireValidName(databaseName);
        StateDirectory state = new StateDirectory(stateDir);
        Optional<EmbeddedInstance> running = probe(state).map(server -> server.withDatabase(databaseName));
        if (running.isPresent() && Databases.reachable(running.get())) {
            return running.get();
        }
        return StateLock.holding(state.root(), () -> {
            EmbeddedInstance instance = startIfNeeded(state).withDatabase(databaseName);
            Databases.createIfMissing(instance);
            return instance;
        });
    }

    /** The running server, addressed at the {@code postgres} database; never starts one. */
    public static Optional<EmbeddedInstance> status(Path stateDir) {
        return probe(new StateDirectory(stateDir));
    }

    /**
     * Stops the server with a fast shutdown: open sessions are disconnected, their transactions
     * roll back, committed data stays. Returns false when no server was running.
     */
    public static boolean stop(Path stateDir) {
        StateDirectory state = new StateDirectory(stateDir);
        if (!Files.isDirectory(state.root())) {
            return false;
        }
        return StateLock.holding(state.root(), () -> {
            Optional<ProcessHandle> postmaster = PostmasterPidFile.read(state.dataDirectory()).flatMap(PostmasterPidFile::process);
            if (postmaster.isEmpty()) {
                return false;
            }
            long pid = postmaster.get().pid();
            // SIGINT is PostgreSQL's fast shutdown; pg_ctl stop -m fast sends the same signal.
            signal(pid, "INT");
            if (!awaitExit(state, pid, SETTLE_TIMEOUT)) {
                throw new StrataException("embedded PostgreSQL in " + state + " (pid " + pid + ") did not stop within "
                        + SETTLE_TIMEOUT.toSeconds() + " s", "see " + state.logFile() + "; 'kill -QUIT " + pid
                        + "' stops it immediately (the next start then runs crash recovery)");
            }
            return true;
        });
    }

    private static Optional<EmbeddedInstance> probe(StateDirectory state) {
        return PostmasterPidFile.read(state.dataDirectory())
                .filter(PostmasterPidFile::ready)
                .flatMap(pidFile -> pidFile.process().map(process -> pidFile))
                .filter(pidFile -> LoopbackPorts.accepts(pidFile.port()))
                .map(pidFile -> new EmbeddedInstance(state.dataDirectory(), pidFile.port(), SUPERUSER,
                        MAINTENANCE_DATABASE, pidFile.pid()));
    }

    /** Under the state lock: returns the server once it answers, starting it if nobody runs it. */
    private static EmbeddedInstance startIfNeeded(StateDirectory state) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        ServerLauncher launcher = null;
        boolean freshPort = false;
        int portAttempts = 0;
        String waitingFor = "the server to start";
        while (true) {
            Optional<EmbeddedInstance> running = probe(state);
            if (running.isPresent()) {
                return running.get();
            }
            if (System.nanoTime() > deadline) {
                throw new StrataException("embedded PostgreSQL in " + state + " did not become ready within "
                        + SETTLE_TIMEOUT.toSeconds() + " s, waiting for " + waitingFor,
                        "see " + state.logFile() + "; 'strata embedded stop' and a new command usually clear it");
            }
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(state.dataDirectory());
            if (pidFile.flatMap(PostmasterPidFile::process).isPresent()) {
                // Ours, but starting, in crash recovery or shutting down: let it finish.
                waitingFor = "postmaster " + pidFile.get().pid() + " to accept connections";
                sleep(POLL_MILLIS);
                continue;
            }
            if (pidFile.isPresent() && pidFile.get().blocksRestart()) {
                // Safe to remove: no postmaster runs, and should children of a killed one linger,
                // PostgreSQL's shared-memory check still refuses to start beside them.
                deletePidFile(state);
            }
            // A pid file whose process is gone is left alone: PostgreSQL removes it by itself.
            if (launcher == null) {
                launcher = ServerLauncher.prepare(state);
                launcher.initdbIfNeeded();
            }
            int port = choosePort(state, freshPort);
            switch (launcher.start(port)) {
                case STARTED -> freshPort = false;
                case PORT_TAKEN -> {
                    freshPort = true;
                    if (++portAttempts >= PORT_ATTEMPTS) {
                        throw new StrataException("embedded PostgreSQL in " + state + " found no free port after "
                                + PORT_ATTEMPTS + " attempts, the last " + port, "see " + state.logFile());
                    }
                }
                case OLD_SERVER_STILL_EXITING -> {
                    waitingFor = "processes of an earlier server to leave the data directory";
                    sleep(POLL_MILLIS * 4);
                }
            }
        }
    }

    /** The remembered port while it is free, so URLs stay stable; a new one when something else took it. */
    private static int choosePort(StateDirectory state, boolean fresh) {
        OptionalInt remembered = state.rememberedPort();
        if (!fresh && remembered.isPresent() && LoopbackPorts.isFree(remembered.getAsInt())) {
            return remembered.getAsInt();
        }
        int port = LoopbackPorts.pickFree();
        state.rememberPort(port);
        return port;
    }

    private static void deletePidFile(StateDirectory state) {
        try {
            Files.deleteIfExists(state.dataDirectory().resolve(PostmasterPidFile.FILE_NAME));
        } catch (IOException e) {
            throw new StrataException("cannot remove the stale " + state.dataDirectory().resolve(PostmasterPidFile.FILE_NAME)
                    + ": " + e.getMessage(), "remove it by hand; no server uses it");
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new StrataException("cannot signal postmaster " + pid + ": " + e.getMessage(), "stop it with 'kill -INT " + pid + "'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Like pg_ctl: done when the postmaster has removed its pid file, or is gone without doing so. */
    private static boolean awaitExit(StateDirectory state, long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (PostmasterPidFile.read(state.dataDirectory()).filter(file -> file.pid() == pid)
                .flatMap(PostmasterPidFile::process).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(POLL_MILLIS / 2);
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while waiting for embedded PostgreSQL", null);
        }
    }
}
