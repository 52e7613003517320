package io.strata.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.core.error.StrataException;
import io.strata.web.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * <p>It listens on 127.0.0.1 only. Binding elsewhere would show the platform to the network, which
 * issue #9 allows only behind a token from strata.yaml; that is not built, so it is not offered.
 */
public final class ObserveServer implements AutoCloseable {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final HttpServer server;

    private ObserveServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param pages renders the page at a path, empty for a path that has none; called once per
     *     request, a {@link StrataException} says what failed
     * @param log where a failed observation is told in full (the terminal), as the page says less
     */
    public static ObserveServer start(int port, Function<String, Optional<String>> pages, Consumer<String> log) {
        InetSocketAddress address = new InetSocketAddress(loopback(), port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new StrataException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(),
                    "choose another port with --port N, or --port 0 for any free one");
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                respond(exchange, pages, log);
            }
        });
        // No executor: requests are answered one at a time on the server's own thread. An observe
        // reads the whole platform; running several at once would only load the database more.
        server.setExecutor(null);
        server.start();
        return new ObserveServer(server);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + address().getPort() + "/");
    }

    /** Stops listening; a request under way gets up to a second to finish. */
    @Override
    public void close() {
        server.stop(1);
    }

    private static void respond(HttpExchange exchange, Function<String, Optional<String>> pages, Consumer<String> log) throws IOException {
        String method = exchange.getRequestMethod();
        if (!READ_METHODS.contains(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, Site.message("method not allowed",
                    method + " is not allowed: this server is read-only (GET and HEAD only)."));
        } else if (!local(exchange)) {
            send(exchange, 403, Site.message("forbidden", "Open this page as http://127.0.0.1:"
                    + exchange.getLocalAddress().getPort() + "/ or http://localhost:" + exchange.getLocalAddress().getPort() + "/"));
        } else {
            send(exchange, observe(exchange.getRequestURI().getPath(), pages, log));
        }
    }

    /**
     * Whether the browser asked for this machine by name. Listening on 127.0.0.1 is not enough on
     * its own: a web page whose host name is made to resolve to 127.0.0.1 (DNS rebinding) could
     * otherwise read the platform; its requests carry its own host name.
     */
    private static boolean local(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = exchange.getLocalAddress().getPort();
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port));
    }

    /** The page, or the 503 page saying what failed: a Strata error's own words, never a stack or a URL with a password. */
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

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }
}
