package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access page of {@code strata observe --html} on the example platform, applied to the
 * embedded PostgreSQL: effective privileges from the live catalog, then a grant made by hand shown
 * as drift in the cells it reaches.
 */
class ObserveAccessPageTest {

    @TempDir
    Path tmp;

    /** The matrix cell of a role and an object, as written. */
    private static String cell(String page, String role, String object) {
        Matcher m = Pattern.compile("<td data-role=\"" + Pattern.quote(role) + "\" data-object=\"" + Pattern.quote(object)
                + "\"[^>]*>.*?</td>").matcher(page);
        assertThat(m.find()).as("cell %s × %s", role, object).isTrue();
        return m.group();
    }

    private static String text(String cell) {
        return cell.replaceAll("<[^>]*>", "");
    }

    @Test
    void showsEffectivePrivilegesFromTheLiveCatalogAndHandMadeGrantsAsDrift() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            cli.ok("-C", c, "apply", "--auto-approve");
            Path file = tmp.resolve("report.html");
            Cli.Result observe = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(observe.code()).as(observe.toString()).isZero();
            String page = Files.readString(file);

            assertThat(page).contains("<table id=\"access-matrix\" class=\"matrix\">");
            assertThat(text(cell(page, "analyst", "marts.customers"))).isEqualTo("SELECT");
            assertThat(text(cell(page, "alice", "marts.customers"))).isEqualTo("SELECT");
            assertThat(page).containsPattern("<th scope=\"row\" data-tags=\"login\" data-routes=\"\\[[^\"]*"
                    + "&quot;via alice → analyst&quot;[^\"]*\">alice</th>");
            assertThat(text(cell(page, "pipeline_writer", "marts.customers"))).isEqualTo("SELECT, INSERT, UPDATE, DELETE, TRUNCATE");
            assertThat(text(cell(page, "pipeline_writer", "raw.customers"))).isEqualTo("SELECT");
            // The analyst holds nothing on raw.customers: an empty cell, without attributes.
            assertThat(page).doesNotContain("<td data-role=\"analyst\" data-object=\"raw.customers\"");
            assertThat(text(cell(page, "alice", "schema marts"))).isEqualTo("USAGE");
            assertThat(page).doesNotContain("<td data-role=\"analyst\" data-object=\"marts.customers\" class=\"drift\"")
                    .containsPattern("<tr><th scope=\"row\">marts.customers</th><td>[^<]*alice \\(via alice → analyst\\)");

            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
            try (Connection conn = DriverManager.getConnection(url + "?user=postgres"); Statement s = conn.createStatement()) {
                s.execute("GRANT DELETE ON marts.customers TO analyst");
            }
            Cli.Result drift = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(drift.code()).as(drift.toString()).isEqualTo(ExitCode.DRIFT);
            String drifted = Files.readString(file);
            assertThat(cell(drifted, "analyst", "marts.customers")).contains("class=\"drift\"");
            assertThat(text(cell(drifted, "analyst", "marts.customers"))).isEqualTo("SELECT, DELETE (extra: DELETE)");
            // alice inherits it through analyst: effective, her cell differs from the spec as well.
            assertThat(text(cell(drifted, "alice", "marts.customers"))).isEqualTo("SELECT, DELETE (extra: DELETE)");
            assertThat(cell(drifted, "pipeline_writer", "marts.customers")).doesNotContain("drift");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }
}
