package io.strata.orchestration.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where one SQL dialect keeps the tables the orchestration layer reads and writes in the platform
 * database: the schedule registry, which it owns, and the pipelines' run records, which it only
 * reads (their writer is the pipeline library; docs/pipelines.md describes them).
 */
public interface PlatformTables {

    /** The tables of {@code dialect}, as {@link io.strata.core.layer.Database#dialect()} names it. */
    static PlatformTables of(String dialect) {
        return switch (dialect) {
            case "postgresql" -> new PostgresTables();
            case "mysql" -> new MySqlTables();
            default -> throw new IllegalArgumentException("no schedule registry for dialect " + dialect);
        };
    }

    /** {@code strata.schedules} or {@code strata_schedules}. */
    String schedules();

    /** The run records: {@code strata.pipeline_runs} or {@code strata_pipeline_runs}. */
    String runs();

    /** The tables each run read and wrote: {@code strata.pipeline_run_tables} or {@code strata_pipeline_run_tables}. */
    String runTables();

    /** Whether {@code table} (one of the names above) exists. Reads the catalog only. */
    boolean exists(Connection c, String table) throws SQLException;

    /** Creates the registry table, and on PostgreSQL its schema, when missing. */
    List<String> createSchedules();

    /** An instant as this dialect's time columns take it. */
    Object bind(Instant instant);

    /** An instant from this dialect's time column; null for NULL. */
    Instant instant(ResultSet rs, String column) throws SQLException;
}
