package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.Format;
import io.strata.cli.render.PlanView;
import io.strata.core.error.StrataException;
import io.strata.core.loop.ApplyOptions;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import java.io.PrintWriter;
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

/** {@code strata apply [FILE]}: converge the live system, exactly as planned. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Converge the live system to the files: plan, confirm, apply; or apply a saved plan file.")
public final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan written by `strata plan --out`.")
    private Path planFile;

    @Option(names = "--auto-approve", description = "Do not ask for confirmation.")
    private boolean autoApprove;

    @Option(names = "--allow-unsafe", description = "Apply destructive or unsafe changes of a fresh plan.")
    private boolean allowUnsafe;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS",
            description = "Wait at most this long for another apply (default: the environment's lock_timeout).")
    private Integer lockTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan reviewed = planFile == null ? null : PlanFile.read(planFile);
        Platform platform = root.platform();
        if (allowUnsafe && !platform.policy().allowUnsafe()) {
            throw new StrataException("environment " + root.environment() + " has `allow_unsafe: false` (production"
                    + " environments do by default): --allow-unsafe is refused there; nothing was applied",
                    "save the plan (strata plan --out plan.json), have it reviewed, and apply that file:"
                            + " strata apply plan.json");
        }
        Duration lockTimeout = lockTimeoutSeconds == null ? platform.lockTimeout() : Duration.ofSeconds(lockTimeoutSeconds);
        ApplyOptions options = new ApplyOptions(reviewed, allowUnsafe, lockTimeout, platform.user(),
                plan -> out.print(PlanView.of(Format.TEXT).render(plan, platform.database().displayUrl())),
                plan -> reviewed != null || autoApprove || confirm(plan),
                line -> {
                    err.println(line);
                    err.flush();
                });
        ApplyResult result = platform.loop(StrataCommand.version()).apply(options);
        switch (result.status()) {
            case NO_CHANGES -> out.println("Nothing to apply.");
            case CANCELLED -> out.println("Apply cancelled; nothing was changed.");
            case APPLIED -> out.println("Apply complete: " + result.plan().changes().size() + " change(s) applied to "
                    + result.plan().environment() + ".");
        }
        return ExitCode.OK;
    }

    private boolean confirm(Plan plan) {
        Optional<String> answer = root.prompt().ask("\nApply these " + plan.changes().size()
                + " change(s) to environment " + plan.environment() + "? Only 'yes' is accepted: ");
        if (answer.isEmpty()) {
            throw new StrataException("apply needs a confirmation, and there is no terminal to ask; nothing was applied",
                    "pass --auto-approve, or apply a reviewed plan file (strata plan --out plan.json)");
        }
        return answer.get().strip().equals("yes");
    }
}
