package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.cli.serve.LocalAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata observe --serve} as its own process, on the example platform on the embedded
 * default: the live page, a hand-made change seen on the next request, only GET and HEAD on /,
 * 127.0.0.1 only, stopped with SIGTERM.
 */
class ObserveServeTest {

    private static final Pattern SERVING = Pattern.compile("Serving observe of dev at (http://127\\.0\\.0\\.1:(\\d+)/) ");

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesTheLivePageReadOnlyOnLoopbackUntilSigterm() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        Path log = tmp.resolve("serve.log");
        Process serve = null;
        try {
            cli.ok("-C", c, "apply", "--auto-approve");

            serve = ServeProcess.start(log, Map.of(), "-C", c, "observe", "--serve", "--port", "0");
            Matcher serving = ServeProcess.await(serve, log, SERVING);
            URI url = URI.create(serving.group(1));
            int port = Integer.parseInt(serving.group(2));

            HttpResponse<String> page = get(url, "GET");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(io.strata.web.Site.contentSecurityPolicy());
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).contains("<h1>Strata observe: <code>dev</code></h1>")
                    .contains("<section id=\"overview\"").doesNotContain("<section id=\"storage\"")
                    .contains("href=\"/storage\"", "href=\"/access\"", "href=\"/pipelines\"", "href=\"/lineage\"",
                            "href=\"/journal\"")
                    .contains("<span class=\"badge in-sync\">in sync</span> 3 layer(s)")
                    .doesNotContain("added by hand").doesNotContain("password");

            try (Connection conn = DriverManager.getConnection(ExamplePlatform.embeddedUrl(page.body()) + "?user=postgres");
                    Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE marts.\"<b>by_hand</b>\" (id int)");
            }
            HttpResponse<String> drift = get(url.resolve("/storage"), "GET");
            assertThat(drift.statusCode()).isEqualTo(200);
            assertThat(drift.body()).contains("<tr class=\"drift\"><th scope=\"row\"><code>marts.&lt;b&gt;by_hand&lt;/b&gt;</code></th>"
                    + "<td>table</td><td>+ added</td><td>was added by hand (1 column)</td></tr>")
                    .contains("<span class=\"badge drift\">drift</span>").doesNotContain("<b>by_hand");

            assertThat(get(url, "HEAD").statusCode()).isEqualTo(200);
            assertThat(get(url, "POST").statusCode()).isEqualTo(405);
            assertThat(get(url, "DELETE").statusCode()).isEqualTo(405);
            assertThat(get(url.resolve("/other"), "GET").statusCode()).isEqualTo(404);

            // Listening on 127.0.0.1 only: this machine's other addresses refuse the port.
            Optional<InetAddress> other = LocalAddresses.other();
            if (other.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(
                            () -> socket.connect(new InetSocketAddress(other.get(), port), 2_000))
                            .isInstanceOf(IOException.class);
                }
            }
        } finally {
            if (serve != null) {
                serve.destroy(); // SIGTERM
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
            }
            cli.run("-C", c, "embedded", "stop");
        }
        assertThat(Files.readString(log)).endsWith("stopped\n");
        assertThat(serve.exitValue()).isEqualTo(143); // the JVM's code for SIGTERM, as documented
    }

    private HttpResponse<String> get(URI url, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
