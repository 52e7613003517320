package io.strata.storage.mysql;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.JdbcDatabase;
import io.strata.storage.migration.AppliedMigration;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Writes or reads Strata's times in a JVM of another default time zone (the test starts it with
 * {@code -Duser.timezone}): {@code write URL INSTANT} or {@code read URL}, which prints the history's
 * and the journal's first time on one line.
 */
public final class TimeZoneMain {

    private TimeZoneMain() {}

    public static void main(String[] args) throws Exception {
        JdbcDatabase database = new JdbcDatabase(args[1], args[1], null, null);
        MySqlDialect dialect = new MySqlDialect();
        MySqlPlatformStore store = new MySqlPlatformStore(database, "tz");
        if (args[0].equals("write")) {
            Instant at = Instant.parse(args[2]);
            try (Connection c = database.connect()) {
                dialect.createHistory(c);
                dialect.insertHistory(c, new AppliedMigration(1, "a", "migrations/0001_a.sql", "00", false, true, at,
                        "me", "none", 5, null));
            }
            store.record(new JournalEntry("apply", "dev", at, at, "me", "none", null, List.of(),
                    JournalEntry.Outcome.SUCCEEDED, null));
        } else {
            try (Connection c = database.connect()) {
                System.out.println(dialect.readHistory(c).applied().get(0).appliedAt() + " "
                        + store.recent(1).get(0).startedAt());
            }
        }
    }
}
