package io.strata.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.pipeline.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of a pipeline in the middle of a replace: the table keeps its old rows, a reader polling
 * it all along never sees anything but the old rows or (after the next run) the new ones, and the
 * next run succeeds.
 */
class KilledLoadTest {

    static final int OLD_ROWS = 1_000;
    static final int NEW_ROWS = 50_000;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKilledReplaceLeavesTheOldTableReadableAndTheNextRunSucceeds(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.of(kind)) {
            boolean postgres = kind == TestDatabase.Kind.POSTGRES;
            String table = postgres ? "marts.items" : db.schema() + ".items";
            if (postgres) {
                db.execute("CREATE SCHEMA marts");
            }
            db.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                            + " revenue DECIMAL(12, 2), created_at TIMESTAMP NULL)",
                    "INSERT INTO " + table + " (id, name) SELECT n, CONCAT('old ', n) FROM " + series(postgres, OLD_ROWS));
            String before = fingerprint(db, table);

            try (Reader reader = new Reader(db, table)) {
                long killedPid;
                try (ChildJvm load = ChildJvm.start(db, List.of(), "generate", table, "2000000", "300000")) {
                    waitFor(() -> rowsInFlight(db, table, postgres) >= 200_000 || !load.isAlive(),
                            "the load to get going");
                    assertThat(load.isAlive()).as("the load is under way:\n%s", load.output()).isTrue();
                    long polls = reader.polls();
                    // Readable throughout: the reader keeps getting answers while the load stands
                    // half done (it is stalled until killed, so no timing is involved).
                    waitFor(() -> reader.polls() >= polls + 20, "the reader to read during the load");
                    killedPid = load.pid();
                    load.kill();
                }
                waitFor(() -> loadSessions(db, postgres, reader) == 0,
                        "the server to drop the killed load's session");

                assertThat(fingerprint(db, table)).isEqualTo(before);
                RunRecord killed = RunStore.on(db.database()).latest("load-test", 1).get(0);
                assertThat(killed.status()).isEqualTo(RunStatus.RUNNING);
                assertThat(killed.pid()).isEqualTo(killedPid);

                try (ChildJvm next = ChildJvm.start(db, List.of(), "generate", table, String.valueOf(NEW_ROWS), "-1")) {
                    assertThat(next.waitFor(5)).as(next.output()).isEqualTo(Pipeline.SUCCEEDED);
                }
                waitFor(() -> reader.seen().contains((long) NEW_ROWS), "the reader to see the new rows");
                assertThat(reader.problems()).isEmpty();
                assertThat(reader.seen()).containsOnly((long) OLD_ROWS, (long) NEW_ROWS);
            }
            assertThat(db.count(table)).isEqualTo(NEW_ROWS);
            assertThat(RunStore.on(db.database()).latest("load-test", 1).get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(db.column(postgres ? "SELECT relname FROM pg_class WHERE relname LIKE '%strata_%'"
                    : "SHOW TABLES LIKE '%strata_new%'")).isEmpty();
        }
    }

    private static String series(boolean postgres, int n) {
        return postgres ? "generate_series(1, " + n + ") AS n"
                : "(SELECT seq AS n FROM seq_1_to_" + n + ") AS s";
    }

    /**
     * Rows the load has handed to the server so far, uncommitted. On MariaDB they are counted in
     * the staging table from a READ UNCOMMITTED session, not taken from
     * information_schema.innodb_trx: InnoDB fills that table from a cache it refreshes only when
     * the cache has not been read for 0.1 s, so polling it more often than that (as waitFor does)
     * keeps returning the first snapshot, taken before the load had begun.
     */
    private static long rowsInFlight(TestDatabase db, String table, boolean postgres) {
        if (postgres) {
            return Long.parseLong(db.column("SELECT coalesce(sum(tuples_processed), 0) FROM pg_stat_progress_copy"
                    + " WHERE datname = current_database()").get(0));
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + "__strata_new")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            if ("42S02".equals(e.getSQLState())) {
                return 0; // the load has not created its staging table yet
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The killed load's sessions still on the server. On MariaDB: the sessions in this test's
     * database but the reader's and this query's own, from the processlist, which (unlike
     * innodb_trx, see above) is read live. A session leaves it after the server has rolled back
     * its transaction.
     */
    private static long loadSessions(TestDatabase db, boolean postgres, Reader reader) {
        return Long.parseLong(db.column(postgres
                ? "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'strata:load-test'"
                        + " AND datname = current_database()"
                : "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE()"
                        + " AND id <> CONNECTION_ID() AND id <> " + reader.connectionId()).get(0));
    }

    private static String fingerprint(TestDatabase db, String table) {
        return db.column("SELECT CONCAT(count(*), '/', sum(id), '/', min(name), '/', max(name)) FROM " + table).get(0);
    }

    /** Polls until the condition holds; the only limit is a generous one against a hung test. */
    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Counts the table's rows over and over on its own connection, noting every answer and error. */
    static final class Reader implements AutoCloseable {
        private final Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        private final AtomicLong polls = new AtomicLong();
        private final CompletableFuture<Long> connectionId = new CompletableFuture<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Reader(TestDatabase db, String table) {
            thread = new Thread(() -> {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    if (db.kind() == TestDatabase.Kind.MARIADB) {
                        try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                            rs.next();
                            connectionId.complete(rs.getLong(1));
                        }
                    } else {
                        connectionId.complete(-1L);
                    }
                    while (!stop.get()) {
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                            rs.next();
                            long n = rs.getLong(1);
                            seen.add(n);
                            if (n != OLD_ROWS && n != NEW_ROWS) {
                                problems.add("saw " + n + " rows");
                            }
                        } catch (SQLException e) {
                            problems.add(e.getMessage());
                        }
                        polls.incrementAndGet();
                    }
                } catch (SQLException e) {
                    problems.add("reader could not connect: " + e.getMessage());
                    connectionId.completeExceptionally(e);
                }
            }, "test-reader");
            thread.start();
        }

        /** The reader's server session (MariaDB's CONNECTION_ID()). */
        long connectionId() {
            return connectionId.join();
        }

        long polls() {
            return polls.get();
        }

        Set<Long> seen() {
            return seen;
        }

        List<String> problems() {
            return List.copyOf(problems);
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }
}
