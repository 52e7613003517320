package io.strata.cli.command;

import io.strata.cli.Cluster;
import io.strata.cli.ExitCode;
import io.strata.cli.StrataCommand;
import io.strata.core.config.ProjectConfig;
import io.strata.core.error.StrataException;
import io.strata.core.git.GitInfo;
import io.strata.core.layer.Workspace;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.kubernetes.RenderedManifests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata render --env E --out DIR}: the CronJobs exactly as {@code apply} would write them
 * to the environment's cluster, for a GitOps controller to apply. Needs no database and does not
 * contact the cluster.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the environment's Kubernetes manifests (images filled in, labels added) to a folder.")
public final class RenderCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write <name>.yaml files to.")
    private Path out;

    @Override
    public Integer call() {
        Path platform = root.root();
        ProjectConfig config = ProjectConfig.load(platform);
        // Rendered as that environment would deploy them: suspended where it says suspend_schedules.
        boolean suspend = config.environment(root.environment()).policy().suspendSchedules();
        Cluster cluster = Cluster.open(platform, config, root.environment(), root.variables(), suspend)
                .orElseThrow(() -> notKubernetes(root.environment(), "render writes the manifests of a Kubernetes environment"));
        DesiredCluster desired = cluster.layer().declare(new Workspace(platform, GitInfo.headCommit(platform)));
        PrintWriter writer = spec.commandLine().getOut();
        desired.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        List<Path> files = RenderedManifests.write(desired.cronJobs(), root.environment(), out);
        files.forEach(f -> writer.println("wrote " + f));
        writer.println(files.size() + " manifest(s) for namespace " + cluster.namespace() + ".");
        return ExitCode.OK;
    }

    static StrataException notKubernetes(String environment, String what) {
        return new StrataException(what + ", and environment `" + environment + "` uses the local scheduler",
                "pass --env with an environment whose strata.yaml has `scheduler: {kubernetes: {...}}`"
                        + " (docs/kubernetes.md)");
    }
}
