package io.strata.pipeline.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Run records on MariaDB/MySQL, where a schema is a database: {@code strata_pipeline_runs} and
 * {@code strata_pipeline_run_tables} in the connection's database. Times are UTC in DATETIME(6),
 * which, unlike TIMESTAMP, no session time zone shifts.
 */
final class MariaDbRunTables {

    private MariaDbRunTables() {}

    static RunTables create() {
        return new RunTables("strata_pipeline_runs", "strata_pipeline_run_tables",
                "SELECT COUNT(*) = 2 FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name IN ('strata_pipeline_runs', 'strata_pipeline_run_tables')",
                List.of("""
                        CREATE TABLE IF NOT EXISTS strata_pipeline_runs (
                            run_id       VARCHAR(64) NOT NULL PRIMARY KEY,
                            pipeline     VARCHAR(255) NOT NULL,
                            image        VARCHAR(1024),
                            triggered_by VARCHAR(16) NOT NULL,
                            status       VARCHAR(16) NOT NULL,
                            started_at   DATETIME(6) NOT NULL,
                            ended_at     DATETIME(6),
                            rows_read    BIGINT NOT NULL DEFAULT 0,
                            rows_written BIGINT NOT NULL DEFAULT 0,
                            error        TEXT,
                            host         VARCHAR(255),
                            pid          BIGINT,
                            INDEX pipeline_runs_by_pipeline (pipeline, started_at)
                        ) CHARACTER SET utf8mb4 COMMENT 'One row per pipeline run; see docs/pipelines.md'""",
                        """
                        CREATE TABLE IF NOT EXISTS strata_pipeline_run_tables (
                            run_id     VARCHAR(64) NOT NULL,
                            direction  VARCHAR(5) NOT NULL,
                            table_name VARCHAR(255) NOT NULL,
                            row_count  BIGINT NOT NULL,
                            PRIMARY KEY (run_id, direction, table_name),
                            FOREIGN KEY (run_id) REFERENCES strata_pipeline_runs (run_id) ON DELETE CASCADE
                        ) CHARACTER SET utf8mb4
                          COMMENT 'Tables each pipeline run read and wrote: the observed lineage'"""),
                new RunTables.InstantColumn() {
                    @Override
                    public Object bind(Instant instant) {
                        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                    }

                    @Override
                    public Instant read(ResultSet rs, String column) throws SQLException {
                        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
                        return t == null ? null : t.toInstant(ZoneOffset.UTC);
                    }
                });
    }
}
