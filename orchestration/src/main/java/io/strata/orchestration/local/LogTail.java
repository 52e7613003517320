package io.strata.orchestration.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for an error message: read from the end, so a 64 MiB log costs nothing. */
public final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    /** At most {@code lines} last lines of {@code log}, each indented; a note when it cannot be read. */
    public static String of(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            if (last.isEmpty() || last.size() == 1 && last.get(0).isEmpty()) {
                return "    (the log is empty)";
            }
            return "    " + String.join("\n    ", last);
        } catch (IOException e) {
            return "    (cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
