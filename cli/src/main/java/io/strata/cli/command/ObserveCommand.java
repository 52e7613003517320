package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.Format;
import io.strata.cli.render.HtmlObserveView;
import io.strata.cli.render.ObserveReport;
import io.strata.cli.render.ObserveView;
import io.strata.core.loop.Loop;
import io.strata.core.error.StrataException;
import io.strata.storage.embedded.EmbeddedInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata observe}: what is live, per layer; exit 3 on drift. */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = "Show what is live: per layer in sync, pending or drift; the database; the journal.")
public final class ObserveCommand implements Callable<Integer> {

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), json or markdown.")
    private Format format = Format.TEXT;

    @Option(names = "--layer", paramLabel = "LAYER", split = ",", description = "Only these layers.")
    private List<String> layers = List.of();

    @Option(names = "--journal", paramLabel = "N", description = "Show the latest N journal entries (default 5).")
    private int journal = 5;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the report to FILE as one self-contained HTML page (no scripts, no network) instead of printing it.")
    private Path html;

    @Override
    public Integer call() {
        Platform platform = root.platform();
        Loop loop = platform.loop(StrataCommand.version());
        ObserveReport report = new ObserveReport(platform.target().environment(), platform.database().displayUrl(),
                platform.embedded().map(EmbeddedInstance::psqlCommand).orElse(null),
                loop.observe(new LinkedHashSet<>(layers)), loop.journal(journal));
        if (html == null) {
            spec.commandLine().getOut().print(ObserveView.render(report, format));
        } else {
            write(html, HtmlObserveView.render(report));
            spec.commandLine().getOut().println("Wrote " + html + ": observe of " + report.environment()
                    + (report.drift() ? " (drift)" : ""));
        }
        return report.drift() ? ExitCode.DRIFT : ExitCode.OK;
    }

    private static void write(Path file, String page) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
