package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata run} on stand-in pipelines (jars running the orchestration tests' TestMain) against
 * a database on the PostgreSQL server: records, runs that leave none, the timeout. The article's
 * customers pipeline runs end to end in examples/customers-e2e, where its jar is built.
 */
class RunCommandTest {

    @TempDir
    Path platform;

    private StandInPlatform standIns;
    private Cli cli;

    @BeforeEach
    void platform() throws Exception {
        standIns = new StandInPlatform(platform);
        cli = new Cli(standIns.variables());
    }

    @AfterEach
    void dropDatabase() {
        standIns.close();
    }

    @Test
    void printsTheRunRecordOfASucceededRun() throws Exception {
        standIn("ok", "pipeline:ok");
        Cli.Result r = run("ok");
        assertThat(r.code()).as(r.toString()).isZero();
        Matcher id = Pattern.compile("run id:\\s+(\\S+)").matcher(r.out());
        assertThat(id.find()).as(r.out()).isTrue();
        assertThat(r.out()).contains("test main: run " + id.group(1) + " manual", "stand-in: succeeded\n",
                "  trigger:  manual\n", "  image:    ok.jar@sha256:", "  read:     nothing\n",
                "  log:      " + platform.resolve(".strata/staging/runs/ok/" + id.group(1) + ".log"))
                .doesNotContain("not-a-real-secret");
        assertThat(r.err()).doesNotContain("not-a-real-secret");
    }

    @Test
    void theRunSendsItsOpenLineageEventsWhereTheEnvironmentSays() throws Exception {
        Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml")) + """
                    lineage:
                      openlineage:
                        file: lineage/events.jsonl
                        namespace: stand-ins
                """);
        standIn("ok", "pipeline:ok");
        Cli.Result r = run("ok");
        assertThat(r.code()).as(r.toString()).isZero();
        Matcher id = Pattern.compile("run id:\\s+(\\S+)").matcher(r.out());
        assertThat(id.find()).as(r.out()).isTrue();

        List<String> events = Files.readAllLines(platform.resolve("lineage/events.jsonl"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("\"eventType\":\"START\"", "\"namespace\":\"stand-ins\"", id.group(1));
        assertThat(events.get(1)).contains("\"eventType\":\"COMPLETE\"", id.group(1));
    }

    @Test
    void theEnvironmentsVariablesReachTheRun() throws Exception {
        Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml")) + """
                    variables:
                      GREETING: hello from staging
                      API_TOKEN: ${env:STAGING_DATABASE_PASSWORD}
                """);
        standIn("vars", "print-env:GREETING,API_TOKEN");
        Cli.Result r = run("vars");
        String all = r.out() + r.err();
        assertThat(all).as(r.toString()).contains("test main: GREETING=hello from staging",
                "test main: API_TOKEN=not-a-real-secret");
        // Only the child printed the value (its output, and the log tail quoting it): Strata's own lines never do.
        assertThat(all.lines().filter(l -> l.contains("not-a-real-secret")).toList())
                .allMatch(l -> l.strip().startsWith("test main: "));
    }

    @Test
    void onlyARunNeedsThePipelinesVariablesResolved() throws Exception {
        Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml")) + """
                    variables:
                      API_TOKEN: ${env:PIPELINE_ONLY_TOKEN}
                """);
        standIn("vars", "print-env:API_TOKEN");

        Cli.Result observe = cli.run("-C", platform.toString(), "--env", "staging", "observe");
        assertThat(observe.code()).as(observe.toString()).isIn(ExitCode.OK, ExitCode.DRIFT);
        Cli.Result r = run("vars");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("environments.staging.variables.API_TOKEN", "`PIPELINE_ONLY_TOKEN` is not set");
    }

    @Test
    void aFailedRunExitsOneWithItsError() throws Exception {
        standIn("bad", "pipeline:fail");
        Cli.Result r = run("bad");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("stand-in: failed\n", "  error:    the stand-in failed, as asked\n");
    }

    @Test
    void anUnknownPipelineListsThoseThatExist() throws Exception {
        standIn("ok", "pipeline:ok");
        Cli.Result r = run("nope");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("error: no pipeline `nope`: pipelines/nope/pom.xml does not exist",
                "hint: the pipelines are: ok");
        assertThat(run("../ok").err()).contains("`../ok` is not a pipeline name");
    }

    @Test
    void aChildThatLeavesNoRecordIsSaidSoWithItsExitCodeAndLogTail() throws Exception {
        Path module = platform.resolve("pipelines/crash");
        Files.createDirectories(module.resolve("target"));
        Files.writeString(module.resolve("pom.xml"), "<project/>\n");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "no.such.Main");
        try (OutputStream out = Files.newOutputStream(module.resolve("target/crash.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Cli.Result r = run("crash");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("error: crash exited with code 1 and left no run record (it ended before"
                + " Pipeline.run recorded a start); its log is " + platform.resolve(".strata/staging/runs/crash"),
                "Could not find or load main class no.such.Main");
    }

    @Test
    void theTimeoutKillsTheRunWithItsProcesses() throws Exception {
        standIn("slow", "hang");
        Cli.Result r = run("slow", "--timeout", "3s");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("slow: killed after --timeout 3s, with its child processes");
        Matcher grandchild = Pattern.compile("grandchild (\\d+)").matcher(r.out());
        assertThat(grandchild.find()).as(r.toString()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(grandchild.group(1))).map(ProcessHandle::isAlive))
                .isIn(Optional.empty(), Optional.of(false));
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(new String[] {"-C", platform.toString(), "--env", "staging", "run"}, 0, all, 0, 5);
        System.arraycopy(args, 0, all, 5, args.length);
        return cli.run(all);
    }

    private void standIn(String name, String mode) throws Exception {
        standIns.standIn(name, mode);
    }
}
