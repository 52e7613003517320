package io.strata.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.config.ObserveSettings;
import io.strata.core.config.Secret;
import io.strata.core.config.SourceLocation;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server's gate, over real HTTP: loopback without a token as before; with a token, 401 until
 * the browser shows it once ({@code ?token=}, answered by 303 and a cookie) or curl sends it as a
 * bearer; the Host check still refusing names nobody chose.
 */
class ObserveServerTest {

    private static final String TOKEN = "s3cr3t-0123456789abcdef-0123456789";
    private static final String PAGE = "<p>the platform's tables</p>";
    private static final SourceLocation WHERE = new SourceLocation(Path.of("strata.yaml"), 4, 5, "observe.serve.token");

    private final HttpClient client = HttpClient.newHttpClient(); // follows no redirects, keeps no cookies

    private static ObserveServer start(InetAddress bind, Secret token, List<String> hosts) {
        return ObserveServer.start(new ObserveSettings(bind, token, WHERE, hosts), 0,
                path -> path.equals("/") || path.equals("/storage") ? Optional.of(PAGE) : Optional.empty(), line -> {});
    }

    private static Secret token() {
        return new Secret(TOKEN, "${env:STRATA_OBSERVE_TOKEN}");
    }

    @Test
    void onLoopbackWithoutATokenEveryPageIsOpenAsBefore() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), null, List.of())) {
            assertThat(server.tokenRequired()).isFalse();
            assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");

            HttpResponse<String> page = get(server.url(), null);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(PAGE);
        }
    }

    @Test
    void withATokenNothingIsShownWithoutIt() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), token(), List.of())) {
            assertThat(server.tokenRequired()).isTrue();
            assertThat(server.url().toString()).doesNotContain(TOKEN);

            HttpResponse<String> denied = get(server.url(), null);

            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"strata observe\"");
            assertThat(denied.body()).contains("observe.serve.token", "?token=", "Authorization: Bearer")
                    .doesNotContain(PAGE).doesNotContain(TOKEN);
            assertThat(get(server.url().resolve("/nowhere"), null).statusCode()).as("no 404 tells which paths exist")
                    .isEqualTo(401);
        }
    }

    @Test
    void theTokenInTheQuerySignsTheBrowserInWithACookieThatIsNotTheToken() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), token(), List.of())) {
            HttpResponse<String> signIn = get(server.url().resolve("/storage?token=" + TOKEN.replace("-", "%2D")), null);

            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Location")).hasValue("/storage");
            String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("strata_observe=").endsWith("; HttpOnly; SameSite=Strict; Path=/")
                    .doesNotContain(TOKEN);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            HttpResponse<String> page = get(server.url().resolve("/storage"), b -> b.header("Cookie", "theme=dark; " + cookie));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(PAGE);

            String forged = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
            assertThat(get(server.url(), b -> b.header("Cookie", forged)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aWrongTokenGetsNoCookie() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), token(), List.of())) {
            for (String wrong : List.of(TOKEN.substring(1), TOKEN + "x", "", "%25")) {
                HttpResponse<String> denied = get(server.url().resolve("/?token=" + wrong), null);

                assertThat(denied.statusCode()).as(wrong).isEqualTo(401);
                assertThat(denied.headers().firstValue("Set-Cookie")).as(wrong).isEmpty();
                assertThat(denied.body()).doesNotContain(PAGE);
            }
        }
    }

    @Test
    void curlSendsTheTokenAsABearer() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), token(), List.of())) {
            assertThat(get(server.url(), b -> b.header("Authorization", "Bearer " + TOKEN)).body()).isEqualTo(PAGE);
            assertThat(get(server.url(), b -> b.header("Authorization", "Bearer " + TOKEN.toUpperCase())).statusCode())
                    .isEqualTo(401);
            assertThat(get(server.url(), b -> b.header("Authorization", "Basic " + TOKEN)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theHostCheckStillRefusesNamesNobodyChose() throws Exception {
        try (ObserveServer server = start(InetAddress.getLoopbackAddress(), token(), List.of("observe.example.com"))) {
            int port = server.address().getPort();
            String bearer = "Authorization: Bearer " + TOKEN + "\r\n";

            assertThat(raw(port, "Host: attacker.example:" + port + "\r\n" + bearer)).startsWith("HTTP/1.1 403");
            assertThat(raw(port, "Host: observe.example.com.attacker.example\r\n" + bearer)).startsWith("HTTP/1.1 403");
            assertThat(raw(port, bearer)).as("no Host at all").startsWith("HTTP/1.1 403");
            assertThat(raw(port, "Host: 127.0.0.1:" + (port + 1) + "\r\n" + bearer)).startsWith("HTTP/1.1 403");
            assertThat(raw(port, "Host: localhost:" + port + "\r\n" + bearer)).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "Host: [::1]:" + port + "\r\n" + bearer)).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "Host: 192.168.7.7:" + port + "\r\n" + bearer)).as("an IP address cannot be rebound")
                    .startsWith("HTTP/1.1 200");
            // A listed name, with or without a port, as a reverse proxy forwards it.
            assertThat(raw(port, "Host: Observe.Example.com\r\n" + bearer)).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "Host: observe.example.com:443\r\n" + bearer)).startsWith("HTTP/1.1 200");
            assertThat(raw(port, "Host: observe.example.com:443\r\n")).as("a listed name still needs the token")
                    .startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void anAddressBeyondLoopbackIsRefusedWithoutAToken() throws Exception {
        InetAddress every = InetAddress.getByName("0.0.0.0");

        assertThatThrownBy(() -> start(every, null, List.of())).isInstanceOf(StrataException.class)
                .hasMessageContaining("without a token");
    }

    /** On this machine's own network address when it has one; the same gate there. */
    @Test
    void servesAnotherAddressOfThisMachineBehindTheToken() throws Exception {
        Optional<InetAddress> other = LocalAddresses.other();
        InetAddress bind = other.orElse(InetAddress.getLoopbackAddress());
        try (ObserveServer server = start(bind, token(), List.of())) {
            URI url = server.url();
            assertThat(url.getHost()).isEqualTo(bind.getHostAddress());

            assertThat(get(url, null).statusCode()).isEqualTo(401);
            assertThat(get(url, b -> b.header("Authorization", "Bearer " + TOKEN)).body()).isEqualTo(PAGE);
        }
    }

    private HttpResponse<String> get(URI url, java.util.function.UnaryOperator<HttpRequest.Builder> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        return client.send((headers == null ? request : headers.apply(request)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand: Java's HTTP client does not let a test choose the Host header. */
    private static String raw(int port, String headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
