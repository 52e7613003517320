package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.cli.init.PlatformTemplate;
import io.strata.core.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata init}: what it writes, what it refuses, and that the platform it writes converges
 * on the embedded default as it is. (examples/customers-e2e builds and tests its sample pipeline.)
 */
class InitCommandTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli(Map.of());

    @Test
    void aNewPlatformConvergesOnTheEmbeddedDefaultAndThenPlansNoChanges() throws Exception {
        Cli.Result init = cli.run("-C", tmp.toString(), "init", "acme-data");
        assertThat(init.code()).as(init.toString()).isZero();
        Path platform = tmp.resolve("acme-data");
        assertThat(init.out()).startsWith("Created the platform `acme-data` in " + platform + ":\n  strata.yaml\n")
                .contains("  migrations/0001_init.sql\n", "  access/roles.yaml\n", "  k8s/orders-cronjob.yaml\n",
                        "  pipelines/orders/src/main/java/com/example/acmedata/OrderTransforms.java\n",
                        "  pipelines/orders/src/test/java/com/example/acmedata/OrderTransformsTest.java\n",
                        "  .github/workflows/platform.yml\n", "  .gitlab-ci.yml\n", "  cd acme-data\n");
        assertThat(ProjectConfig.load(platform).name()).isEqualTo("acme-data");
        assertThat(Files.readString(platform.resolve(".gitignore"))).contains(".strata/\n", "target/\n");
        assertThat(Files.readString(platform.resolve("pipelines/orders/pom.xml")))
                .contains("<groupId>com.example.acmedata</groupId>", "<mainClass>com.example.acmedata.Main</mainClass>",
                        "<artifactId>strata-pipeline</artifactId>");

        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("0001_init.sql", "analyst", "orders_pipeline", "+ orders")
                    .contains("Apply complete:");
            Cli.Result plan = cli.run("-C", c, "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("No changes.");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }

    @Test
    void refusesAFolderThatHoldsAnythingButGitNamingWhatIsThere() throws Exception {
        Path existing = tmp.resolve("existing");
        Files.createDirectories(existing.resolve("src"));
        Files.writeString(existing.resolve("notes.txt"), "keep me");

        Cli.Result refused = cli.run("-C", tmp.toString(), "init", "existing");

        assertThat(refused.code()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains(existing + " is not empty: it holds notes.txt, src/", "new or empty folder");
        assertThat(Files.readString(existing.resolve("notes.txt"))).isEqualTo("keep me");
        assertThat(existing.resolve("strata.yaml")).doesNotExist();

        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Cli.Result inGitRepo = cli.run("-C", repo.toString(), "init");
        assertThat(inGitRepo.code()).as(inGitRepo.toString()).isZero();
        assertThat(inGitRepo.out()).doesNotContain("  cd ");
        assertThat(ProjectConfig.load(repo).name()).isEqualTo("repo");
    }

    @Test
    void aFolderNameThatIsNoPlatformNameAsksForOne() {
        Cli.Result refused = cli.run("-C", tmp.toString(), "init", "2026 platform");

        assertThat(refused.code()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains("`2026 platform` is not a valid platform name", "--name");
        assertThat(tmp.resolve("2026 platform")).doesNotExist();

        Cli.Result named = cli.run("-C", tmp.toString(), "init", "2026 platform", "--name", "int");
        assertThat(named.code()).as(named.toString()).isZero();
        // `int` cannot be a Java package segment.
        assertThat(tmp.resolve("2026 platform/pipelines/orders/src/main/java/com/example/int_/Main.java")).exists();
    }

    @Test
    void everyPlaceholderIsFilledAndTheCiWorkflowsAreTheExamplesOwn() throws Exception {
        Pattern leftover = Pattern.compile("(?<!\\$)\\{\\{");
        for (PlatformTemplate.File file : PlatformTemplate.render("sales-eu")) {
            assertThat(leftover.matcher(file.content()).find()).as(file.path()).isFalse();
            assertThat(file.path()).doesNotContain("{{");
        }
        Path example = ExamplePlatform.source();
        for (String workflow : new String[] {".github/workflows/platform.yml", ".gitlab-ci.yml"}) {
            assertThat(PlatformTemplate.render("x").stream().filter(f -> f.path().equals(workflow)).findFirst()
                    .orElseThrow().content()).as(workflow).isEqualTo(Files.readString(example.resolve(workflow)));
        }
    }
}
