package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata lint} on the example platform, as CI runs it on a pull request: no database. */
class LintCommandTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli(Map.of());
    private final ObjectMapper json = new ObjectMapper();
    private Path platform;

    @BeforeEach
    void copyExample() {
        platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
    }

    private Cli.Result lint(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "-C";
        all[1] = platform.toString();
        all[2] = "lint";
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.run(all);
    }

    @Test
    void theExampleIsCleanAndNoDatabaseIsStarted() {
        Cli.Result r = lint();
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("No findings in 6 files.\n");
        // The dev environment is the embedded PostgreSQL: starting it would create .strata/dev.
        assertThat(platform.resolve(".strata")).doesNotExist();
    }

    @Test
    void aDropTableIsReportedInSarifWithItsStableCode() throws IOException {
        Files.writeString(platform.resolve("migrations/0014_drop.sql"), "DROP TABLE raw.customers;\n");
        Cli.Result r = lint("--format", "sarif");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(validate(r.out())).isEmpty();
        JsonNode results = json.readTree(r.out()).at("/runs/0/results");
        assertThat(results).hasSize(1);
        JsonNode result = results.get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("DS101");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/message/text").asText()).startsWith("drops table raw.customers");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("migrations/0014_drop.sql");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(result.get("suppressions")).isEmpty();

        Cli.Result text = lint();
        assertThat(text.code()).isEqualTo(ExitCode.ERROR);
        assertThat(text.out()).startsWith("migrations/0014_drop.sql:1:1: DS101 error: drops table raw.customers\n")
                .endsWith("1 error, 0 warnings in 7 files.\n");
    }

    @Test
    void anIgnoreCommentWithAReasonPassesAndShowsTheSuppression() throws IOException {
        Files.writeString(platform.resolve("migrations/0014_drop.sql"),
                "-- strata:ignore DS101 the CRM export moved to raw.crm_customers in 0011\nDROP TABLE raw.customers;\n");
        Cli.Result r = lint("--format", "sarif");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(validate(r.out())).isEmpty();
        JsonNode result = json.readTree(r.out()).at("/runs/0/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("DS101");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(result.at("/suppressions/0/justification").asText())
                .isEqualTo("the CRM export moved to raw.crm_customers in 0011");
        assertThat(lint().out()).isEqualTo("No findings in 7 files; 1 suppressed by strata:ignore.\n");
    }

    @Test
    void anIgnoreCommentWithoutAReasonFails() throws IOException {
        Files.writeString(platform.resolve("migrations/0014_drop.sql"), "-- strata:ignore DS101\nDROP TABLE raw.customers;\n");
        Cli.Result r = lint();
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("0014_drop.sql:1:1: LT001 error: strata:ignore DS101 gives no reason")
                .contains("0014_drop.sql:2:1: DS101 error");
    }

    @Test
    void outWritesTheReportAndPrintsTheTextOne() throws IOException {
        Files.writeString(platform.resolve("migrations/0014_drop.sql"), "DROP TABLE raw.customers;\n");
        Path out = tmp.resolve("reports/strata.sarif");
        Cli.Result r = lint("--format", "sarif", "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("DS101 error: drops table raw.customers");
        assertThat(r.err()).contains("Wrote the sarif report to " + out);
        assertThat(json.readTree(Files.readString(out)).at("/runs/0/results/0/ruleId").asText()).isEqualTo("DS101");
    }

    @Test
    void jsonHasItsFormatVersion() throws IOException {
        Cli.Result r = lint("--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        JsonNode report = json.readTree(r.out());
        assertThat(report.get("format_version").asInt()).isEqualTo(1);
        assertThat(report.get("dialect").asText()).isEqualTo("postgresql");
        assertThat(report.get("files")).hasSize(6);
    }

    @Test
    void filesNamedOnTheCommandLineAreTheRun() throws IOException {
        Files.writeString(platform.resolve("migrations/0014_index.sql"), "CREATE INDEX ON raw.customers (email);\n");
        // All files: 0002 creates raw.customers in the same run, so the index is on a new table.
        assertThat(lint().code()).isEqualTo(ExitCode.OK);
        // Only the new file, as CI would pass a pull request's files: raw.customers already exists.
        Cli.Result r = lint(platform.resolve("migrations/0014_index.sql").toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("migrations/0014_index.sql:1:1: LK201 error").endsWith("in 1 file.\n");
        assertThat(lint("migrations/0014_index.sql").out()).contains("LK201 error");
        Cli.Result notAMigration = lint(platform.resolve("strata.yaml").toString());
        assertThat(notAMigration.code()).isEqualTo(ExitCode.ERROR);
        assertThat(notAMigration.err()).contains("is not a migration file of");
    }

    @Test
    void theDialectComesFromStrataYamlWithoutResolvingAnything() throws IOException {
        Cli.Result staging = cli.run("-C", platform.toString(), "--env", "staging", "lint");
        assertThat(staging.code()).isEqualTo(ExitCode.ERROR);
        assertThat(staging.err()).contains("cannot tell the SQL dialect of environment `staging`")
                .contains("${env:STAGING_DATABASE_URL}").contains("--dialect");
        Files.writeString(platform.resolve("migrations/0014_index.sql"), "CREATE INDEX i ON raw.customers (email);\n");
        Cli.Result mysql = cli.run("-C", platform.toString(), "--env", "staging", "lint", "--dialect", "mysql",
                platform.resolve("migrations/0014_index.sql").toString());
        assertThat(mysql.code()).as(mysql.toString()).isEqualTo(ExitCode.OK); // LK201 is PostgreSQL's

        Files.writeString(platform.resolve("strata.yaml"), """
                name: customers
                environments:
                  shop:
                    database:
                      url: jdbc:mariadb://db.internal:3306/shop
                      password: ${env:NOT_SET_ANYWHERE}
                """);
        Cli.Result shop = cli.run("-C", platform.toString(), "--env", "shop", "lint", "--format", "json");
        assertThat(shop.code()).as(shop.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.readTree(shop.out()).get("dialect").asText()).isEqualTo("mysql");
        assertThat(cli.run("-C", platform.toString(), "lint", "--dialect", "oracle").err())
                .contains("unknown dialect `oracle`");
    }

    @Test
    void aPlatformInASubfolderIsLocatedFromTheRepositoryRoot() throws Exception {
        Path repo = tmp.resolve("repo");
        Path sub = repo.resolve("platforms/shop");
        Files.createDirectories(sub.resolve("migrations"));
        Files.writeString(sub.resolve("strata.yaml"), "name: shop\n");
        Files.writeString(sub.resolve("migrations/0001_drop.sql"), "DROP TABLE legacy;\n");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        Cli.Result r = cli.run("-C", sub.toString(), "lint", "--format", "sarif");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(json.readTree(r.out()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText()).isEqualTo("platforms/shop/migrations/0001_drop.sql");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Result r = lint("--format", "markdown");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("unknown format `markdown`: expected text, json or sarif");
    }

    private static java.util.List<com.networknt.schema.Error> validate(String sarif) throws IOException {
        try (InputStream in = LintCommandTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            return schema.validate(sarif, InputFormat.JSON);
        }
    }
}
