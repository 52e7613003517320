package io.strata.storage.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server log, read back to explain a failure. Reads start at an offset taken before the
 * attempt, so a message from an earlier start is never mistaken for today's cause.
 */
record ServerLog(Path file) {

    private static final int MAX_TAIL_BYTES = 64 * 1024;

    /** The current end of the log: the offset to read from after the next attempt. */
    long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What was written since {@code mark}, at most the last 64 KiB of it. */
    String since(long mark) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(mark, in.length() - MAX_TAIL_BYTES);
            if (from >= in.length()) {
                return "";
            }
            byte[] bytes = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines written since {@code mark}, indented for quoting in an error message. */
    String quoteSince(long mark, int maxLines) {
        List<String> lines = Arrays.stream(since(mark).split("\\R")).filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return "    (the log " + file + " has no new lines)";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
        return "    " + String.join("\n    ", tail);
    }
}
