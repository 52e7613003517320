package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.migration.Checksum;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata observe --html FILE} on the example platform: the storage page's migrations table
 * from the real history table, then an edited and a new file; the overview and journal with them.
 * On MariaDB too, whose history and catalog are read by its own dialect.
 */
class ObserveHtmlStorageTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheExamplesMigrationsWithTheirChecksumsThenAnEditAndAPendingFile() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();

            Path file = tmp.resolve("report.html");
            Cli.Result observe = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(observe.code()).as(observe.toString()).isZero();
            String page = Files.readString(file);
            String migrations = table(page, "migrations");
            List<Path> files = migrationFiles(platform);
            assertThat(files).hasSize(6);
            for (Path f : files) {
                String checksum = Checksum.of(Files.readAllBytes(f));
                assertThat(migrations).contains("<td><code>migrations/" + f.getFileName() + "</code></td><td>applied</td>"
                        + "<td><code title=\"" + checksum + "\">" + checksum.substring(0, 12) + "</code></td>"
                        + "<td><time datetime=\"");
            }
            assertThat(migrations.split("<tr id=\"migration-", -1)).hasSize(7);
            assertThat(migrations).doesNotContain("class=\"drift\"").doesNotContain("class=\"pending\"");
            assertThat(page).contains("<td>migrations: 6 applied, 0 pending, 0 object(s) changed by hand</td>")
                    .contains("<p id=\"latest-apply\">Latest apply: succeeded by <strong>")
                    .contains("<tr data-kind=\"apply\"><th scope=\"row\"><time datetime=\"");

            Path edited = files.get(files.size() - 1);
            Files.writeString(edited, Files.readString(edited) + "\n-- edited after apply\n", StandardCharsets.UTF_8);
            Files.writeString(platform.resolve("migrations/0014_orders.sql"), "CREATE TABLE raw.orders (id int);\n");
            Cli.Result drift = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(drift.code()).as(drift.toString()).isEqualTo(ExitCode.DRIFT);
            String after = table(Files.readString(file), "migrations");
            assertThat(after).contains("<tr id=\"migration-13\" class=\"drift\"><th scope=\"row\">13</th>")
                    .contains("<td>edited after apply</td><td>MISMATCH: recorded <code title=\""
                            + Checksum.of(originalOf(edited)) + "\">")
                    .contains("<tr id=\"migration-14\" class=\"pending\"><th scope=\"row\">14</th><td>orders</td>");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    @Test
    void onMariadbTheHistoryAndTheDriftOfThatServer() throws Exception {
        String database = "strata_storage_page_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = "jdbc:mariadb://127.0.0.1:3306/" + database;
        Path root = Files.createDirectories(tmp.resolve("mariadb"));
        Files.writeString(root.resolve("strata.yaml"), """
                name: storage-page
                environments:
                  mariadb:
                    database:
                      url: %s?createDatabaseIfNotExist=true
                      user: root
                """.formatted(url));
        Files.createDirectories(root.resolve("migrations"));
        String first = "CREATE TABLE customers (id BIGINT PRIMARY KEY);\n";
        Files.writeString(root.resolve("migrations/0001_customers.sql"), first);
        Files.writeString(root.resolve("migrations/0002_orders.sql"), "CREATE TABLE orders (id BIGINT);\n");
        Cli cli = new Cli(Map.of());
        String c = root.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "--env", "mariadb", "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            try (Connection conn = DriverManager.getConnection(url, "root", ""); Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE `<b>by_hand</b>` (id INT)");
            }

            Path file = tmp.resolve("mariadb.html");
            Cli.Result observe = cli.run("-C", c, "--env", "mariadb", "observe", "--html", file.toString());
            assertThat(observe.code()).as(observe.toString()).isEqualTo(ExitCode.DRIFT);
            String page = Files.readString(file);
            String checksum = Checksum.of(first.getBytes(StandardCharsets.UTF_8));
            assertThat(table(page, "migrations")).contains("<tr id=\"migration-1\"><th scope=\"row\">1</th><td>customers</td>"
                    + "<td><code>migrations/0001_customers.sql</code></td><td>applied</td><td><code title=\"" + checksum + "\">")
                    .contains("<tr id=\"migration-2\"><th scope=\"row\">2</th><td>orders</td>");
            assertThat(table(page, "schema-drift")).contains("<tr class=\"drift\"><th scope=\"row\"><code>" + database
                    + ".&lt;b&gt;by_hand&lt;/b&gt;</code></th><td>table</td><td>+ added</td>");
            assertThat(page).doesNotContain("<b>by_hand");
        } finally {
            try (Connection conn = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                    Statement s = conn.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static List<Path> migrationFiles(Path platform) throws Exception {
        try (Stream<Path> files = Files.list(platform.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The file as the example has it, before the test's edit. */
    private static byte[] originalOf(Path edited) throws Exception {
        return Files.readAllBytes(ExamplePlatform.source().resolve("migrations").resolve(edited.getFileName().toString()));
    }

    private static String table(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\">");
        assertThat(start).as("table #" + id).isNotNegative();
        return page.substring(start, page.indexOf("</table>", start));
    }
}
