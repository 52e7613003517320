package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.Format;
import io.strata.cli.render.PlanView;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata plan}: the difference between the files and the live system. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change, for every layer. Changes nothing.")
public final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the plan to FILE, for `strata apply FILE`.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), json or markdown.")
    private Format format = Format.TEXT;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none.")
    private boolean detailedExitCode;

    @Option(names = "--layer", paramLabel = "LAYER", split = ",", description = "Only these layers (e.g. storage).")
    private List<String> layers = List.of();

    @Override
    public Integer call() {
        Platform platform = root.platform();
        Set<String> only = new LinkedHashSet<>(layers);
        Plan plan = platform.loop(StrataCommand.version()).plan(only);
        spec.commandLine().getOut().print(PlanView.of(format).render(plan, platform.database().displayUrl()));
        if (out != null) {
            PlanFile.write(plan, out);
            spec.commandLine().getErr().println("Saved the plan to " + out + "; apply it with `strata apply " + out + "`.");
        }
        return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
