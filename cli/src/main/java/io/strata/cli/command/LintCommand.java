package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.StrataCommand;
import io.strata.core.error.StrataException;
import io.strata.core.git.GitInfo;
import io.strata.core.layer.Workspace;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.Linter;
import io.strata.storage.lint.report.LintFormat;
import io.strata.storage.lint.report.LintView;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationFiles;
import io.strata.storage.migration.MigrationSet;
import io.strata.storage.sql.Dialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata lint}: the migrations' destructive and lock-risky statements, without a database.
 * Exit 1 when a finding of error severity is not silenced by a {@code strata:ignore} comment.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check migrations for destructive and lock-risky SQL. Needs no database.")
public final class LintCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = LintFormatConverter.class,
            description = "text (default), json or sarif (SARIF 2.1.0, for code scanning).")
    private LintFormat format = LintFormat.TEXT;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE; standard output then gets the text report.")
    private Path out;

    @Option(names = "--dialect", paramLabel = "DIALECT", converter = DialectConverter.class,
            description = "postgresql or mysql (default: the dialect of the environment's database in strata.yaml).")
    private Dialect dialect;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Lint only these migration files (default: all). Tables the other files create count as existing.")
    private List<Path> files = List.of();

    @Override
    public Integer call() {
        Path platform = root.root();
        Dialect sqlDialect = dialect != null ? dialect : LintDialect.of(platform, root.environment());
        MigrationSet set = MigrationFiles.read(new Workspace(platform, GitInfo.NO_COMMIT));
        PrintWriter err = spec.commandLine().getErr();
        set.warnings().forEach(w -> err.println("warning: " + w));
        LintReport report = Linter.lint(selected(platform, set.migrations()), sqlDialect);
        String rendered = LintView.of(format, StrataCommand.version(), uriPrefix(platform)).render(report);
        if (out == null) {
            spec.commandLine().getOut().print(rendered);
        } else {
            write(out, rendered);
            spec.commandLine().getOut().print(LintView.of(LintFormat.TEXT, StrataCommand.version(), "").render(report));
            err.println("Wrote the " + format.name().toLowerCase(Locale.ROOT) + " report to " + out + ".");
        }
        return report.hasErrors() ? ExitCode.ERROR : ExitCode.OK;
    }

    /** The migrations named on the command line, in version order; all of them when none are. */
    private List<Migration> selected(Path platform, List<Migration> all) {
        if (files.isEmpty()) {
            return all;
        }
        Set<Path> wanted = new HashSet<>();
        for (Path file : files) {
            Path resolved = file.toAbsolutePath().normalize();
            if (!Files.exists(resolved) && !file.isAbsolute()) {
                resolved = platform.resolve(file).normalize(); // a path relative to the platform, as lint prints them
            }
            Path match = resolved;
            if (all.stream().noneMatch(m -> platform.resolve(m.file()).normalize().equals(match))) {
                throw new StrataException(file + " is not a migration file of " + platform.resolve(MigrationFiles.DIRECTORY),
                        "name files in the platform's " + MigrationFiles.DIRECTORY + "/ folder, e.g. "
                                + MigrationFiles.DIRECTORY + "/0013_drop_legacy.sql");
            }
            wanted.add(resolved);
        }
        return all.stream().filter(m -> wanted.contains(platform.resolve(m.file()).normalize())).toList();
    }

    /**
     * Where the platform sits in its git work tree ({@code examples/customers/}), because code
     * scanning resolves SARIF locations from the repository root; "" outside git.
     */
    private static String uriPrefix(Path platform) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(platform.toFile());
        if (builder.getGitDir() == null) {
            return "";
        }
        try (Repository repository = builder.build()) {
            if (repository.isBare()) {
                return "";
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path relative = workTree.relativize(platform.toRealPath());
            String prefix = relative.toString().replace('\\', '/');
            return prefix.isEmpty() ? "" : prefix + "/";
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code --dialect}. */
    static final class DialectConverter implements ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            try {
                return LintDialect.parse(value);
            } catch (StrataException e) {
                throw new TypeConversionException(e.getMessage() + ": expected postgresql or mysql");
            }
        }
    }

    /** Parses {@code --format}. */
    static final class LintFormatConverter implements ITypeConverter<LintFormat> {
        @Override
        public LintFormat convert(String value) {
            try {
                return LintFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
