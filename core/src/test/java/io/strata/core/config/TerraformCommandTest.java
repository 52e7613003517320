package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform references on real Terraform output: a configuration with only the built-in
 * {@code terraform_data} resource (no provider to download, so it works offline) is initialised and
 * applied by the {@code terraform} binary on PATH, and Strata reads its outputs both through
 * {@code terraform output -json} and from the state file it wrote. Skipped, saying so, when no
 * {@code terraform} is on PATH; {@link TerraformReferenceTest} covers the documented formats then.
 */
class TerraformCommandTest {

    private static final String CONFIGURATION = """
            resource "terraform_data" "db" {
              input = { host = "127.0.0.1", port = 5432, name = "analytics" }
            }
            output "db_endpoint" {
              value = "${terraform_data.db.output.host}:${terraform_data.db.output.port}"
            }
            output "db_name" {
              value = terraform_data.db.output.name
            }
            output "db_password" {
              value     = "tf-made-pw-${terraform_data.db.id}"
              sensitive = true
            }
            """;

    @TempDir
    Path dir;

    private Path terraform;

    @BeforeEach
    void findTerraform() {
        terraform = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "terraform"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(terraform != null, "no `terraform` on PATH: the real-output case needs the binary"
                + " (TerraformReferenceTest covers Terraform's documented JSON formats without it)");
    }

    @Test
    void readsTheOutputsOfAnAppliedConfigurationBothWays() throws Exception {
        ConfigFixture.write(dir, "infra/main.tf", CONFIGURATION);
        terraform("init", "-input=false", "-no-color");
        terraform("apply", "-auto-approve", "-input=false", "-no-color");

        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  prod:
                    database:
                      url: jdbc:postgresql://${terraform:infra/db_endpoint}/${terraform:infra/db_name}
                      password: ${terraform:infra/db_password}
                  dr:
                    database:
                      url: jdbc:postgresql://${tfstate:infra/terraform.tfstate#db_endpoint}/${tfstate:infra/terraform.tfstate#db_name}
                      password: ${tfstate:infra/terraform.tfstate#db_password}
                """);
        Map<String, String> variables = Map.of("PATH", terraform.getParent().toString());

        for (String env : List.of("prod", "dr")) {
            DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) config.resolve(env, variables::get).database();
            assertThat(jdbc.url()).as(env).isEqualTo("jdbc:postgresql://127.0.0.1:5432/analytics");
            assertThat(jdbc.password().reveal()).as(env).startsWith("tf-made-pw-").hasSizeGreaterThan(20);
            assertThat(jdbc.toString()).as(env).doesNotContain("tf-made-pw");
        }
    }

    @Test
    void anOutputThatWasNeverAppliedAndABackendNotInitialisedAreClearErrors() throws Exception {
        ConfigFixture.write(dir, "infra/main.tf", CONFIGURATION);
        ConfigFixture.write(dir, "remote/main.tf", """
                terraform {
                  backend "s3" {
                    bucket = "analytics-state"
                    key    = "rds.tfstate"
                    region = "eu-west-1"
                  }
                }
                """);
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  prod:
                    database:
                      url: jdbc:postgresql://${terraform:infra/db_endpoint}/x
                  remote:
                    database:
                      url: jdbc:postgresql://${terraform:remote/db_endpoint}/x
                """);
        Map<String, String> variables = Map.of("PATH", terraform.getParent().toString());

        ConfigException notApplied = catchThrowableOfType(ConfigException.class, () -> config.resolve("prod", variables::get));
        assertThat(notApplied.getMessage()).isEqualTo(dir.resolve("strata.yaml") + ":5:12: environments.prod.database.url: "
                + "`${terraform:infra/db_endpoint}`: Terraform output `db_endpoint` not found in " + dir.resolve("infra")
                + "; there are no outputs: has `terraform apply` run?");

        ConfigException notInitialised = catchThrowableOfType(ConfigException.class, () -> config.resolve("remote", variables::get));
        assertThat(notInitialised.getMessage()).startsWith(dir.resolve("strata.yaml") + ":8:12: environments.remote.database.url: "
                + "`${terraform:remote/db_endpoint}`: `terraform output -json` in " + dir.resolve("remote") + " failed (exit 1): Error: ")
                .contains("terraform init");
    }

    private void terraform(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(terraform.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.resolve("infra").toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("terraform " + String.join(" ", args) + "\n" + output).isZero();
    }
}
