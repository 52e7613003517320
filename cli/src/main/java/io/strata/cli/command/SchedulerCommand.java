package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.orchestration.local.ChildRun;
import io.strata.orchestration.local.MavenBuild;
import io.strata.orchestration.local.ScheduledCronJob;
import io.strata.orchestration.local.Scheduler;
import io.strata.orchestration.local.SchedulerStore;
import io.strata.orchestration.local.Sleeper;
import io.strata.orchestration.manifest.ManifestReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata scheduler}: the local scheduler, in the foreground, until Ctrl-C or SIGTERM. */
@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = "Run the pipelines when their CronJobs in k8s/ are due, as the Kubernetes CronJob controller"
                + " would, until stopped (Ctrl-C, SIGTERM).")
public final class SchedulerCommand implements Callable<Integer> {

    /** How long a stop waits for the scheduler to let runs finish and record it, beyond the grace. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--once", description = "Decide once, run what is due now, wait for those runs (retries"
            + " included), exit.")
    private boolean once;

    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On stop, how long running runs get to finish before they are killed (default 30s).")
    private Duration grace = Duration.ofSeconds(30);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> print = line -> {
            out.println(line);
            out.flush();
        };
        Platform platform = root.platform();
        Supplier<List<ScheduledCronJob>> cronJobs = fromManifests(platform.workspace().root().resolve("k8s"), print);
        List<ScheduledCronJob> first = cronJobs.get();
        print.accept("strata scheduler: environment " + platform.target().environment() + ", database "
                + platform.database().displayUrl() + "; " + first.size() + " CronJob(s) in k8s/, read again on every look"
                + (once ? "; --once" : "; Ctrl-C stops"));
        for (ScheduledCronJob cronJob : first) {
            print.accept("  " + cronJob.name() + ": pipelines/" + cronJob.pipeline() + ", \"" + cronJob.schedule().schedule()
                    + "\", " + cronJob.schedule().concurrencyPolicy().manifestName()
                    + (cronJob.schedule().suspend() ? ", suspended" : ""));
        }
        Scheduler.Options defaults = Scheduler.Options.defaults();
        Scheduler scheduler = new Scheduler(cronJobs,
                platform.launcher(MavenBuild.from(root.variables()), ChildRun.DEFAULT_LOG_CAP),
                new SchedulerStore(platform.database()), Clock.systemDefaultZone(), Sleeper.REAL,
                new Scheduler.Options(defaults.killGrace(), grace, defaults.maxSleep()), print);
        // SIGTERM or Ctrl-C: stop deciding, let the runs finish within the grace, record the stop, exit 0.
        Thread hook = new Thread(() -> {
            scheduler.stop();
            try {
                scheduler.awaitStopped(grace.plus(STOP_MARGIN));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            spec.commandLine().getErr().flush();
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "strata-scheduler-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (once) {
                scheduler.runOnce();
            } else {
                scheduler.run();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook is under way and ends the process.
            }
        }
        return ExitCode.OK;
    }

    /** The CronJobs of the k8s/ folder, read on every call; each note (a CronJob naming no pipeline) said once. */
    private static Supplier<List<ScheduledCronJob>> fromManifests(Path k8s, Consumer<String> print) {
        Set<String> said = new HashSet<>();
        return () -> ScheduledCronJob.of(ManifestReader.readDirectory(k8s).cronJobs(), note -> {
            if (said.add(note)) {
                print.accept("note: " + note);
            }
        });
    }
}
