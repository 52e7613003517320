package io.strata.pipeline.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Run records on PostgreSQL: {@code strata.pipeline_runs} and {@code strata.pipeline_run_tables}. */
final class PostgresRunTables {

    private PostgresRunTables() {}

    static RunTables create() {
        return new RunTables("strata.pipeline_runs", "strata.pipeline_run_tables",
                "SELECT to_regclass('strata.pipeline_run_tables') IS NOT NULL",
                List.of("SELECT pg_advisory_xact_lock(hashtext('strata.pipeline_runs'))",
                        "CREATE SCHEMA IF NOT EXISTS strata",
                        """
                        CREATE TABLE IF NOT EXISTS strata.pipeline_runs (
                            run_id       text PRIMARY KEY,
                            pipeline     text NOT NULL,
                            image        text,
                            triggered_by text NOT NULL,
                            status       text NOT NULL,
                            started_at   timestamptz NOT NULL,
                            ended_at     timestamptz,
                            rows_read    bigint NOT NULL DEFAULT 0,
                            rows_written bigint NOT NULL DEFAULT 0,
                            error        text,
                            host         text,
                            pid          bigint
                        )""",
                        "CREATE INDEX IF NOT EXISTS pipeline_runs_by_pipeline"
                                + " ON strata.pipeline_runs (pipeline, started_at)",
                        """
                        CREATE TABLE IF NOT EXISTS strata.pipeline_run_tables (
                            run_id     text NOT NULL REFERENCES strata.pipeline_runs (run_id) ON DELETE CASCADE,
                            direction  text NOT NULL,
                            table_name text NOT NULL,
                            row_count  bigint NOT NULL,
                            PRIMARY KEY (run_id, direction, table_name)
                        )""",
                        "COMMENT ON TABLE strata.pipeline_runs IS 'One row per pipeline run; see docs/pipelines.md'",
                        "COMMENT ON TABLE strata.pipeline_run_tables IS"
                                + " 'Tables each pipeline run read and wrote, with rows: the observed lineage'"),
                new RunTables.InstantColumn() {
                    @Override
                    public Object bind(Instant instant) {
                        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
                    }

                    @Override
                    public Instant read(ResultSet rs, String column) throws SQLException {
                        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                        return t == null ? null : t.toInstant();
                    }
                });
    }
}
