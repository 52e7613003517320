package io.strata.orchestration.local;

import java.util.List;

/**
 * Where one SQL dialect keeps the local scheduler's state and decisions: table names, the DDL
 * that creates them and the upsert of a state row. Their time columns are written and read as
 * {@link io.strata.orchestration.registry.PlatformTables} writes and reads the registry's.
 */
record SchedulerTables(String state, String decisions, String existsQuery, List<String> create, String upsertState) {

    static SchedulerTables forDialect(String dialect) {
        return dialect.equals("postgresql") ? PostgresSchedulerTables.create() : MariaDbSchedulerTables.create();
    }
}
