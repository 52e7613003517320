package io.strata.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server alone, with a stand-in page: methods, paths, headers, failures, the bound address. */
class ObserveServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(URI url, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rendersOnEveryGetAndAnswersNothingElse() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        try (ObserveServer server = ObserveServer.start(0, path -> path.equals("/") ? java.util.Optional.of("<p>page " + renders.incrementAndGet() + "</p>") : java.util.Optional.empty(), line -> {})) {
            assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(server.address().getPort()).isPositive();
            URI url = server.url();

            assertThat(send(url, "GET").body()).isEqualTo("<p>page 1</p>");
            HttpResponse<String> second = send(url.resolve("/?again"), "GET");
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo("<p>page 2</p>");
            assertThat(second.headers().firstValue("Content-Security-Policy")).hasValue(io.strata.web.Site.contentSecurityPolicy());
            assertThat(second.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(second.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");

            HttpResponse<String> head = send(url, "HEAD");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");

            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                HttpResponse<String> denied = send(url, method);
                assertThat(denied.statusCode()).as(method).isEqualTo(405);
                assertThat(denied.headers().firstValue("Allow")).hasValue("GET, HEAD");
                assertThat(denied.headers().firstValue("Content-Security-Policy")).isPresent();
            }
            assertThat(send(url.resolve("/other"), "GET").statusCode()).isEqualTo(404);
            assertThat(send(url.resolve("/index.html"), "GET").statusCode()).isEqualTo(404);
            assertThat(send(URI.create("http://localhost:" + server.address().getPort() + "/"), "GET").statusCode())
                    .isEqualTo(200);
            assertThat(renders).hasValue(4); // the three GETs and the HEAD; refused requests render nothing
        }
    }

    @Test
    void aFailedObservationIsA503ThatSaysWhatFailedAndNoMore() throws Exception {
        List<String> log = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        try (ObserveServer server = ObserveServer.start(0, path -> {
            if (calls.incrementAndGet() == 1) {
                throw new StrataException("cannot connect to <db> jdbc:postgresql://db:5432/x", "is the server up?");
            }
            throw new IllegalStateException("secret-in-message");
        }, log::add)) {
            HttpResponse<String> strata = send(server.url(), "GET");
            assertThat(strata.statusCode()).isEqualTo(503);
            assertThat(strata.body()).contains("cannot connect to &lt;db&gt; jdbc:postgresql://db:5432/x")
                    .contains("hint: is the server up?").doesNotContainIgnoringCase("<script");
            assertThat(strata.headers().firstValue("Cache-Control")).hasValue("no-store");

            HttpResponse<String> other = send(server.url(), "GET");
            assertThat(other.statusCode()).isEqualTo(503);
            assertThat(other.body()).contains("observe failed (IllegalStateException)").doesNotContain("secret-in-message");
            assertThat(log).hasSize(2).last().asString().contains("secret-in-message");
        }
    }

    @Test
    void refusesAnotherHostNameAgainstDnsRebinding() throws Exception {
        try (ObserveServer server = ObserveServer.start(0, path -> java.util.Optional.of("page"), line -> {})) {
            // The JDK client will not set Host itself; a raw request can.
            try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: attacker.example:" + server.address().getPort()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("\r\n\r\npage");
            }
        }
    }

    @Test
    void aPortInUseIsSaidWithAWayOut() {
        try (ObserveServer first = ObserveServer.start(0, path -> java.util.Optional.of("page"), line -> {})) {
            int port = first.address().getPort();
            assertThatThrownBy(() -> ObserveServer.start(port, path -> java.util.Optional.of("page"), line -> {}))
                    .isInstanceOf(StrataException.class).hasMessageStartingWith("cannot listen on 127.0.0.1:" + port);
        }
    }
}
