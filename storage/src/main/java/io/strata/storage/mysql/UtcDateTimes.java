package io.strata.storage.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code DATETIME(6)} columns, always as UTC wall-clock time. Not {@code TIMESTAMP}:
 * that converts through the session's time zone and ends in 2038. A {@code LocalDateTime} passes
 * through the driver unconverted, so neither the server's, the session's nor the JVM's time zone
 * can shift a value between writing and reading.
 */
final class UtcDateTimes {

    private UtcDateTimes() {}

    static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
        // Microseconds is what DATETIME(6) keeps; MySQL would round the rest, MariaDB truncate.
        ps.setObject(index, LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    static Instant get(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
