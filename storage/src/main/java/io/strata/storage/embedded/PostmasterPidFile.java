package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's own {@code postmaster.pid} says about the server of a data directory. The
 * postmaster keeps this file current (port, listen address, status) and removes it on a clean
 * shutdown, so it is the single source of truth; Strata keeps no pid file of its own.
 *
 * @param pid        the postmaster's process id
 * @param startTime  when that postmaster started, to tell it from a later process with the same pid
 * @param port       the TCP port, 0 while the server has not written it yet
 * @param status     {@code starting}, {@code ready}, {@code stopping}, {@code standby}, or empty
 */
record PostmasterPidFile(long pid, Instant startTime, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    // /proc's start time and the postmaster's own time(NULL) differ by milliseconds; the slack only
    // has to be small against the gap between a dead server's start and an unrelated process's.
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(60);

    /** The file's content, or empty when there is no file or it is still being written. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StrataException("cannot read " + dataDirectory.resolve(FILE_NAME) + ": " + e.getMessage(),
                    "check that this user may read the embedded PostgreSQL data directory " + dataDirectory);
        }
        try {
            long pid = Long.parseLong(line(lines, 0));
            Instant start = line(lines, 2).isEmpty() ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(line(lines, 2)));
            int port = line(lines, 3).isEmpty() ? 0 : Integer.parseInt(line(lines, 3));
            return Optional.of(new PostmasterPidFile(pid, start, port, line(lines, 7)));
        } catch (NumberFormatException e) {
            // A postmaster writes the file in several steps; a torn read looks like "not yet there".
            return Optional.empty();
        }
    }

    private static String line(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index).trim() : "";
    }

    boolean ready() {
        return "ready".equals(status) && port > 0;
    }

    /**
     * The live process this file names, if it is plausibly the postmaster that wrote it. After a
     * reboot or a kill -9 the pid may belong to an unrelated process; its command and start time
     * give that away. When the OS hides them, a live pid is given the benefit of the doubt.
     */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(PostmasterPidFile::running).filter(this::wroteThisFile);
    }

    /**
     * True when no postmaster runs but PostgreSQL would think one does: the pid now belongs to an
     * unrelated process (after a reboot), or is a dead postmaster not yet reaped by its new parent
     * (after a kill -9, where a container's init may never reap). PostgreSQL sees only that the pid
     * exists and refuses to start; a pid that is simply gone it handles by itself.
     */
    boolean blocksRestart() {
        return process().isEmpty() && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
    }

    private boolean wroteThisFile(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean commandMatches = info.command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(true);
        boolean startMatches = startTime.equals(Instant.EPOCH) || info.startInstant()
                .map(actual -> Duration.between(startTime, actual).abs().compareTo(START_TIME_SLACK) <= 0)
                .orElse(true);
        return commandMatches && startMatches;
    }

    /** Alive and not a zombie; ProcessHandle counts a zombie as alive, Linux's /proc tells them apart. */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            // "pid (command) state ...": the command may itself hold spaces and parentheses.
            int afterCommand = line.lastIndexOf(')');
            return afterCommand < 0 || line.length() < afterCommand + 3 || line.charAt(afterCommand + 2) != 'Z';
        } catch (IOException e) {
            // No /proc (macOS) or the process just went away: trust isAlive.
            return process.isAlive();
        }
    }
}
