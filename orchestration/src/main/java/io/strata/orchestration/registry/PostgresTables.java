package io.strata.orchestration.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The registry and run tables on PostgreSQL: in schema {@code strata}, times as {@code timestamptz}. */
final class PostgresTables implements PlatformTables {

    @Override
    public String schedules() {
        return "strata.schedules";
    }

    @Override
    public String runs() {
        return "strata.pipeline_runs";
    }

    @Override
    public String runTables() {
        return "strata.pipeline_run_tables";
    }

    @Override
    public boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public List<String> createSchedules() {
        return List.of("CREATE SCHEMA IF NOT EXISTS strata",
                """
                CREATE TABLE IF NOT EXISTS strata.schedules (
                    name                      text PRIMARY KEY,
                    pipeline                  text NOT NULL,
                    manifest_path             text NOT NULL,
                    manifest                  text NOT NULL,
                    manifest_hash             text NOT NULL,
                    schedule                  text NOT NULL,
                    time_zone                 text,
                    concurrency_policy        text NOT NULL,
                    suspend                   boolean NOT NULL,
                    starting_deadline_seconds bigint,
                    backoff_limit             integer NOT NULL,
                    active_deadline_seconds   bigint,
                    created_at                timestamptz NOT NULL,
                    updated_at                timestamptz NOT NULL,
                    applied_by_commit         text NOT NULL
                )""",
                "COMMENT ON TABLE strata.schedules IS 'The CronJobs Strata applied for the local scheduler;"
                        + " see docs/orchestration.md'");
    }

    @Override
    public Object bind(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
