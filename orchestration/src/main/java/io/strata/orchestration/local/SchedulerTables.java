package io.strata.orchestration.local;

import java.util.List;

/**
 * Where one SQL dialect keeps the local scheduler's state and decisions: table names, the DDL
 * that creates them, the upsert of a state row, and whether instants are stored as UTC local
 * date-times (MariaDB's DATETIME(6), which no session time zone shifts) or as timestamptz.
 */
record SchedulerTables(String state, String decisions, String existsQuery, List<String> create, String upsertState,
        boolean utcDateTimes) {

    static SchedulerTables forDialect(String dialect) {
        return dialect.equals("postgresql") ? PostgresSchedulerTables.create() : MariaDbSchedulerTables.create();
    }
}
