package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.pipeline.Rows;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata lineage} on real run records, made by running pipelines with the pipeline library:
 * on the embedded PostgreSQL and on the MariaDB server. A pipeline whose runs match its CronJob is
 * in sync; one writing an undeclared table is flagged; one that never ran is said so; hostile table
 * names stay inside their labels; and reading lineage creates nothing.
 */
class LineageCommandTest {

    @TempDir
    Path tmp;

    private static String cronJob(String pipeline, String reads, String writes) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s-nightly
                  annotations:
                    strata.io/pipeline: %s
                    strata.io/reads: '%s'
                    strata.io/writes: '%s'
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: main
                              image: ${image:%s}
                ---
                """.formatted(pipeline, pipeline, reads.replace("'", "''"), writes.replace("'", "''"), pipeline);
    }

    /**
     * A platform whose k8s/ declares customers, orders and billing, and a pipeline with hostile table
     * names; customers and orders read and write the tables given.
     */
    private Path platform(String strataYaml, String customers, String customersOut, String orders, String ordersOut)
            throws IOException {
        Path root = tmp.resolve("platform");
        Files.createDirectories(root.resolve("k8s"));
        Files.writeString(root.resolve("strata.yaml"), strataYaml);
        Files.writeString(root.resolve("k8s/pipelines.yaml"), cronJob("customers", customers, customersOut)
                + cronJob("orders", orders, ordersOut)
                + cronJob("billing", "raw.invoices", "marts.billing")
                + cronJob("hostile", "raw.we\"ird [x]; end", "marts.a\"]-->b\\n#c"));
        return root;
    }

    /** Runs a pipeline copying every table of {@code reads} into each of {@code writes} (or only reading it). */
    private static int run(String pipeline, String url, String user, List<String> reads, List<String> writes) {
        Map<String, String> env = new HashMap<>();
        env.put(Environment.DATABASE_URL, url);
        env.put(Environment.DATABASE_USER, user);
        return Pipeline.named(pipeline).run(run -> {
            Database db = run.database();
            for (String read : reads) {
                for (String write : writes) {
                    run.write(db.table(read), db.append(write));
                }
                if (writes.isEmpty()) {
                    try (Rows rows = db.table(read).open()) {
                        rows.forEachRemaining(row -> { });
                    }
                }
            }
        }, Environment.of(env), Clock.systemUTC());
    }

    private static void sql(String url, String user, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String single(String url, String user, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void onTheEmbeddedPostgresql() throws Exception {
        Path root = platform("name: lineage\n", "raw.customers", "marts.customers", "raw.orders", "marts.orders");
        Cli cli = new Cli(Map.of());
        String c = root.toString();
        try {
            Cli.Result before = cli.run("-C", c, "lineage", "--detailed-exitcode");
            assertThat(before.code()).as(before.toString()).isZero();
            assertThat(before.out()).contains("customers  never ran  (CronJob customers-nightly; no successful run)",
                    "  raw.customers → customers → marts.customers",
                    "4 pipelines, 8 tables: 4 never ran.");
            // `embedded status` names the server's `postgres` database; the platform's is named after it.
            Matcher m = Pattern.compile("url:  (jdbc:postgresql://127\\.0\\.0\\.1:\\d+/)\\w+\\?user=(\\S+)")
                    .matcher(cli.run("-C", c, "embedded", "status").out());
            assertThat(m.find()).isTrue();
            String url = m.group(1) + "lineage";
            String user = m.group(2);
            // Observing is read-only: no run tables were created to find out that there are none.
            assertThat(single(url, user, "SELECT to_regclass('strata.pipeline_runs') IS NULL")).isEqualTo("t");

            sql(url, user, "CREATE SCHEMA raw", "CREATE SCHEMA marts",
                    "CREATE TABLE raw.customers (id bigint)", "CREATE TABLE raw.orders (id bigint)",
                    "CREATE TABLE marts.customers (id bigint)", "CREATE TABLE marts.orders (id bigint)",
                    "CREATE TABLE marts.order_audit (id bigint)",
                    "INSERT INTO raw.customers VALUES (1), (2)", "INSERT INTO raw.orders VALUES (7)");
            assertThat(run("customers", url, user, List.of("raw.customers"), List.of("marts.customers"))).isZero();
            assertThat(run("orders", url, user, List.of("raw.orders"), List.of("marts.orders", "marts.order_audit")))
                    .isZero();

            Cli.Result text = cli.run("-C", c, "lineage");
            assertThat(text.code()).as(text.toString()).isZero();
            assertThat(text.out()).containsPattern("customers  in sync  \\(CronJob customers-nightly; run \\S+ succeeded at ")
                    .contains("  raw.customers → customers → marts.customers\n",
                            "orders  1 mismatch  (CronJob orders-nightly; run ",
                            "  raw.orders → orders → marts.order_audit, marts.orders\n",
                            "  ! writes marts.order_audit: written by the run, not declared\n",
                            "billing  never ran  (CronJob billing-nightly; no successful run)",
                            "4 pipelines, 9 tables: 1 in sync, 1 with mismatches (1), 2 never ran.");
            assertThat(cli.run("-C", c, "lineage", "--detailed-exitcode").code()).isEqualTo(ExitCode.DRIFT);

            JsonNode json = new ObjectMapper().readTree(cli.run("-C", c, "lineage", "--format", "json").out());
            assertThat(json.get("environment").asText()).isEqualTo("dev");
            assertThat(json.get("mismatches")).hasSize(1);
            assertThat(json.at("/mismatches/0/kind").asText()).isEqualTo("observed_not_declared");
            assertThat(json.at("/mismatches/0/table").asText()).isEqualTo("marts.order_audit");
            assertThat(json.at("/summary/in_sync").asInt()).isEqualTo(1);
            JsonNode customersRead = edge(json, "customers", "raw.customers");
            assertThat(customersRead.get("rows").asLong()).isEqualTo(2);
            assertThat(customersRead.get("from").asText()).isEqualTo("table:raw.customers");

            Cli.Result dot = cli.run("-C", c, "lineage", "--format", "dot");
            assertThat(dot.out()).startsWith("digraph lineage {").contains("label=\"raw.we\\\"ird [x]; end\"",
                    "label=\"marts.a\\\"]-->b\\\\n#c\"");
            Cli.Result mermaid = cli.run("-C", c, "lineage", "--format", "mermaid");
            assertThat(mermaid.out()).startsWith("flowchart LR\n")
                    .contains("[\"raw.we#34;ird #91;x#93;#59; end\"]", "[\"marts.a#34;#93;--#62;b#92;n#35;c\"]")
                    .doesNotContain("we\"ird");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    @Test
    void onMariadbWithTableNamesWrittenWithAndWithoutTheDatabase() throws Exception {
        String database = "strata_lineage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = "jdbc:mariadb://127.0.0.1:3306/" + database;
        Path root = platform("""
                name: lineage
                environments:
                  mariadb:
                    database:
                      url: %s?createDatabaseIfNotExist=true
                      user: root
                """.formatted(url), "src_customers", database + ".mart_customers", database + ".src_orders",
                "mart_orders");
        Cli cli = new Cli(Map.of());
        String c = root.toString();
        try {
            Cli.Result before = cli.run("-C", c, "--env", "mariadb", "lineage");
            assertThat(before.code()).as(before.toString()).isZero();
            assertThat(before.out()).contains("4 never ran");
            assertThat(single(url, "root", "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + database + "'")).isEqualTo("0");

            // Only this test's database: the server is shared with other tests, which own `raw` and `marts`.
            sql(url, "root", "CREATE TABLE src_customers (id BIGINT)", "CREATE TABLE src_orders (id BIGINT)",
                    "CREATE TABLE mart_customers (id BIGINT)", "INSERT INTO src_customers VALUES (1), (2), (3)");
            // Named with the database where the CronJob does not, and the other way round.
            assertThat(run("customers", url, "root", List.of(database + ".src_customers"), List.of("mart_customers")))
                    .isZero();
            assertThat(run("orders", url, "root", List.of("src_orders"), List.of())).isZero();

            Cli.Result text = cli.run("-C", c, "--env", "mariadb", "lineage", "--detailed-exitcode");
            assertThat(text.code()).as(text.toString()).isEqualTo(ExitCode.DRIFT);
            assertThat(text.out()).contains("customers  in sync",
                    "  " + database + ".src_customers → customers → " + database + ".mart_customers\n",
                    "orders  1 mismatch",
                    "  ! writes " + database + ".mart_orders: declared, not written by the run\n",
                    "billing  never ran");
        } finally {
            sql("jdbc:mariadb://127.0.0.1:3306/", "root", "DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void aBadRunCountIsAUsageError() throws IOException {
        Path root = platform("name: lineage\n", "raw.customers", "marts.customers", "raw.orders", "marts.orders");
        Cli.Result result = new Cli(Map.of()).run("-C", root.toString(), "lineage", "--runs", "0");
        assertThat(result.code()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("--runs must be at least 1");
    }

    private static JsonNode edge(JsonNode json, String pipeline, String table) {
        for (JsonNode e : json.get("edges")) {
            if (e.get("pipeline").asText().equals(pipeline) && e.get("table").asText().equals(table)) {
                return e;
            }
        }
        throw new AssertionError("no edge " + pipeline + " / " + table + " in " + json);
    }
}
