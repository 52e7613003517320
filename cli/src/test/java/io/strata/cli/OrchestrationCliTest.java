package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example platform's CronJob through the CLI: scheduled, rescheduled, a second one unscheduled. */
class OrchestrationCliTest {

    @TempDir
    Path tmp;

    @Test
    void schedulesAreAppliedChangedAndRemovedThroughTheCli() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Path manifest = platform.resolve("k8s/customers-cronjob.yaml");
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("  + customers-enrichment   pipeline customers, schedule \"0 3 * * *\","
                    + " k8s/customers-cronjob.yaml\n").contains("Apply complete: 21 change(s) applied to dev.");
            assertThat(cli.run("-C", c, "apply", "--auto-approve").out()).contains("Nothing to apply.");

            Cli.Result only = cli.run("-C", c, "plan", "--layer", "orchestration");
            assertThat(only.out()).contains("orchestration: no changes").doesNotContain("storage:");

            Files.writeString(manifest, Files.readString(manifest).replace("\"0 3 * * *\"", "\"0 4 * * *\""));
            Cli.Result changed = cli.run("-C", c, "plan", "--detailed-exitcode");
            assertThat(changed.code()).as(changed.toString()).isEqualTo(ExitCode.CHANGES);
            assertThat(changed.out()).contains("  ~ customers-enrichment   schedule \"0 3 * * *\" → \"0 4 * * *\"\n")
                    .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
            JsonNode json = new ObjectMapper().readTree(cli.run("-C", c, "plan", "--layer", "orchestration",
                    "--format", "json").out());
            assertThat(json.at("/layers/0/changes/0/action").asText()).isEqualTo("alter");
            assertThat(json.at("/layers/0/changes/0/attributes/schedule").asText()).isEqualTo("0 4 * * *");
            assertThat(json.at("/layers/0/changes/0/attributes/manifest").asText()).contains("schedule: \"0 4 * * *\"");

            assertThat(cli.run("-C", c, "apply", "--auto-approve").out()).contains("Apply complete: 1 change(s)");
            Cli.Result observe = cli.run("-C", c, "observe", "--layer", "orchestration");
            assertThat(observe.code()).as(observe.toString()).isZero();
            assertThat(observe.out()).contains("orchestration in sync   1 CronJob(s) on the local scheduler\n"
                    + "    customers: customers-enrichment  0 4 * * * (");

            Path hourly = platform.resolve("k8s/customers-hourly.yaml");
            Files.writeString(hourly, Files.readString(manifest).replace("customers-enrichment", "customers-hourly")
                    .replace("\"0 4 * * *\"", "\"@hourly\""));
            assertThat(cli.run("-C", c, "apply", "--auto-approve").out()).contains("Apply complete: 1 change(s)");
            Files.delete(hourly);
            Cli.Result refused = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.ERROR);
            assertThat(refused.err()).contains("1 unsafe change(s); nothing was applied",
                    "- customers-hourly: pipeline customers, was k8s/customers-hourly.yaml: no longer in k8s/");
            Cli.Result removed = cli.run("-C", c, "apply", "--auto-approve", "--allow-unsafe");
            assertThat(removed.code()).as(removed.toString()).isZero();
            assertThat(cli.run("-C", c, "plan", "--detailed-exitcode").code()).isZero();
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }
}
