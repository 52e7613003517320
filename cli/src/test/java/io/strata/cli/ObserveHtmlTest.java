package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata observe --html FILE} on the example platform, on the embedded default. */
class ObserveHtmlTest {

    @TempDir
    Path tmp;

    /** The page without the site's own inline script (fixed text, allowed by its hash), so that no other may hide. */
    private static String withoutOwnScript(String page) {
        return page.replaceFirst("(?s)<script>.*?</script>\n</body>", "</body>");
    }

    @Test
    void writesTheExamplePlatformAsOnePageAndEscapesHandMadeHostileNames() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            cli.ok("-C", c, "apply", "--auto-approve");

            Path file = tmp.resolve("out/report.html");
            Cli.Result observe = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(observe.code()).as(observe.toString()).isZero();
            assertThat(observe.out()).isEqualTo("Wrote " + file + ": observe of dev\n");
            String page = withoutOwnScript(Files.readString(file));
            assertThat(page).contains("<h1>Strata observe: <code>dev</code></h1>")
                    .contains("Database: <code>jdbc:postgresql://127.0.0.1:")
                    .contains("<th scope=\"row\">storage</th><td><span class=\"badge in-sync\">in sync</span></td>"
                            + "<td>6 applied, 0 pending</td>")
                    .contains("<td>3 role(s), 6 grant rule(s) declared; in sync</td>")
                    .contains("<span class=\"badge in-sync\">in sync</span> 3 layer(s)")
                    .contains("<tr id=\"migration-13\"><th scope=\"row\">13</th><td>raw_payments</td>")
                    .contains("<tr id=\"pipelines-row-customers\"><th scope=\"row\">customers</th><td>customers-enrichment</td>"
                            + "<td><code>0 3 * * *</code> (")
                    .contains("<td>never run</td><td><ul><li>marts.customers not written yet</li></ul></td>")
                    .contains("<li>+ storage migrations/0012_add_customer_segment.sql</li>")
                    .contains("<li>+ orchestration customers-enrichment</li>")
                    .contains("commit <code title=\"" + ExamplePlatform.headCommit(platform) + "\">"
                            + ExamplePlatform.headCommit(platform).substring(0, 12))
                    .doesNotContainIgnoringCase("<script").doesNotContain("password");

            String url = ExamplePlatform.embeddedUrl(cli.run("-C", c, "observe").out());
            try (Connection conn = DriverManager.getConnection(url + "?user=postgres"); Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE marts.\"<script>alert(1)</script>\" (id int)");
                s.execute("CREATE ROLE \"a&b\"\"c\"");
                s.execute("GRANT USAGE ON SCHEMA marts TO \"a&b\"\"c\"");
                s.execute("GRANT SELECT ON marts.customers TO \"a&b\"\"c\"");
            }
            Cli.Result drift = cli.run("-C", c, "observe", "--html", file.toString());
            assertThat(drift.code()).as(drift.toString()).isEqualTo(ExitCode.DRIFT);
            assertThat(drift.out()).isEqualTo("Wrote " + file + ": observe of dev (drift)\n");
            String hostile = withoutOwnScript(Files.readString(file));
            assertThat(hostile).doesNotContainIgnoringCase("<script").doesNotContain("a&b\"c")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("<tr class=\"drift\"><th scope=\"row\">drift: &quot;a&amp;b&quot;&quot;c&quot;:</th>")
                    .contains("<li>- revoke SELECT on marts.customers from &quot;a&amp;b&quot;&quot;c&quot; (not declared: drift)</li>")
                    .contains("<tr class=\"drift\"><th scope=\"row\"><code>marts.&lt;script&gt;alert(1)&lt;/script&gt;</code></th>"
                            + "<td>table</td><td>+ added</td><td>was added by hand (1 column)</td></tr>")
                    .contains("<span class=\"badge drift\">drift</span>");
            assertThat(Pattern.compile("(?i)(src|href)\\s*=\\s*\"(?!#)").matcher(hostile).find()).isFalse();
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }
}
