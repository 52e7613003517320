package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.RunView;
import io.strata.core.error.StrataException;
import io.strata.orchestration.local.ChildRun;
import io.strata.orchestration.local.Engine;
import io.strata.orchestration.local.EngineSettings;
import io.strata.orchestration.local.JvmCommand;
import io.strata.orchestration.local.LogTail;
import io.strata.orchestration.local.MavenBuild;
import io.strata.orchestration.local.PipelineLauncher;
import io.strata.orchestration.local.StartedRun;
import io.strata.orchestration.manifest.ManifestReader;
import io.strata.pipeline.run.Pipeline;
import io.strata.pipeline.run.RunRecord;
import io.strata.pipeline.run.RunStatus;
import io.strata.pipeline.run.Trigger;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata run PIPELINE}: one run, here and now, as the scheduler would start it; then its record. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline once in its own JVM against the environment's database: build it if needed,"
                + " stream its output, then print its run record.")
public final class RunCommand implements Callable<Integer> {

    /** How long a run killed at --timeout gets to end by itself before it is killed outright. */
    static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private static final int TAIL_LINES = 20;

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE", description = "A folder under pipelines/.")
    private String pipeline;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill the run and its processes after this long (30s, 5m, 2h); default: no limit.")
    private Duration timeout;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "plain or spark: overrides what the pipeline's CronJob (strata.io/engine) or module declares.")
    private String engine;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Platform platform = root.platform();
        PipelineLauncher launcher = platform.launcher(MavenBuild.from(root.variables()), ChildRun.DEFAULT_LOG_CAP);
        JvmCommand command = launcher.prepare(pipeline, engineSettings(), line -> {
            err.println("strata: " + line);
            err.flush();
        });
        StartedRun run = launcher.start(pipeline, command, Trigger.MANUAL, out);
        err.println("strata: run " + run.runId() + " of " + pipeline + " started (pid " + run.child().pid()
                + "); its output is also in " + run.child().log());
        err.flush();
        boolean ended = run.child().waitFor(timeout);
        if (!ended) {
            run.child().kill(KILL_GRACE);
        }
        int exit = run.child().exitCode();
        out.println();
        if (!ended) {
            out.println(pipeline + ": killed after --timeout " + timeout.toString().substring(2).toLowerCase()
                    + ", with its child processes");
        }
        Optional<RunRecord> record = launcher.runStore().find(run.runId());
        if (record.isEmpty()) {
            throw new StrataException(pipeline + " exited with code " + exit + " and left no run record"
                    + (exit == Pipeline.MISCONFIGURED ? " (2: it could not start, a setting is missing or wrong)"
                            : " (it ended before Pipeline.run recorded a start)")
                    + "; its log is " + run.child().log() + ", ending:\n" + LogTail.of(run.child().log(), TAIL_LINES),
                    "read the log; a pipeline's main must call Pipeline.named(...).run(...) (docs/pipelines.md)");
        }
        out.print(RunView.render(record.get(), run.child().log()));
        if (record.get().status() == RunStatus.RUNNING) {
            out.println("  the record stays `running`: the run was killed before it could record its end");
        }
        return ended && exit == 0 && record.get().status() == RunStatus.SUCCEEDED ? ExitCode.OK : ExitCode.ERROR;
    }

    /**
     * The engine and Spark settings of this run: what the CronJobs in k8s/ that run the pipeline
     * declare (as the scheduler would run it), with --engine overriding the engine.
     */
    private EngineSettings engineSettings() {
        Path k8s = root.root().resolve("k8s");
        EngineSettings declared = Files.isDirectory(k8s)
                ? EngineSettings.forPipeline(pipeline, ManifestReader.readDirectory(k8s).cronJobs())
                : EngineSettings.NONE;
        return engine == null ? declared : declared.overriddenBy(Engine.parse(engine, "--engine"));
    }
}
