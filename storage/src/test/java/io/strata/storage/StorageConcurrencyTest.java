package io.strata.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyResult;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StorageConcurrencyTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Servers.class)
    void tenConcurrentAppliesApplyEveryMigrationExactlyOnce(Servers server) throws Exception {
        try (TestDatabase db = server.newDatabase()) {
            tenConcurrentApplies(new Harness(root, db), "SELECT pg_sleep(0.01)", "strata.journal");
        }
    }

    @Test
    void tenConcurrentAppliesApplyEveryMigrationExactlyOnceOnMariaDb() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            tenConcurrentApplies(new Harness(root, db), "DO SLEEP(0.01)", "strata_journal");
        }
    }

    /** Ten applies of 20 migrations that would fail if run twice: one applies, nine find nothing to do. */
    private static void tenConcurrentApplies(Harness h, String sleep, String journal) throws Exception {
        for (int i = 1; i <= 20; i++) {
            // Not idempotent on purpose: a second run of any file would fail.
            h.migration(String.format("%04d_t%d.sql", i, i), "CREATE TABLE t" + i + " (id int);\n" + sleep + ";\n");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<ApplyResult>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return h.apply(false, null, Duration.ofSeconds(120));
            }));
        }
        start.countDown();
        int applied = 0;
        int noChanges = 0;
        for (Future<ApplyResult> result : results) {
            switch (result.get().status()) {
                case APPLIED -> applied++;
                case NO_CHANGES -> noChanges++;
                default -> throw new AssertionError(result.get());
            }
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(1);
        assertThat(noChanges).isEqualTo(9);
        assertThat(h.history()).hasSize(20).allMatch(r -> r.endsWith(":true"));
        assertThat(h.rows("SELECT outcome FROM " + journal + " WHERE outcome = 'succeeded'")).hasSize(1);
        assertThat(h.rows("SELECT outcome FROM " + journal)).hasSize(10);
    }

    @Test
    void aWaitingApplyGivesUpAfterItsTimeoutSayingWhoHoldsTheLock() throws Exception {
        try (TestDatabase db = TestDatabase.onServer()) {
            Harness h = new Harness(root, db);
            h.migration("0001_slow.sql", "SELECT pg_sleep(3);\n");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<ApplyResult> first = pool.submit(() -> h.apply());
            waitUntilLockHeld(h);
            long started = System.nanoTime();
            try {
                h.apply(false, null, Duration.ofMillis(500));
                throw new AssertionError("the second apply should have timed out");
            } catch (StrataException e) {
                assertThat(e.getMessage()).contains("another apply holds the lock of this environment (held since ")
                        .contains(" by strata apply by test").contains("waited 500 ms, nothing was applied");
            }
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(450L);
            assertThat(first.get().status()).isEqualTo(ApplyResult.Status.APPLIED);
            pool.shutdown();
        }
    }

    static void waitUntilLockHeld(Harness h) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!h.rows("SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted").isEmpty()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the lock was never taken");
    }
}
