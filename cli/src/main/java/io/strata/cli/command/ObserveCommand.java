package io.strata.cli.command;

import io.strata.cli.ExitCode;
import io.strata.cli.Platform;
import io.strata.cli.StrataCommand;
import io.strata.cli.render.Format;
import io.strata.cli.render.ObserveReport;
import io.strata.cli.render.ObserveView;
import io.strata.cli.serve.ObserveServer;
import io.strata.core.config.BindAddress;
import io.strata.core.config.ObserveSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.loop.Loop;
import io.strata.core.error.StrataException;
import io.strata.storage.embedded.EmbeddedInstance;
import io.strata.web.Site;
import io.strata.web.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code strata observe}: what is live, per layer; exit 3 on drift; {@code --serve}: the same as a live page. */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = "Show what is live: per layer in sync, pending or drift; the database; the journal.")
public final class ObserveCommand implements Callable<Integer> {

    private static final int DEFAULT_PORT = 7070;

    @ParentCommand
    private StrataCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), json or markdown.")
    private Format format = Format.TEXT;

    @Option(names = "--layer", paramLabel = "LAYER", split = ",", description = "Only these layers.")
    private List<String> layers = List.of();

    @Option(names = "--journal", paramLabel = "N",
            description = "Show the latest N journal entries (default 5; with --html or --serve, 500).")
    private Integer journal;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the report to FILE as one self-contained HTML file of every page (no network) instead of printing it.")
    private Path html;

    @Option(names = "--serve", description = "Serve the HTML pages (on 127.0.0.1 unless strata.yaml or --bind says"
            + " otherwise), observing again on every request,"
            + " until stopped (Ctrl-C, SIGTERM). Read-only.")
    private boolean serve;

    @Option(names = "--port", paramLabel = "N", description = "With --serve: the port (default 7070; 0 for any free port).")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "With --serve: the IP address to listen on, instead of"
            + " observe.serve.bind in strata.yaml (default 127.0.0.1). Any other than loopback needs observe.serve.token"
            + " in strata.yaml; the token is never taken from the command line.")
    private String bind;

    @Override
    public Integer call() {
        if (serve && html != null) {
            throw new StrataException("--serve and --html are two ways to show the page: choose one");
        }
        if (port != null && (!serve || port < 0 || port > 65_535)) {
            throw new StrataException(serve ? "--port must be 0 to 65535, not " + port : "--port goes with --serve");
        }
        if (bind != null && !serve) {
            throw new StrataException("--bind goes with --serve");
        }
        if (serve) {
            return serve();
        }
        if (html != null) {
            Snapshot snapshot = snapshot();
            write(html, Site.export(snapshot));
            spec.commandLine().getOut().println("Wrote " + html + ": observe of " + snapshot.environment()
                    + (snapshot.drift() ? " (drift)" : ""));
            return snapshot.drift() ? ExitCode.DRIFT : ExitCode.OK;
        }
        ObserveReport report = report();
        spec.commandLine().getOut().print(ObserveView.render(report, format));
        return report.drift() ? ExitCode.DRIFT : ExitCode.OK;
    }

    /** Observes once for the pages. */
    private Snapshot snapshot() {
        return ObserveSnapshot.observe(root.root(), root::platform, new LinkedHashSet<>(layers), journal == null ? 500 : journal);
    }

    /** Observes once for the terminal report (text, json or markdown). */
    private ObserveReport report() {
        Platform platform = root.platform();
        Loop loop = platform.loop(StrataCommand.version());
        return new ObserveReport(platform.target().environment(), platform.database().displayUrl(),
                platform.embedded().map(EmbeddedInstance::psqlCommand).orElse(null),
                loop.observe(new LinkedHashSet<>(layers)), loop.journal(journal == null ? 5 : journal));
    }

    /** {@code --serve}: in the foreground until Ctrl-C or SIGTERM, whose shutdown hook stops the server. */
    private int serve() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObserveSettings listen = listen();
        String environment = root.platform().target().environment(); // fails here, not on the first request, when the platform does not open
        CountDownLatch stopped = new CountDownLatch(1);
        ObserveServer server = ObserveServer.start(listen, port == null ? DEFAULT_PORT : port,
                path -> Site.pageId(path).map(id -> Site.page(id, snapshot()).orElseThrow()), line -> {
                    err.println(line);
                    err.flush();
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "strata-observe-serve-stop"));
        out.println("Serving observe of " + environment + " at " + server.url() + " ("
                + (listen.bind().isAnyLocalAddress() ? "listening on every address; " : "")
                + (server.tokenRequired() ? "token required: open it once with ?token= and the value of "
                        + listen.token().reference() + ", or send Authorization: Bearer; " : "")
                + "read-only, live; Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCode.OK;
    }

    /**
     * Where to listen: strata.yaml's {@code observe.serve}, its address replaced by {@code --bind}.
     * The token comes from strata.yaml only: on the command line {@code ps} would show it to every
     * user of the machine.
     */
    private ObserveSettings listen() {
        ObserveSettings configured = ProjectConfig.load(root.root()).resolveObserve(root.variables()::get);
        if (bind == null) {
            return configured;
        }
        InetAddress address = BindAddress.parse(bind).orElseThrow(() -> new StrataException("--bind " + bind
                + " is not an IP address", "give " + BindAddress.FORMS));
        if (configured.token() == null && !BindAddress.isLoopback(address)) {
            throw new StrataException("--bind " + bind + " lets other machines connect, and " + ProjectConfig.FILE_NAME
                    + " sets no token (" + configured.tokenLocation().file() + ": observe.serve.token)",
                    "add `observe: {serve: {token: ${env:STRATA_OBSERVE_TOKEN}}}` to " + ProjectConfig.FILE_NAME
                            + " and export a random value of " + ObserveSettings.MIN_TOKEN_LENGTH
                            + " characters or more (`openssl rand -hex 32`); the token is never read from the command line");
        }
        return new ObserveSettings(address, configured.token(), configured.tokenLocation(), configured.hosts());
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
