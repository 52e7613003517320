package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.Workspace;
import io.strata.core.git.GitInfo;
import io.strata.core.layer.ApplyContext;
import io.strata.storage.migration.MigrationImport;
import java.util.function.Function;
import io.strata.storage.migration.MigrationFiles;
import io.strata.storage.migration.MigrationSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata migrations new|repair}. */
@Command(name = "migrations", mixinStandardHelpOptions = true,
        description = "Create, repair, baseline and import migrations.")
public final class MigrationsCommand {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create migrations/<next number>_<name>.sql.")
    int create(@Parameters(paramLabel = "NAME", description = "What it does, e.g. add_customer_segment.") String name) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new StrataException("migration name `" + name + "` has no letters or digits",
                    "name it after what it does, e.g. add_customer_segment");
        }
        Path rootDir = root.root();
        MigrationSet set = MigrationFiles.read(new Workspace(rootDir, GitInfo.NO_COMMIT));
        Path dir = rootDir.resolve(MigrationFiles.DIRECTORY);
        Path file = dir.resolve(MigrationFiles.nextVersion(set, Instant.now()) + "_" + slug + ".sql");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "-- " + name.strip() + "\n\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new StrataException("cannot create " + file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("Created " + MigrationFiles.DIRECTORY + "/" + file.getFileName());
        return ExitCode.OK;
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Remove the history rows of failed migrations so the next apply retries them; says exactly what it changes.")
    int repair() {
        return journalled("repair", "Nothing to repair: no failed migrations in the history.",
                platform -> platform.storage().repair(platform.target()));
    }

    @Command(name = "baseline", mixinStandardHelpOptions = true,
            description = "Adopt an existing database: record the migrations up to VERSION as applied, without running them.")
    int baseline(@Parameters(paramLabel = "VERSION", description = "The last migration the database already reflects.")
            long version) {
        return journalled("baseline", "Nothing recorded.", platform -> platform.storage().baseline(platform.target(),
                platform.storage().declare(platform.workspace()), version,
                new ApplyContext(platform.user(), platform.workspace().gitCommit(), line -> {})));
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Copy another tool's migration folder into migrations/ under Strata's names, bytes unchanged.")
    int importFolder(@Parameters(paramLabel = "DIR", description = "The existing migrations folder.") Path source) {
        PrintWriter out = spec.commandLine().getOut();
        Path target = root.root().resolve(MigrationFiles.DIRECTORY);
        List<MigrationImport.Step> steps = MigrationImport.plan(source.toAbsolutePath().normalize());
        MigrationImport.copy(steps, target);
        for (MigrationImport.Step step : steps) {
            out.println(step.target() == null
                    ? "  " + step.source() + ": " + step.note()
                    : "  " + step.source() + " -> " + MigrationFiles.DIRECTORY + "/" + step.target() + " (" + step.note() + ")");
        }
        long imported = steps.stream().filter(s -> s.target() != null).count();
        out.println("Imported " + imported + " migration(s) into " + MigrationFiles.DIRECTORY + "/. On a database that"
                + " already has this schema, run `strata migrations baseline VERSION` next; on an empty one, `strata apply`.");
        return ExitCode.OK;
    }

    /** Runs a history change under the apply lock, prints what it changed, and journals it. */
    private int journalled(String kind, String nothing, Function<Platform, List<String>> change) {
        PrintWriter out = spec.commandLine().getOut();
        Platform platform = root.platform();
        Instant started = Instant.now();
        try (ApplyLock lock = platform.store().lock(platform.lockTimeout())) {
            List<String> changed = change.apply(platform);
            if (changed.isEmpty()) {
                out.println(nothing);
                return ExitCode.OK;
            }
            platform.store().record(new JournalEntry(kind, platform.target().environment(), started,
                    Instant.now(), platform.user(), platform.workspace().gitCommit(), null, changed,
                    JournalEntry.Outcome.SUCCEEDED, null));
            changed.forEach(line -> out.println("- " + line));
            return ExitCode.OK;
        }
    }
}
