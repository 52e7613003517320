package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.loop.ApplyResult;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
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

class MySqlConcurrencyTest {

    @TempDir
    Path root;

    @Test
    void tenConcurrentAppliesApplyEveryMigrationExactlyOnce() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            for (int i = 1; i <= 20; i++) {
                // Not idempotent on purpose: a second run of any file would fail.
                h.migration(String.format("%04d_t%d.sql", i, i), "CREATE TABLE t" + i + " (id INT);\nDO SLEEP(0.01);\n");
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
            assertThat(h.rows("SELECT outcome FROM strata_journal WHERE outcome = 'succeeded'")).hasSize(1);
            assertThat(h.rows("SELECT outcome FROM strata_journal")).hasSize(10);
        }
    }
}
