package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.cli.serve.LocalAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata observe --serve} as its own process with {@code observe.serve} in strata.yaml:
 * every address, the token from an environment variable, nothing shown without it, and the token
 * in no line the process prints.
 */
class ObserveServeTokenTest {

    private static final String TOKEN = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c";
    private static final Pattern SERVING = Pattern.compile(
            "Serving observe of dev at (http://127\\.0\\.0\\.1:(\\d+)/) \\(listening on every address; token required:");

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesEveryAddressBehindTheTokenFromStrataYaml() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml"))
                + "\nobserve:\n  serve:\n    bind: 0.0.0.0\n    token: ${env:STRATA_OBSERVE_TOKEN}\n");
        String c = platform.toString();
        Path log = tmp.resolve("serve.log");
        Process serve = null;
        try {
            serve = ServeProcess.start(log, Map.of("STRATA_OBSERVE_TOKEN", TOKEN), "-C", c, "observe", "--serve",
                    "--port", "0");
            Matcher serving = ServeProcess.await(serve, log, SERVING);
            int port = Integer.parseInt(serving.group(2));
            // Reached the way another machine would, when this one has another address.
            URI url = URI.create("http://" + LocalAddresses.other().map(InetAddress::getHostAddress).orElse("127.0.0.1") + ":"
                    + port + "/");

            HttpResponse<String> denied = get(url, null);
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.body()).doesNotContain("<section id=\"overview\"");

            HttpResponse<String> page = get(url, "Bearer " + TOKEN);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("<section id=\"overview\"").doesNotContain(TOKEN);

            HttpResponse<String> signIn = get(url.resolve("/journal?token=" + TOKEN), null);
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Location")).hasValue("/journal");
        } finally {
            if (serve != null) {
                serve.destroy();
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
            }
            new Cli(Map.of()).run("-C", c, "embedded", "stop");
        }
        assertThat(Files.readString(log)).contains("${env:STRATA_OBSERVE_TOKEN}").doesNotContain(TOKEN);
    }

    private HttpResponse<String> get(URI url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
