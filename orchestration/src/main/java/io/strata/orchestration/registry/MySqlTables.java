package io.strata.orchestration.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The registry and run tables on MySQL/MariaDB, where a schema is a database: {@code strata_*}
 * tables in the connection's database, beside Strata's others. Times are UTC in
 * {@code DATETIME(6)}, which no session time zone shifts.
 */
final class MySqlTables implements PlatformTables {

    @Override
    public String schedules() {
        return "strata_schedules";
    }

    @Override
    public String runs() {
        return "strata_pipeline_runs";
    }

    @Override
    public String runTables() {
        return "strata_pipeline_run_tables";
    }

    @Override
    public boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Override
    public List<String> createSchedules() {
        return List.of("""
                CREATE TABLE IF NOT EXISTS strata_schedules (
                    name                      VARCHAR(253) NOT NULL PRIMARY KEY,
                    pipeline                  VARCHAR(255) NOT NULL,
                    manifest_path             VARCHAR(1024) NOT NULL,
                    manifest                  MEDIUMTEXT NOT NULL,
                    manifest_hash             VARCHAR(80) NOT NULL,
                    schedule                  VARCHAR(1024) NOT NULL,
                    time_zone                 VARCHAR(255),
                    concurrency_policy        VARCHAR(16) NOT NULL,
                    suspend                   BOOLEAN NOT NULL,
                    starting_deadline_seconds BIGINT,
                    backoff_limit             INT NOT NULL,
                    active_deadline_seconds   BIGINT,
                    created_at                DATETIME(6) NOT NULL,
                    updated_at                DATETIME(6) NOT NULL,
                    applied_by_commit         VARCHAR(255) NOT NULL
                ) CHARACTER SET utf8mb4
                  COMMENT 'The CronJobs Strata applied for the local scheduler; see docs/orchestration.md'""");
    }

    @Override
    public Object bind(Instant instant) {
        // Microseconds is what DATETIME(6) keeps; MySQL would round the rest, MariaDB truncate.
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
