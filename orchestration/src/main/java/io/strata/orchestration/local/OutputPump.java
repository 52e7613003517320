package io.strata.orchestration.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Copies a child's output (stdout and stderr, merged) to its log file, at most {@code cap} bytes
 * of it, and in full to an optional echo such as the terminal. Past the cap the log gets one line
 * saying so and the rest is read and dropped: the child must never block on a full pipe, whatever
 * it prints. Runs on its own thread until the pipe closes.
 */
final class OutputPump implements Runnable {

    private final InputStream input;
    private final OutputStream log;
    private final long cap;
    private Writer echo;
    private long logged;
    private volatile boolean truncated;

    OutputPump(InputStream input, OutputStream log, long cap, Writer echo) {
        this.input = input;
        this.log = log;
        this.cap = cap;
        this.echo = echo;
    }

    @Override
    public void run() {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8); OutputStream out = log) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                toEcho(buffer, n);
                toLog(new String(buffer, 0, n).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The pipe broke (the child was killed) or the log's disk is full: nothing left to copy.
        }
    }

    boolean truncated() {
        return truncated;
    }

    private void toLog(byte[] bytes) throws IOException {
        if (truncated) {
            return;
        }
        long room = cap - logged;
        if (bytes.length <= room) {
            log.write(bytes);
            logged += bytes.length;
            log.flush();
            return;
        }
        log.write(bytes, 0, (int) room);
        logged = cap;
        truncated = true;
        log.write(String.format(Locale.ROOT, "%n[strata] the log of this run is capped at %,d bytes: the rest of its"
                + " output was discarded%n", cap).getBytes(StandardCharsets.UTF_8));
        log.flush();
    }

    private void toEcho(char[] buffer, int n) {
        if (echo == null) {
            return;
        }
        try {
            echo.write(buffer, 0, n);
            echo.flush();
        } catch (IOException e) {
            echo = null; // The terminal went away; the log goes on.
        }
    }
}
