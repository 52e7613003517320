package io.strata.cli.command;

import io.strata.cli.Cluster;
import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.orchestration.kubernetes.Rollback;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata rollback PIPELINE [--to TAG]}: points the pipeline's CronJobs in the environment's
 * cluster back to the previous image, or to TAG, under the apply lock, and journals it as a
 * {@code rollback}. Git is left alone: {@code plan} shows the difference until Git catches up.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Point a pipeline's CronJob back to its previous image (or --to TAG); Kubernetes environments only.")
public final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline (its folder under pipelines/).")
    private String pipeline;

    @Option(names = "--to", paramLabel = "TAG", description = "The tag to go to (default: the image before the last change).")
    private String tag;

    @Override
    public Integer call() {
        Platform platform = root.platform();
        Cluster cluster = platform.cluster().orElseThrow(() -> RenderCommand.notKubernetes(root.environment(),
                "rollback points a Kubernetes CronJob at another image; the local scheduler runs the pipeline's"
                        + " sources as they are in k8s/ and pipelines/, so revert the commit there instead"));
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        try (ApplyLock lock = platform.store().lock(platform.lockTimeout())) {
            List<Rollback.Result> results;
            try {
                results = new Rollback(cluster.client(), cluster.namespace())
                        .rollback(pipeline, Optional.ofNullable(tag), started);
            } catch (StrataException e) {
                platform.store().record(entry(platform, started, List.of("~ orchestration " + pipeline + " rollback"),
                        JournalEntry.Outcome.FAILED, e.getMessage()));
                throw e;
            }
            List<String> changes = results.stream().map(r -> "~ orchestration " + r.name() + " image " + r.from() + " → "
                    + r.to()).toList();
            platform.store().record(entry(platform, started, changes, JournalEntry.Outcome.SUCCEEDED, null));
            results.forEach(r -> out.println("rolled back " + r.name() + ": " + r.from() + " → " + r.to()));
        }
        out.println("Journalled. `strata plan` shows the difference from Git until Git catches up.");
        return ExitCode.OK;
    }

    private JournalEntry entry(Platform platform, Instant started, List<String> changes, JournalEntry.Outcome outcome,
            String error) {
        return new JournalEntry("rollback", root.environment(), started, Instant.now(), platform.user(),
                platform.workspace().gitCommit(), "none", changes, outcome, error);
    }
}
