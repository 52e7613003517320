package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.StrataCommand;
import io.strata.cli.init.PlatformTemplate;
import io.strata.cli.init.PlatformWriter;
import io.strata.core.config.ProjectConfig;
import io.strata.core.error.StrataException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata init [DIR] [--name NAME]}: a new platform repository that converges as it is. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new platform repository in DIR (new or empty): strata.yaml, a first migration, an access"
                + " spec, a sample pipeline with its test, its CronJob, .gitignore, a README and the CI workflows.")
public final class InitCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The folder to create, relative to -C (default: the -C folder itself).")
    private Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "The platform's name (default: the folder's name).")
    private String name;

    @Override
    public Integer call() {
        Path target = dir == null ? root.root() : root.root().resolve(dir).normalize();
        String platform = name != null ? name : String.valueOf(target.getFileName());
        if (!ProjectConfig.isValidName(platform)) {
            throw new StrataException("`" + platform + "` is not a valid platform name: expected a letter followed by up"
                    + " to 62 letters, digits, `_` or `-`", name != null ? "pass a name like `customers` or `sales-eu`"
                            : "pass one with --name, e.g. --name customers");
        }
        List<PlatformTemplate.File> files = PlatformTemplate.render(platform);
        PlatformWriter.write(target, files);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Created the platform `" + platform + "` in " + target + ":");
        files.forEach(f -> out.println("  " + f.path()));
        Path shown = root.root().relativize(target);
        String cd = shown.toString().isEmpty() ? "" : "  cd " + shown + "\n";
        out.println("\nNext:\n" + cd
                + "  strata apply --auto-approve    # the embedded PostgreSQL: schemas, tables, roles, the schedule\n"
                + "  strata plan                    # No changes.\n"
                + "  strata run orders              # build the sample pipeline and run it once\n"
                + "Then read README.md; CI needs a staging environment (strata.yaml says how).");
        return ExitCode.OK;
    }
}
