package io.strata.pipeline.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's OpenLineage events where {@link OpenLineageSettings} say: appended to a file, one
 * JSON document per line, and/or POSTed to an HTTP endpoint. Lineage is a by-product of a run, so
 * a failed emission never fails the run: it is logged as a warning, and an unreachable endpoint
 * costs at most the timeouts below, twice per run.
 */
final class OpenLineageEmitter {

    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageEmitter.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String pipeline;
    private final OpenLineageSettings settings;
    private final HttpClient http;

    OpenLineageEmitter(String pipeline, OpenLineageSettings settings) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.http = settings.endpoint() == null ? null
                : HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** Sends one event; never throws. */
    void emit(String eventType, String json) {
        if (settings.file() != null) {
            try {
                append(settings.file(), json);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: OpenLineage {} event not written to {}: {}; the run goes on", pipeline, eventType,
                        settings.file(), reason(e));
            }
        }
        if (http != null) {
            try {
                post(json);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: OpenLineage {} event not sent to {}: {}; the run goes on", pipeline, eventType,
                        display(settings.endpoint()), reason(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("{}: OpenLineage {} event not sent: interrupted", pipeline, eventType);
            }
        }
    }

    /**
     * One line per event, under an exclusive lock: pipelines running at the same time may share
     * the file, and their lines must not interleave.
     */
    private static void append(Path file, String json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ByteBuffer line = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        }
    }

    private void post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new IOException("HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }

    private static String reason(Exception e) {
        // HttpClient's ConnectException has no message; its name says enough.
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The endpoint without user info or query, where a token may sit. */
    static String display(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
