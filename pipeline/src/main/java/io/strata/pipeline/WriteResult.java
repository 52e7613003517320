package io.strata.pipeline;

import java.time.Duration;

/** What a sink did: the table, how ({@code replace}, {@code append}, {@code merge}), the rows, the time. */
public record WriteResult(String table, String mode, long rows, Duration duration) {

    public double rowsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds == 0 ? 0 : rows / seconds;
    }
}
