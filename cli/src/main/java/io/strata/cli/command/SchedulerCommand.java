package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import io.strata.orchestration.local.ChildRun;
import io.strata.orchestration.local.MavenBuild;
import io.strata.orchestration.local.EngineSettings;
import io.strata.orchestration.local.ScheduledCronJob;
import io.strata.orchestration.local.Scheduler;
import io.strata.orchestration.local.SchedulerStore;
import io.strata.orchestration.local.Sleeper;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.ScheduleRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
        description = "Run the pipelines when their applied CronJobs (k8s/, by strata apply) are due, as the Kubernetes CronJob controller"
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
        if (platform.cluster().isPresent()) {
            // Its CronJobs are applied to the cluster, whose controller runs them: a second,
            // local scheduler would run every pipeline twice.
            throw new StrataException("environment `" + platform.target().environment() + "` schedules its pipelines"
                    + " on Kubernetes (scheduler: kubernetes in strata.yaml): the cluster's CronJob controller runs them",
                    "use `strata --env " + platform.target().environment() + " observe` to see their runs, or run the"
                            + " local scheduler for an environment with the local scheduler");
        }
        Supplier<List<ScheduledCronJob>> cronJobs = fromRegistry(platform.database(), print);
        List<ScheduledCronJob> first = cronJobs.get();
        print.accept("strata scheduler: environment " + platform.target().environment() + ", database "
                + platform.database().displayUrl() + "; " + first.size() + " CronJob(s) applied, read again on every"
                + " look" + (once ? "; --once" : "; Ctrl-C stops"));
        if (first.isEmpty()) {
            print.accept("  nothing is scheduled: `strata apply` puts the CronJobs of k8s/ into the schedule registry");
        }
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

    /**
     * The CronJobs applied to the environment's schedule registry (what `strata apply` made of
     * k8s/, not the files as they are now), read on every call. A row that no longer parses was
     * edited outside Strata: it is left aside and said once, and the others run.
     */
    private static Supplier<List<ScheduledCronJob>> fromRegistry(Database database, Consumer<String> print) {
        Set<String> said = new HashSet<>();
        return () -> {
            List<ScheduledCronJob> cronJobs = new ArrayList<>();
            for (RegisteredCronJob row : ScheduleRegistry.read(database)) {
                try {
                    CronJobManifest manifest = row.cronJob();
                    cronJobs.add(new ScheduledCronJob(row.name(), row.pipeline(), manifest.schedule(), manifest.retry(),
                            Optional.of(row.createdAt()), EngineSettings.of(manifest)));
                } catch (StrataException e) {
                    if (said.add(row.name() + e.getMessage())) {
                        print.accept("note: CronJob " + row.name() + " is left aside: " + e.describe());
                    }
                }
            }
            return cronJobs;
        };
    }
}
