package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.loop.ApplyResult;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET_LOCK: per database, session-scoped, and a waiter is told since when and by whom it is held. */
class MySqlApplyLockTest {

    private static final Pattern HELD = Pattern.compile("held since (\\S+) by strata apply by alice@laptop pid 42"
            + " from root@127\\.0\\.0\\.1:\\d+, connection id (\\d+)\\); waited 300 ms, nothing was applied");

    @TempDir
    Path root;

    @Test
    void aWaitingApplyGivesUpAfterItsTimeoutSayingSinceWhenAndByWhom() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (ApplyLock held = new MySqlPlatformStore(db.database(), "alice@laptop pid 42").lock(Duration.ofSeconds(5))) {
                Instant after = Instant.now();
                String owner = admin("SELECT IS_USED_LOCK('strata.apply." + db.name() + "')");
                assertThatThrownBy(() -> h.apply(false, null, Duration.ofMillis(300)))
                        .isInstanceOf(StrataException.class)
                        .hasMessageStartingWith("another apply holds the lock of this environment (held since ")
                        .satisfies(e -> {
                            Matcher m = HELD.matcher(e.getMessage());
                            assertThat(m.find()).as(e.getMessage()).isTrue();
                            assertThat(Instant.parse(m.group(1))).isBetween(before, after);
                            assertThat(m.group(2)).isEqualTo(owner);
                        });
                assertThat(h.history()).isEmpty();
            }
            assertThat(admin("SELECT IS_USED_LOCK('strata.apply." + db.name() + "')")).isNull();
            assertThat(h.rows("SELECT COUNT(*) FROM " + MySqlApplyLock.HOLDER_TABLE)).containsExactly("0");
            assertThat(h.apply(false, null, Duration.ofSeconds(5)).status()).isEqualTo(ApplyResult.Status.APPLIED);
        }
    }

    @Test
    void aHolderRowLeftBehindNeitherBlocksNorIsBelieved() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness h = new Harness(root, db);
            h.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            h.apply();
            String ghost = "REPLACE INTO " + MySqlApplyLock.HOLDER_TABLE + " VALUES ('strata.apply." + db.name()
                    + "', 999999999, 'strata apply by ghost', '2020-01-01 00:00:00')";
            h.execute(ghost);
            h.migration("0002_u.sql", "CREATE TABLE u (id INT);\n");
            assertThat(h.apply(false, null, Duration.ofMillis(300)).status()).isEqualTo(ApplyResult.Status.APPLIED);

            h.execute(ghost);
            h.migration("0003_v.sql", "CREATE TABLE v (id INT);\n");
            // Someone else, not Strata, holds the lock: the ghost row must not be taken for them.
            try (Connection other = db.connect(); Statement s = other.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT GET_LOCK('strata.apply." + db.name() + "', 0), CONNECTION_ID()")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    String id = rs.getString(2);
                    assertThatThrownBy(() -> h.apply(false, null, Duration.ofMillis(300)))
                            .hasMessageContaining("(held by connection id " + id + " from root@127.0.0.1:")
                            .hasMessageContaining("which did not say since when")
                            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ghost").doesNotContain("2020-01-01")
                                    .doesNotContain("999999999"));
                }
            }
            assertThat(h.apply(false, null, Duration.ofSeconds(5)).status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(h.history()).hasSize(3);
        }
    }

    @Test
    void theLockOutlivesAShortIdleTimeoutOfTheServer() throws InterruptedException {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            // As on a server whose wait_timeout ends sessions idle for a second.
            MySqlPlatformStore store = new MySqlPlatformStore(db.withOptions("sessionVariables=wait_timeout=1"), "idle");
            try (ApplyLock held = store.lock(Duration.ofSeconds(5))) {
                Thread.sleep(3_000);
                assertThat(admin("SELECT IS_USED_LOCK('strata.apply." + db.name() + "') IS NOT NULL")).isEqualTo("1");
            }
        }
    }

    @Test
    void appliesOnTwoDatabasesOfOneServerDoNotWaitForEachOther() {
        try (MariaDbTestDatabase a = MariaDbTestDatabase.create(); MariaDbTestDatabase b = MariaDbTestDatabase.create()) {
            Harness onB = new Harness(root, b);
            onB.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            try (ApplyLock lockA = new MySqlPlatformStore(a.database(), "a").lock(Duration.ofSeconds(5))) {
                assertThat(onB.apply(false, null, Duration.ofMillis(300)).status()).isEqualTo(ApplyResult.Status.APPLIED);
                assertThatThrownBy(() -> new MySqlPlatformStore(a.database(), "again").lock(Duration.ofMillis(300)))
                        .hasMessageContaining("by strata apply by a from");
            }
        }
    }

    @Test
    void aDatabaseNameTooLongForALockNameIsHashedConsistently() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.createWithNameLength(64)) {
            String name = MySqlLockName.of(db.name());
            assertThat(name).startsWith("strata.apply.sha256:").hasSize(64);
            try (ApplyLock held = new MySqlPlatformStore(db.database(), "long").lock(Duration.ofSeconds(5))) {
                assertThat(admin("SELECT IS_USED_LOCK('" + name + "') IS NOT NULL")).isEqualTo("1");
                assertThatThrownBy(() -> new MySqlPlatformStore(db.database(), "second").lock(Duration.ofMillis(300)))
                        .hasMessageContaining("held since ").hasMessageContaining(" by strata apply by long from");
            }
        }
    }

    @Test
    void killingTheProcessThatHoldsTheLockReleasesIt() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HoldApplyLockMain.class.getName(),
                    db.withOptions("").displayUrl())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("locked");
                String childConnection = admin("SELECT IS_USED_LOCK('strata.apply." + db.name() + "')");
                assertThatThrownBy(() -> new MySqlPlatformStore(db.database(), "parent").lock(Duration.ofMillis(300)))
                        .hasMessageContaining(" by strata apply by child pid " + child.pid() + " from ");

                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                try (ApplyLock lock = new MySqlPlatformStore(db.database(), "parent").lock(Duration.ofSeconds(60))) {
                    assertThat(admin("SELECT IS_USED_LOCK('strata.apply." + db.name() + "')"))
                            .isNotNull().isNotEqualTo(childConnection);
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static String admin(String sql) {
        return MariaDbTestDatabase.adminRows(sql).get(0);
    }
}
