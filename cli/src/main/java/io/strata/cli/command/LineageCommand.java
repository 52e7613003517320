package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.LineageFormat;
import io.strata.cli.render.LineageView;
import io.strata.orchestration.lineage.Declaration;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.RunHistoryReader;
import io.strata.orchestration.manifest.ManifestReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata lineage}: table → pipeline → table, from the CronJobs' annotations and the run
 * records, with the pipelines whose runs differ from their declaration flagged. Reads only.
 */
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = "Show table → pipeline → table: what k8s/ declares (strata.io/reads, strata.io/writes) and"
                + " what the latest successful runs read and wrote, flagging every difference.")
public final class LineageCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = LineageFormatConverter.class,
            description = "text (default), dot (Graphviz), mermaid or json.")
    private LineageFormat format = LineageFormat.TEXT;

    @Option(names = "--runs", paramLabel = "N",
            description = "Compare with the union of each pipeline's latest N successful runs (default 1).")
    private int runs = 1;

    @Option(names = "--detailed-exitcode",
            description = "Exit 3 when a pipeline's runs differ from its declaration (0 otherwise).")
    private boolean detailedExitCode;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        // The files first: a malformed manifest is reported before any database is started.
        List<Declaration> declarations = Declaration.of(ManifestReader.readDirectory(root.root().resolve("k8s"))
                .cronJobs());
        Platform platform = root.platform();
        LineageGraph graph = LineageGraph.build(declarations, RunHistoryReader.read(platform.database(), runs));
        spec.commandLine().getOut().print(LineageView.of(format).render(graph, platform.target().environment()));
        return detailedExitCode && !graph.mismatches().isEmpty() ? ExitCode.DRIFT : ExitCode.OK;
    }

    /** Parses {@code --format}. */
    static final class LineageFormatConverter implements ITypeConverter<LineageFormat> {
        @Override
        public LineageFormat convert(String value) {
            try {
                return LineageFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
