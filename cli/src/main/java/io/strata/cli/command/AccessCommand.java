package io.strata.cli.command;

import io.strata.access.adopt.SpecImporter;
import io.strata.access.audit.AuditReport;
import io.strata.access.audit.SpecHistory;
import io.strata.access.audit.SpecVersion;
import io.strata.access.audit.Timeline;
import io.strata.access.spec.AccessSpec;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Command(name = "who-can", mixinStandardHelpOptions = true,
            description = "The roles and login users that hold PRIVILEGE on OBJECT, through memberships and PUBLIC,"
                    + " per the spec now or at a past date (git history), and when that spec was applied (journal).")
    int whoCan(
            @Parameters(index = "0", paramLabel = "PRIVILEGE", description = "e.g. SELECT") String privilege,
            @Parameters(index = "1", paramLabel = "OBJECT",
                    description = "marts.customers, schema:marts, sequence:raw.ids, function:marts.score(integer), database")
            String object,
            @Option(names = "--at", paramLabel = "DATE", description = "2026-03-01 (the end of that day, UTC) or an instant"
                    + " such as 2026-03-01T12:00:00Z") String at) {
        Platform platform = root.platform();
        Audit audit = audit(platform, at);
        List<String> lines = new ArrayList<>(AuditReport.whoCan(audit.spec(), audit.source(), privilege, object,
                audit.timeline().map(t -> AuditReport.applied(t, platform.target().environment())).orElse(List.of())));
        audit.timeline().ifPresent(t -> lines.addAll(AuditReport.appliedDifference(t, privilege, object)));
        lines.forEach(spec.commandLine().getOut()::println);
        return ExitCode.OK;
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "A role's effective privileges and the memberships they come through.")
    int explain(
            @Parameters(index = "0", paramLabel = "ROLE", description = "a declared role") String role,
            @Option(names = "--at", paramLabel = "DATE", description = "as for who-can") String at) {
        Platform platform = root.platform();
        Audit audit = audit(platform, at);
        AuditReport.explain(audit.spec(), audit.source(), role,
                audit.timeline().map(t -> AuditReport.applied(t, platform.target().environment())).orElse(List.of()))
                .forEach(spec.commandLine().getOut()::println);
        return ExitCode.OK;
    }

    private record Audit(AccessSpec spec, AuditReport.Source source, Optional<Timeline> timeline) {}

    private static Audit audit(Platform platform, String at) {
        if (at == null) {
            AccessSpec spec = platform.access().declare(platform.workspace());
            return new Audit(spec, new AuditReport.Source("the files in access/ now", Optional.empty()), Optional.empty());
        }
        Instant when = parseDate(at);
        try (SpecHistory history = SpecHistory.open(platform.workspace().root(), platform.database().dialect())) {
            SpecVersion version = history.inForceAt(when).orElseThrow(() -> new StrataException(
                    "no commit of the platform repository is as old as " + at, "pick a later date"));
            Timeline timeline = Timeline.of(version, when, platform.store().recent(100_000),
                    platform.target().environment(), history);
            return new Audit(version.spec(), new AuditReport.Source("commit " + version.shortCommit() + ", in force on "
                    + at, Optional.of(version)), Optional.of(timeline));
        }
    }

    static Instant parseDate(String text) {
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new StrataException("`" + text + "` is not a date", "write 2026-03-01 or 2026-03-01T12:00:00Z");
            }
        }
    }
}
