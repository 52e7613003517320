package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.StrataCommand;
import io.strata.core.config.ImageSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.error.StrataException;
import io.strata.orchestration.image.BuildResult;
import io.strata.orchestration.image.ImageBuilder;
import io.strata.orchestration.image.ImageTarget;
import io.strata.orchestration.image.MavenModuleBuild;
import io.strata.orchestration.image.PipelineModule;
import io.strata.orchestration.manifest.CronJobManifest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata build [PIPELINE...] [--to-tar FILE|DIR]}: one image per pipeline, tagged with the
 * content hash of its inputs, pushed to the environment's registry or written as OCI tarballs.
 * Needs no database.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build one image per pipeline (pipelines/<name>/) and push it, unless the registry already has it.")
public final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--to-tar", paramLabel = "FILE|DIR",
            description = "Write OCI image tarballs instead of pushing: FILE.tar for one pipeline, else DIR/<pipeline>.tar.")
    private Path toTar;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*", description = "The pipelines to build (default: all).")
    private List<String> pipelines = List.of();

    @Override
    public Integer call() {
        Path platform = root.root();
        ProjectConfig config = ProjectConfig.load(platform);
        ImageSettings settings = config.resolveImages(root.environment(), root.variables()::get);
        List<CronJobManifest> cronJobs = PipelineModule.cronJobs(platform);
        List<PipelineModule> modules = PipelineModule.select(platform, pipelines).stream()
                .map(module -> module.onItsEngine(platform, cronJobs)).toList();
        if (toTar != null && toTar.toString().endsWith(".tar") && modules.size() > 1) {
            throw new StrataException("--to-tar " + toTar + " names one file, but " + modules.size() + " pipelines are built",
                    "pass a folder to get one <pipeline>.tar each, or name one pipeline");
        }
        ImageBuilder builder = new ImageBuilder(config.name(), settings, new MavenModuleBuild(maven(platform)),
                platform.resolve(".strata").resolve("images"), StrataCommand.version());
        PrintWriter out = spec.commandLine().getOut();
        int built = 0;
        for (PipelineModule module : modules) {
            BuildResult result = builder.build(module, target(module, settings));
            built += result.outcome() == BuildResult.Outcome.BUILT ? 1 : 0;
            out.println(line(result));
            out.flush();
        }
        out.println(modules.size() + (modules.size() == 1 ? " image: " : " images: ") + built + " built, "
                + (modules.size() - built) + " unchanged.");
        return ExitCode.OK;
    }

    private ImageTarget target(PipelineModule module, ImageSettings settings) {
        if (toTar != null) {
            Path file = toTar.toString().endsWith(".tar") ? toTar : toTar.resolve(module.name() + ".tar");
            return new ImageTarget.Tarball(file.toAbsolutePath().normalize());
        }
        return new ImageTarget.Registry(settings.registryIfDeclared().orElseThrow(() -> new StrataException(
                "environment `" + root.environment() + "` declares no registry to push images to",
                "add `images: {registry: {url: HOST/PATH}}` to it in strata.yaml, or pass --to-tar DIR")));
    }

    /** The platform's Maven wrapper when it has one, so images build with the Maven its developers use. */
    public static List<String> maven(Path platform) {
        Path wrapper = platform.resolve("mvnw");
        return List.of(Files.isExecutable(wrapper) ? wrapper.toString() : "mvn");
    }

    static String line(BuildResult result) {
        String outcome = result.outcome() == BuildResult.Outcome.BUILT ? "built" : "unchanged,";
        return String.format(Locale.ROOT, "%s: %s %s (%.1f MB, %.1f s)", result.pipeline(), outcome, result.pinned(),
                result.sizeBytes() / 1_000_000.0, result.elapsed().toMillis() / 1000.0);
    }
}
