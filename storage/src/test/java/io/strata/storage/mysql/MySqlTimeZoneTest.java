package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.Database;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times are written and read as UTC, whatever the time zones of the sessions that write and read them. */
class MySqlTimeZoneTest {

    private static final String TOKYO = "connectionTimeZone=+09:00&forceConnectionTimeZoneToSession=true";
    private static final String LOS_ANGELES = "connectionTimeZone=-07:00&forceConnectionTimeZoneToSession=true";

    @TempDir
    Path root;

    @Test
    void anInstantWrittenInOneTimeZoneIsReadBackExactlyInAnother() throws SQLException {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Database tokyo = db.withOptions(TOKYO);
            Database losAngeles = db.withOptions(LOS_ANGELES);
            assertThat(sessionZone(tokyo)).isEqualTo("+09:00");
            assertThat(sessionZone(losAngeles)).isEqualTo("-07:00");
            // 01:30 UTC on the night Europe moves its clocks: no local-time gap may shift it.
            Instant at = Instant.parse("2026-03-29T01:30:00.123456Z");
            MySqlDialect dialect = new MySqlDialect();
            try (Connection c = tokyo.connect()) {
                dialect.createHistory(c);
                dialect.insertHistory(c, new AppliedMigration(1, "a", "migrations/0001_a.sql", "00", false, true, at,
                        "me", "none", 5, null));
            }
            try (Connection c = losAngeles.connect()) {
                MigrationHistory history = dialect.readHistory(c);
                assertThat(history.applied()).singleElement().satisfies(a -> assertThat(a.appliedAt()).isEqualTo(at));
            }
            assertThat(MariaDbTestDatabase.adminRows("SELECT CAST(applied_at AS CHAR) FROM `" + db.name()
                    + "`.strata_migrations")).containsExactly("2026-03-29 01:30:00.123456");
        }
    }

    @Test
    void neitherTheWritingNorTheReadingJvmsTimeZoneShiftsATime() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            String at = "2026-10-25T00:59:59.999999Z";
            run("Asia/Tokyo", "write", db.withOptions(TOKYO).displayUrl(), at);
            assertThat(MariaDbTestDatabase.adminRows("SELECT CAST(applied_at AS CHAR) FROM `" + db.name()
                    + "`.strata_migrations")).containsExactly("2026-10-25 00:59:59.999999");
            assertThat(run("America/Los_Angeles", "read", db.withOptions(LOS_ANGELES).displayUrl()))
                    .isEqualTo(at + " " + at);
        }
    }

    private static String run(String jvmTimeZone, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=" + jvmTimeZone, "-cp", System.getProperty("java.class.path"),
                TimeZoneMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("exit code of %s", command).isZero();
        return out;
    }

    @Test
    void anApplyInTokyoIsJournalledAndRecordedInUtc() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            Harness inTokyo = new Harness(root, db.withOptions(TOKYO), Harness.Kind.MYSQL);
            inTokyo.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            inTokyo.apply();
            Instant after = Instant.now();

            Harness inLosAngeles = new Harness(root, db.withOptions(LOS_ANGELES), Harness.Kind.MYSQL);
            List<JournalEntry> journal = inLosAngeles.loop().journal(1);
            assertThat(journal).singleElement().satisfies(e -> {
                assertThat(e.startedAt()).isBetween(before, after);
                assertThat(e.finishedAt()).isBetween(e.startedAt(), after);
            });
            assertThat(inLosAngeles.loop().observe(java.util.Set.of())).singleElement()
                    .satisfies(s -> assertThat(s.details()).singleElement().asString()
                            .startsWith("latest applied: migrations/0001_t.sql on " + before.toString().substring(0, 10)));
            try (Connection c = db.withOptions(LOS_ANGELES).connect()) {
                Instant applied = new MySqlDialect().readHistory(c).applied().get(0).appliedAt();
                assertThat(applied).isBetween(before, after);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String sessionZone(Database database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@session.time_zone")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
