package io.strata.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.migration.MigrationEntry.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folder and the history table side by side, one entry per version, and MigrationDiff's words for them. */
class MigrationEntryTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static Migration file(long version, String name, String sql) {
        return new Migration(version, name, String.format("migrations/%04d_%s.sql", version, name), sql,
                Checksum.of(sql.getBytes(StandardCharsets.UTF_8)));
    }

    private static AppliedMigration row(Migration m, boolean success) {
        return new AppliedMigration(m.version(), m.name(), m.file(), m.checksum(), true, success, AT, "ci",
                "0123456789abcdef", 35, success ? null : "relation exists");
    }

    private static MigrationSet files(Migration... migrations) {
        return new MigrationSet("migrations", List.of(migrations), List.of());
    }

    @Test
    void namesEveryVersionOfTheFolderAndTheHistoryInOrder() {
        Migration one = file(1, "schemas", "CREATE SCHEMA raw;");
        Migration two = file(2, "customers", "CREATE TABLE raw.customers (id int);");
        Migration three = file(3, "orders", "CREATE TABLE raw.orders (id int);");
        Migration gone = file(4, "gone", "SELECT 1;");
        Migration five = file(5, "failed", "CREATE TABLE raw.x (id int);");
        Migration six = file(6, "next", "CREATE TABLE raw.y (id int);");
        Migration editedNow = file(2, "customers", "CREATE TABLE raw.customers (id bigint);");

        List<MigrationEntry> entries = MigrationEntry.of(files(one, editedNow, three, five, six),
                new MigrationHistory(List.of(row(one, true), row(two, true), row(gone, true), row(five, false)), true));

        assertThat(entries).extracting(MigrationEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(entries).extracting(MigrationEntry::status).containsExactly(Status.APPLIED, Status.EDITED,
                Status.OUT_OF_ORDER, Status.FILE_GONE, Status.FAILED, Status.PENDING);
        assertThat(entries.get(3).path()).isEqualTo("migrations/0004_gone.sql");
        assertThat(entries.get(3).file()).isNull();
        assertThat(entries.get(5).applied()).isNull();
        assertThat(entries).filteredOn(e -> e.status().problem()).hasSize(4);
    }

    @Test
    void theDiffRefusesExactlyTheProblemEntriesAndPlansThePendingOnes() {
        Migration one = file(1, "schemas", "CREATE SCHEMA raw;");
        Migration two = file(2, "customers", "CREATE TABLE raw.customers (id int);");
        Migration edited = file(1, "schemas", "CREATE SCHEMA raw; -- edited");

        MigrationDiff clean = MigrationDiff.compare(files(one, two), new MigrationHistory(List.of(row(one, true)), true));
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.pending()).containsExactly(two);

        MigrationDiff drifted = MigrationDiff.compare(files(edited, two),
                new MigrationHistory(List.of(row(one, true)), true));
        assertThat(drifted.problems()).singleElement().asString()
                .startsWith("migrations/0001_schemas.sql was edited after it was applied on 2026-01-02T03:04:05Z"
                        + " (checksum recorded " + Checksum.abbreviate(one.checksum()) + ", file now "
                        + Checksum.abbreviate(edited.checksum()) + ")");
        assertThat(drifted.pending()).containsExactly(two);
    }

    @Test
    void aRenamedFileWithTheSameContentIsAppliedAndWarnedAbout() {
        Migration before = file(1, "schemas", "CREATE SCHEMA raw;");
        Migration after = new Migration(1, "create_schemas", "migrations/0001_create_schemas.sql", before.sql(),
                before.checksum());

        MigrationEntry entry = MigrationEntry.of(files(after), new MigrationHistory(List.of(row(before, true)), true))
                .get(0);
        assertThat(entry.status()).isEqualTo(Status.APPLIED);
        assertThat(entry.renamed()).isTrue();
        assertThat(MigrationDiff.compare(files(after), new MigrationHistory(List.of(row(before, true)), true))
                .warnings()).containsExactly("migrations/0001_schemas.sql (version 1) was renamed to"
                        + " migrations/0001_create_schemas.sql; its content is unchanged");
    }
}
