package io.strata.cli.command;

import io.strata.access.adopt.SpecImporter;
import io.strata.access.model.AccessCatalog;
import io.strata.access.spec.AccessSpecReader;
import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata access import|who-can|explain}: adopt an existing database, and audit who holds what. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Adopt an existing database's roles and grants; ask who can do what, now or on a past date.")
public final class AccessCommand {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Write access/imported.yaml from the live database, so that plan then shows no access changes.")
    int importSpec(
            @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: access/imported.yaml; - for stdout).")
            String out,
            @Option(names = "--schema", paramLabel = "SCHEMA", split = ",",
                    description = "Manage only these schemas (default: every user schema but Strata's own).")
            List<String> schemas,
            @Option(names = "--roles", paramLabel = "PATTERN", split = ",",
                    description = "Import only roles matching these globs (also written as managed_roles).")
            List<String> roles) {
        PrintWriter stdout = spec.commandLine().getOut();
        Platform platform = root.platform();
        AccessCatalog live = platform.access().observe(platform.target());
        SpecImporter.Result result = new SpecImporter(live, new SpecImporter.Options(
                schemas == null ? java.util.Set.of() : new LinkedHashSet<>(schemas), roles == null ? List.of() : roles))
                .run(live.dialect());
        if ("-".equals(out)) {
            stdout.print(result.yaml());
        } else {
            Path file = out == null ? platform.workspace().resolve(AccessSpecReader.DIRECTORY).resolve("imported.yaml")
                    : Path.of(out);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, result.yaml(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new StrataException(file + " exists already; nothing was written",
                        "move it away, or pass --out with another file name");
            } catch (IOException e) {
                throw new StrataException("cannot write " + file + ": " + e.getMessage());
            }
            stdout.println("Wrote " + platform.workspace().display(file) + ": " + result.roles() + " role(s), "
                    + result.grants() + " grant(s). `strata plan --layer access` should now show no changes.");
        }
        result.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
        return ExitCode.OK;
    }
}
