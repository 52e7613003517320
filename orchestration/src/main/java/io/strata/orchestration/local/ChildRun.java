package io.strata.orchestration.local;

import io.strata.core.error.StrataException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child process started from a {@link JvmCommand}: its output pumped to a capped log file
 * (and optionally echoed), waited for with a deadline, and killed with its whole process tree.
 */
public final class ChildRun {

    /** The default cap of a run's log file: 64 MiB. */
    public static final long DEFAULT_LOG_CAP = 64L * 1024 * 1024;

    /** How long output still in the pipe may take to reach the log once the child has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Process process;
    private final OutputPump pump;
    private final Thread pumpThread;
    private final Path log;

    private ChildRun(Process process, OutputPump pump, Thread pumpThread, Path log) {
        this.process = process;
        this.pump = pump;
        this.pumpThread = pumpThread;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workingDirectory}; its stdout and stderr go, merged, to
     * {@code log} (at most {@code logCap} bytes) and in full to {@code echo} when it is not null.
     */
    public static ChildRun start(JvmCommand command, Path workingDirectory, Path log, long logCap, Writer echo) {
        OutputStream logFile = null;
        Process process;
        try {
            Files.createDirectories(log.getParent());
            logFile = new BufferedOutputStream(Files.newOutputStream(log), 64 * 1024);
            process = command.processBuilder(workingDirectory).redirectErrorStream(true).start();
        } catch (IOException e) {
            closeQuietly(logFile); // No pump will ever close it.
            throw new StrataException("cannot start `" + String.join(" ", command.arguments()) + "`: " + e.getMessage(),
                    "check that the jar exists and that " + command.java() + " runs");
        }
        try {
            process.getOutputStream().close(); // A pipeline reads no input; EOF rather than a hang.
        } catch (IOException e) {
            // Nothing was written to it, so there is nothing to lose.
        }
        OutputPump pump = new OutputPump(process.getInputStream(), logFile, logCap, echo);
        Thread thread = new Thread(pump, "output of pid " + process.pid());
        thread.setDaemon(true);
        thread.start();
        return new ChildRun(process, pump, thread, log);
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // Nothing was written to it.
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits up to {@code timeout} for the process to exit, or without limit when it is null; true when it has. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            process.waitFor();
            return true;
        }
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The exit code, once the process has exited and its output has reached the log (waiting for
     * that at most a few seconds: a grandchild that inherited the pipe may hold it open).
     *
     * @throws IllegalStateException while the process runs
     */
    public int exitCode() {
        int code = process.exitValue();
        try {
            pumpThread.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    /** Whether the log was cut at its cap. */
    public boolean logTruncated() {
        return pump.truncated();
    }

    /**
     * Ends the process and every descendant: SIGTERM to all of them (a JVM runs its shutdown
     * hooks), then after {@code grace} SIGKILL to those still alive. Descendants are collected
     * before the first signal, as a dead parent's children are re-parented and no longer found
     * through it. Returns once they are all gone.
     */
    public void kill(Duration grace) {
        killTree(process.toHandle(), grace);
    }

    /** {@link #kill(Duration)} for any process, such as a run a previous scheduler started. */
    public static void killTree(ProcessHandle root, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitAll(tree, grace)) {
            root.descendants().forEach(tree::add);
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitAll(tree, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitAll(Set<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        }
    }
}
