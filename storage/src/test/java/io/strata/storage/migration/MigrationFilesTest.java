package io.strata.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.layer.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How existing migration folders are read as they are. */
class MigrationFilesTest {

    @TempDir
    Path root;

    private MigrationSet read() {
        return MigrationFiles.read(new Workspace(root, "none"));
    }

    private void file(String name, String sql) throws Exception {
        Files.createDirectories(root.resolve("migrations"));
        Files.writeString(root.resolve("migrations").resolve(name), sql);
    }

    @Test
    void versionsAreTheLeadingNumberInAnyStyle() throws Exception {
        file("20240101120000_create_users.sql", "CREATE TABLE users (id int);");
        file("000012_add_email.up.sql", "ALTER TABLE users ADD email text;");
        file("000012_add_email.down.sql", "ALTER TABLE users DROP email;");
        file("3_plain.sql", "SELECT 1;");
        file("README.md", "# not a migration");
        MigrationSet set = read();
        assertThat(set.migrations()).extracting(Migration::version).containsExactly(3L, 12L, 20240101120000L);
        assertThat(set.migrations()).extracting(Migration::name).containsExactly("plain", "add_email", "create_users");
        assertThat(set.warnings()).singleElement().asString()
                .contains("migrations/000012_add_email.down.sql is ignored: Strata applies forward only");
    }

    @Test
    void aByteOrderMarkIsNotSqlButIsChecksummed() throws Exception {
        Files.createDirectories(root.resolve("migrations"));
        byte[] bytes = "\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("migrations/0001_bom.sql"), bytes);
        Migration m = read().migrations().get(0);
        assertThat(m.sql()).isEqualTo("SELECT 1;");
        assertThat(m.checksum()).isEqualTo(Checksum.of(bytes));
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        Files.createDirectories(root.resolve("migrations"));
        Files.write(root.resolve("migrations/0001_latin1.sql"), new byte[] {'S', 'E', (byte) 0xE9, ';'});
        assertThatThrownBy(this::read).hasMessage("migrations/0001_latin1.sql is not valid UTF-8");
    }

    @Test
    void noFolderIsAWarningNotAnError() {
        assertThat(read().warnings()).singleElement().asString().startsWith("no migrations/ folder");
    }

    @Test
    void theNextVersionKeepsTheFolderStyle() throws Exception {
        Instant now = Instant.parse("2026-11-26T01:02:03Z");
        assertThat(MigrationFiles.nextVersion(read(), now)).isEqualTo("0001");
        file("0009_a.sql", "");
        assertThat(MigrationFiles.nextVersion(read(), now)).isEqualTo("0010");
        file("9999_b.sql", "");
        assertThat(MigrationFiles.nextVersion(read(), now)).isEqualTo("10000");
        file("20240101120000_c.sql", "");
        assertThat(MigrationFiles.nextVersion(read(), now)).isEqualTo("20261126010203");
    }
}
