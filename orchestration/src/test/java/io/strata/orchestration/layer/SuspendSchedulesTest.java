package io.strata.orchestration.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.config.ConfigException;
import io.strata.core.layer.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `suspend_schedules: true`: the registered manifest says `suspend: true`, the rest of its text unchanged. */
class SuspendSchedulesTest {

    @TempDir
    Path root;

    private static final String CRONJOB = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: %s
              annotations:
                strata.io/pipeline: customers
            spec:
            %s  schedule: "0 3 * * *"   # nightly
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: c
                          image: ${image:customers}
            """;

    @Test
    void everyCronJobIsDeclaredSuspendedWithItsCommentsKept() throws IOException {
        write(CRONJOB.formatted("plain", "") + "---\n" + CRONJOB.formatted("explicit", "  suspend: false # paused by hand\n"));
        DeclaredSchedules suspended = new OrchestrationLayer("postgresql", Clock.systemUTC(), true)
                .declare(new Workspace(root, "none"));
        assertThat(suspended.cronJobs()).allSatisfy(c -> assertThat(c.fields().suspend()).isTrue());
        assertThat(suspended.cronJobs().get(0).document()).contains("spec:\n  suspend: true  # suspend_schedules: true"
                + " in strata.yaml\n  schedule: \"0 3 * * *\"   # nightly\n");
        assertThat(suspended.cronJobs().get(1).document()).contains("  suspend: true # paused by hand  # suspend_schedules");
        assertThat(ScheduleChanges.create(suspended.cronJobs().get(0)).summary()).contains("suspended");

        DeclaredSchedules active = new OrchestrationLayer("postgresql", Clock.systemUTC())
                .declare(new Workspace(root, "none"));
        assertThat(active.cronJobs()).allSatisfy(c -> assertThat(c.fields().suspend()).isFalse());
        assertThat(active.cronJobs().get(0).hash()).isNotEqualTo(suspended.cronJobs().get(0).hash());
    }

    @Test
    void aFlowStyleSpecIsAnErrorAtItsLine() throws IOException {
        write("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: flow, annotations: {strata.io/pipeline: customers}}
                spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: x}]}}}}}
                """);
        assertThatThrownBy(() -> new OrchestrationLayer("postgresql", Clock.systemUTC(), true)
                .declare(new Workspace(root, "none"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("k8s/jobs.yaml:4:1: spec: this environment has `suspend_schedules: true`");
    }

    private void write(String manifests) throws IOException {
        Files.createDirectories(root.resolve("pipelines/customers"));
        Files.writeString(root.resolve("pipelines/customers/pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("k8s"));
        Files.writeString(root.resolve("k8s/jobs.yaml"), manifests);
    }
}
