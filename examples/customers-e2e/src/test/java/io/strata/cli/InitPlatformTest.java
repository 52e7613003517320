package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The onboarding promise, with the packaged CLI and Maven as a newcomer runs them: {@code strata
 * init}, the sample pipeline's own {@code mvn test} against this build's strata-pipeline, {@code
 * apply} on the embedded default, {@code plan} showing no changes, and {@code strata run orders}
 * filling the mart from rows put into raw.orders.
 */
class InitPlatformTest {

    @TempDir
    Path tmp;

    @Test
    void aNewPlatformBuildsTestsConvergesAndRunsItsPipeline() throws Exception {
        try (PipelineRepository repository = PipelineRepository.create(tmp)) {
            initBuildApplyRun(tmp.resolve("shop"), Map.of("MAVEN_OPTS", repository.mavenOpts()));
        }
    }

    private static void initBuildApplyRun(Path platform, Map<String, String> maven) throws Exception {
        String c = platform.toString();

        Cli.Result init = PackagedCli.run("init", c);
        assertThat(init.code()).as(init.toString()).isZero();

        Cli.Result test = PackagedCli.exec(new ProcessBuilder("mvn", "-B", "-q", "-f",
                platform.resolve("pipelines/orders/pom.xml").toString(), "test"), maven, "mvn test");
        assertThat(test.code()).as(test.toString()).isZero();
        assertThat(platform.resolve("pipelines/orders/target/surefire-reports/TEST-com.example.shop.OrderTransformsTest.xml"))
                .content().contains("tests=\"1\"", "failures=\"0\"", "errors=\"0\"");

        try {
            Cli.Result apply = PackagedCli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            Cli.Result plan = PackagedCli.run("-C", c, "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("No changes.");

            String url = url(PackagedCli.run("-C", c, "embedded", "status").out());
            execute(url, "INSERT INTO raw.orders VALUES (1, 'Acme', 2500.00, 'paid', now()),"
                    + " (2, 'Beta', 99.90, 'cancelled', now()), (3, 'Gamma', 40.00, 'paid', now())");
            Cli.Result run = PackagedCli.run(maven, "-C", c, "run", "orders");
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("orders: succeeded\n", "  read:     raw.orders  3 rows\n",
                    "  wrote:    marts.orders  2 rows\n");
        } finally {
            PackagedCli.run("-C", c, "embedded", "stop");
        }
    }

    private static String url(String statusOut) {
        Matcher m = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/").matcher(statusOut);
        assertThat(m.find()).as(statusOut).isTrue();
        return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/shop";
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
