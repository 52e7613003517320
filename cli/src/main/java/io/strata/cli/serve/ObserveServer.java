package io.strata.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.core.config.BindAddress;
import io.strata.core.config.ObserveSettings;
import io.strata.core.error.StrataException;
import io.strata.web.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The read-only web server of {@code observe --serve}: {@code GET} (and {@code HEAD}) of a page's
 * path renders the page again on every request, so it shows the live system, not the one at start.
 * Nothing else: every other method is 405 and every other path 404, so there is no way to change
 * anything through it.
 *
 * <p>It listens on 127.0.0.1 unless {@code observe.serve.bind} (or {@code --bind}) says otherwise.
 * With {@code observe.serve.token} set, every request must show it (see {@link TokenGate}); an
 * address other than loopback is refused without one. Whatever the address, only the {@code Host}
 * names of {@link HostCheck} are answered.
 */
public final class ObserveServer implements AutoCloseable {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final HttpServer server;
    private final boolean tokenRequired;

    private ObserveServer(HttpServer server, boolean tokenRequired) {
        this.server = server;
        this.tokenRequired = tokenRequired;
    }

    /**
     * Starts serving on {@code listen.bind()}:{@code port} (0: any free port).
     *
     * @param listen the address, the token (null: none asked) and the extra host names; a
     *     non-loopback address without a token is refused
     * @param pages renders the page at a path, empty for a path that has none; called once per
     *     request, a {@link StrataException} says what failed
     * @param log where a failed observation is told in full (the terminal), as the page says less
     */
    public static ObserveServer start(ObserveSettings listen, int port, Function<String, Optional<String>> pages,
            Consumer<String> log) {
        if (listen.token() == null && !BindAddress.isLoopback(listen.bind())) {
            throw new StrataException("refusing to serve on " + listen.bind().getHostAddress() + " without a token",
                    "set observe.serve.token in strata.yaml");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(listen.bind(), port), 0);
        } catch (IOException e) {
            throw new StrataException("cannot listen on " + hostPort(listen.bind(), port) + ": " + e.getMessage(),
                    "choose another port with --port N, or --port 0 for any free one");
        }
        HostCheck hosts = new HostCheck(server.getAddress().getPort(), listen.hosts());
        TokenGate gate = listen.token() == null ? null : new TokenGate(listen.token(), new SecureRandom());
        server.createContext("/", exchange -> {
            try (exchange) {
                respond(exchange, hosts, gate, pages, log);
            }
        });
        // No executor: requests are answered one at a time on the server's own thread. An observe
        // reads the whole platform; running several at once would only load the database more.
        server.setExecutor(null);
        server.start();
        return new ObserveServer(server, gate != null);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Where to open the pages from this machine: the bound address, or 127.0.0.1 when bound to
     * every address. Never with the token, which must not land in a terminal's scrollback.
     */
    public URI url() {
        InetAddress bound = address().getAddress();
        return URI.create("http://" + hostPort(bound.isAnyLocalAddress() ? loopback() : bound, address().getPort()) + "/");
    }

    /** Whether every request must show the token. */
    public boolean tokenRequired() {
        return tokenRequired;
    }

    /** Stops listening; a request under way gets up to a second to finish. */
    @Override
    public void close() {
        server.stop(1);
    }

    private static void respond(HttpExchange exchange, HostCheck hosts, TokenGate gate,
            Function<String, Optional<String>> pages, Consumer<String> log) throws IOException {
        String method = exchange.getRequestMethod();
        int port = exchange.getLocalAddress().getPort();
        if (!READ_METHODS.contains(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, Site.message("method not allowed",
                    method + " is not allowed: this server is read-only (GET and HEAD only)."));
            return;
        }
        if (!hosts.accepts(exchange.getRequestHeaders().getFirst("Host"))) {
            send(exchange, 403, Site.message("forbidden", "Open this page by an IP address of this machine"
                    + " (http://127.0.0.1:" + port + "/ or http://localhost:" + port + "/ on it) or by a name listed"
                    + " in observe.serve.hosts in strata.yaml."));
            return;
        }
        URI uri = exchange.getRequestURI();
        TokenGate.Decision decision = gate == null ? new TokenGate.Allowed()
                : gate.check(uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders());
        if (decision instanceof TokenGate.SignIn signIn) {
            exchange.getResponseHeaders().set("Location", signIn.location());
            exchange.getResponseHeaders().set("Set-Cookie", signIn.setCookie());
            send(exchange, 303, Site.message("signed in", "Signed in; the page is at " + signIn.location()));
        } else if (decision instanceof TokenGate.Denied) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"strata observe\"");
            send(exchange, 401, Site.message("token required", "This server shows the platform only to whoever has"
                    + " the token of observe.serve.token in strata.yaml (ask who started it).\n\nIn a browser: open"
                    + " this address once with ?token=TOKEN added, e.g. /?token=TOKEN; the server answers with a"
                    + " cookie that keeps this browser signed in until the server stops.\nWith curl: send the header"
                    + "  Authorization: Bearer TOKEN"));
        } else {
            send(exchange, observe(uri.getPath(), pages, log));
        }
    }

    private static Status observe(String path, Function<String, Optional<String>> pages, Consumer<String> log) {
        try {
            return pages.apply(path).map(page -> new Status(200, page))
                    .orElseGet(() -> new Status(404, Site.message("not found", "There is no page at " + path
                            + "; the overview is at /")));
        } catch (StrataException e) {
            log.accept("observe failed: " + e.describe());
            return new Status(503, Site.message("observe failed", e.describe()));
        } catch (RuntimeException e) {
            // An unexpected error's message may quote anything (a connection string among them):
            // the page names only its kind, the terminal gets the whole of it.
            log.accept("observe failed: " + e);
            return new Status(503, Site.message("observe failed", "observe failed ("
                    + e.getClass().getSimpleName() + "); the terminal running strata observe --serve says more."));
        }
    }

    private record Status(int code, String body) {}

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        send(exchange, new Status(code, body));
    }

    private static void send(HttpExchange exchange, Status status) throws IOException {
        byte[] bytes = status.body().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", Site.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        // Live data: a cached page would show a state that is no longer true.
        headers.set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status.code(), -1);
            return;
        }
        exchange.sendResponseHeaders(status.code(), bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static String hostPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }
}
