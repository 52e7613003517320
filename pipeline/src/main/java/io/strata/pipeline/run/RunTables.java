package io.strata.pipeline.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where one dialect keeps run records: the two table names, the DDL creating them, and how an
 * instant is bound and read (PostgreSQL: timestamptz; MariaDB: DATETIME(6) in UTC).
 */
record RunTables(String runs, String tables, String existsQuery, List<String> create, InstantColumn instants) {

    interface InstantColumn {
        Object bind(Instant instant);

        Instant read(ResultSet rs, String column) throws SQLException;
    }
}
