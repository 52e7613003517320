package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.core.config.ConfigValue.StateOutput;
import io.strata.core.config.ConfigValue.TerraformOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ${terraform:DIR/OUTPUT}} and {@code ${tfstate:PATH#OUTPUT}} on files in Terraform's
 * documented formats: the state file format version 4 (what {@code terraform apply} writes with a
 * local backend; the sample below is the one Terraform 1.11 wrote for a {@code terraform_data}
 * configuration, cut to the outputs) and the JSON that {@code terraform output -json} prints
 * (developer.hashicorp.com/terraform/cli/commands/output), printed here by a stand-in
 * {@code terraform} script on PATH. {@link TerraformCommandTest} runs the real binary when there is one.
 */
class TerraformReferenceTest {

    /** A state file as Terraform 1.11 writes it: {@code sensitive} appears only when true. */
    static final String STATE = """
            {
              "version": 4,
              "terraform_version": "1.11.4",
              "serial": 2,
              "lineage": "d56e958b-44f2-274e-520e-8121fba92914",
              "outputs": {
                "db_endpoint": {"value": "db.internal:3306", "type": "string"},
                "db_name": {"value": "analytics", "type": "string"},
                "db_port": {"value": 3306, "type": "number"},
                "db_multi_az": {"value": false, "type": "bool"},
                "db_password": {"value": "tf-s3cr3t-value", "type": "string", "sensitive": true},
                "db_tags": {"value": {"ManagedBy": "terraform"}, "type": ["object", {"ManagedBy": "string"}]},
                "db_subnets": {"value": ["a", "b"], "type": ["tuple", ["string", "string"]]}
              },
              "resources": [],
              "check_results": null
            }
            """;

    /** The same outputs as {@code terraform output -json} prints them: {@code sensitive} always there. */
    static final String OUTPUT_JSON = """
            {
              "db_endpoint": {"sensitive": false, "type": "string", "value": "db.internal:3306"},
              "db_name": {"sensitive": false, "type": "string", "value": "analytics"},
              "db_password": {"sensitive": true, "type": "string", "value": "tf-s3cr3t-value"},
              "db_port": {"sensitive": false, "type": "number", "value": 3306}
            }
            """;

    private static final String SECRET = "tf-s3cr3t-value";

    @TempDir
    Path dir;

    @Test
    void referencesParseIntoAPlaceAndAnOutputName() {
        ConfigValue value = ConfigValue.parse("jdbc:mysql://${terraform:infra/aws/db_endpoint}/${tfstate:infra/prod.tfstate#db_name}",
                false, new SourceLocation(dir.resolve("strata.yaml"), 1, 1, "url"));

        assertThat(value.parts()).containsSubsequence(new TerraformOutput("infra/aws", "db_endpoint"),
                new StateOutput("infra/prod.tfstate", "db_name"));
        assertThat(value.redacted()).isEqualTo("jdbc:mysql://${terraform:infra/aws/db_endpoint}/${tfstate:infra/prod.tfstate#db_name}");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("${terraform:db_endpoint}", "is not of the form `DIR/OUTPUT`"),
                Arguments.of("${terraform:infra/}", "is not of the form `DIR/OUTPUT`"),
                Arguments.of("${terraform:/db}", "is not of the form `DIR/OUTPUT`"),
                Arguments.of("${terraform:infra/1db}", "does not name a Terraform output"),
                Arguments.of("${terraform:infra/db.address}", "does not name a Terraform output"),
                Arguments.of("${tfstate:infra/terraform.tfstate}", "is not of the form `PATH#OUTPUT`"),
                Arguments.of("${tfstate:#db}", "is not of the form `PATH#OUTPUT`"),
                Arguments.of("${Terraform:infra/db}", "is not a reference Strata knows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedReferencesAreRefusedWhenTheFileIsLoaded(String reference, String problem) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(dir, staging("url: jdbc:mysql://" + reference)));

        assertThat(e.getMessage()).startsWith(dir.resolve("strata.yaml") + ":5:12: environments.prod.database.url: ")
                .contains(problem);
        assertThat(e.hint()).contains("`${terraform:DIR/OUTPUT}`", "`${tfstate:PATH#OUTPUT}`");
    }

    @Test
    void aStateFileGivesTheDatabaseTerraformMadeAndItsSensitivePasswordAsASecret() {
        ConfigFixture.write(dir, "infra/terraform.tfstate", STATE);

        ResolvedEnvironment prod = load(dir, staging("""
                url: jdbc:mysql://${tfstate:infra/terraform.tfstate#db_endpoint}/${tfstate:infra/terraform.tfstate#db_name}?useSSL=${tfstate:infra/terraform.tfstate#db_multi_az}
                      user: port-${tfstate:infra/terraform.tfstate#db_port}
                      password: ${tfstate:infra/terraform.tfstate#db_password}""")).resolve("prod", Map.<String, String>of()::get);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) prod.database();
        assertThat(jdbc.url()).isEqualTo("jdbc:mysql://db.internal:3306/analytics?useSSL=false");
        assertThat(jdbc.user()).isEqualTo("port-3306");
        assertThat(jdbc.password().reveal()).isEqualTo(SECRET);
        assertThat(jdbc.password().reference()).isEqualTo("${tfstate:infra/terraform.tfstate#db_password}");
        assertThat(prod.toString()).doesNotContain(SECRET);
    }

    @Test
    void theOutputCommandIsAskedOncePerDirectoryInThatDirectory() throws IOException {
        Path bin = standInTerraform("pwd >> \"$(dirname \"$0\")/calls\"\ncat <<'EOF'\n" + OUTPUT_JSON + "EOF\n");
        Files.createDirectories(dir.resolve("infra"));
        Path calls = bin.resolve("calls");

        ResolvedEnvironment prod = load(dir, staging("""
                url: jdbc:mysql://${terraform:infra/db_endpoint}/${terraform:infra/db_name}
                      password: ${terraform:infra/db_password}""")).resolve("prod",
                Map.of("PATH", bin.toString())::get);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) prod.database();
        assertThat(jdbc.url()).isEqualTo("jdbc:mysql://db.internal:3306/analytics");
        assertThat(jdbc.password().reveal()).isEqualTo(SECRET);
        assertThat(Files.readAllLines(calls)).containsExactly(dir.resolve("infra").toRealPath().toString());
    }

    @Test
    void theEmbeddedDefaultNeedsNoTerraform() {
        ProjectConfig config = load(dir, staging("url: jdbc:mysql://${terraform:infra/db_endpoint}/x"));

        assertThat(config.resolve("dev", Map.of("PATH", "")::get).database()).isInstanceOf(DatabaseSettings.Embedded.class);
    }

    @Test
    void withoutTerraformOnPathTheErrorNamesTheLineAndTheStateFileAlternative() {
        ConfigFixture.write(dir, "infra/main.tf", "");
        ProjectConfig config = load(dir, staging("url: jdbc:mysql://${terraform:infra/db_endpoint}/x"));

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolve("prod", Map.of("PATH", dir.resolve("empty-bin").toString())::get));

        assertThat(e.getMessage()).isEqualTo(dir.resolve("strata.yaml") + ":5:12: environments.prod.database.url: "
                + "`${terraform:infra/db_endpoint}` needs the `terraform` command, and it is not on PATH");
        assertThat(e.hint()).contains("install Terraform", "`${tfstate:infra/terraform.tfstate#db_endpoint}`", "--env");
    }

    @Test
    void aFailingTerraformIsReportedWithItsFirstError() throws IOException {
        Path bin = standInTerraform("""
                echo '╷' >&2
                echo '│ Error: Backend initialization required, please run "terraform init"' >&2
                echo '╵' >&2
                exit 1
                """);
        ConfigFixture.write(dir, "infra/main.tf", "");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(dir,
                staging("url: jdbc:mysql://${terraform:infra/db_endpoint}/x")).resolve("prod", Map.of("PATH", bin.toString())::get));

        assertThat(e.problem()).isEqualTo("`${terraform:infra/db_endpoint}`: `terraform output -json` in " + dir.resolve("infra")
                + " failed (exit 1): Error: Backend initialization required, please run \"terraform init\"");
        assertThat(e.hint()).contains("terraform init");
    }

    static Stream<Arguments> unusable() {
        return Stream.of(
                Arguments.of("url: jdbc:mysql://${tfstate:infra/terraform.tfstate#db_host}/x",
                        "`${tfstate:infra/terraform.tfstate#db_host}`: Terraform output `db_host` not found in "
                                + "{dir}/infra/terraform.tfstate; outputs there: db_endpoint, db_name, db_port, db_multi_az,"
                                + " db_password, db_tags, db_subnets"),
                Arguments.of("url: jdbc:mysql://${tfstate:infra/terraform.tfstate#db_password}/x",
                        "`${tfstate:infra/terraform.tfstate#db_password}` is a sensitive Terraform output, and this setting"
                                + " is not a secret: Strata would show its value"),
                Arguments.of("url: jdbc:mysql://h/x\n      user: ${tfstate:infra/terraform.tfstate#db_password}",
                        "`${tfstate:infra/terraform.tfstate#db_password}` is a sensitive Terraform output, and this setting"
                                + " is not a secret: Strata would show its value"),
                Arguments.of("url: jdbc:mysql://${tfstate:infra/terraform.tfstate#db_tags}/x",
                        "`${tfstate:infra/terraform.tfstate#db_tags}` is an object: a setting takes a string, number or bool output"),
                Arguments.of("url: jdbc:mysql://h/x\n      password: ${tfstate:infra/terraform.tfstate#db_subnets}",
                        "`${tfstate:infra/terraform.tfstate#db_subnets}` is a list: a setting takes a string, number or bool output"),
                Arguments.of("url: jdbc:mysql://${tfstate:infra/none.tfstate#db_endpoint}/x",
                        "`${tfstate:infra/none.tfstate#db_endpoint}`: state file {dir}/infra/none.tfstate does not exist"),
                Arguments.of("url: jdbc:mysql://${tfstate:infra/old.tfstate#db_endpoint}/x",
                        "`${tfstate:infra/old.tfstate#db_endpoint}`: state file {dir}/infra/old.tfstate cannot be used: it is a"
                                + " version 3 state file; Strata reads version 4, written by Terraform 0.12 and later"),
                Arguments.of("url: jdbc:mysql://${tfstate:infra/broken.tfstate#db_endpoint}/x",
                        "`${tfstate:infra/broken.tfstate#db_endpoint}`: state file {dir}/infra/broken.tfstate cannot be used:"
                                + " it is not valid JSON (line 1)"),
                Arguments.of("url: jdbc:mysql://${terraform:nowhere/db_endpoint}/x",
                        "`${terraform:nowhere/db_endpoint}`: directory {dir}/nowhere does not exist"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unusable")
    void unusableOutputsAreErrorsNamingTheLineAndNeverTheValue(String database, String problem) {
        ConfigFixture.write(dir, "infra/terraform.tfstate", STATE);
        ConfigFixture.write(dir, "infra/old.tfstate", "{\"version\": 3, \"modules\": [{\"outputs\": {}}]}");
        ConfigFixture.write(dir, "infra/broken.tfstate", "{\"password\": \"" + SECRET + "\" oops");
        ProjectConfig config = load(dir, staging(database));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> config.resolve("prod", Map.of("PATH", "")::get));

        assertThat(e.getMessage()).startsWith(dir.resolve("strata.yaml") + ":");
        assertThat(e.getMessage()).contains(": environments.prod.database.");
        assertThat(e.problem()).isEqualTo(problem.replace("{dir}", dir.toString()));
        assertThat(e.getMessage() + e.hint()).doesNotContain(SECRET);
    }

    @Test
    void anEmptyStateSaysApplyHasNotRun() {
        ConfigFixture.write(dir, "infra/terraform.tfstate", "{\"version\": 4, \"serial\": 1, \"outputs\": {}}");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(dir,
                staging("url: jdbc:mysql://${tfstate:infra/terraform.tfstate#db_endpoint}/x")).resolve("prod", Map.<String, String>of()::get));

        assertThat(e.problem()).endsWith("there are no outputs: has `terraform apply` run?");
    }

    private static String staging(String database) {
        return """
                name: customers
                environments:
                  prod:
                    database:
                      %s
                """.formatted(database);
    }

    /** A directory holding an executable {@code terraform} that runs {@code script} (bash). */
    private Path standInTerraform(String script) throws IOException {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path terraform = bin.resolve("terraform");
        Files.writeString(terraform, "#!/usr/bin/env bash\n" + script);
        Files.setPosixFilePermissions(terraform, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
