package io.strata.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.strata.pipeline.TestDatabase;
import io.strata.pipeline.jdbc.Database;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pipeline.run emits OpenLineage START and COMPLETE/FAIL RunEvents to a file and to an HTTP
 * endpoint; every event validates against the published schemas; emission never fails a run.
 */
class OpenLineageEmissionTest {

    private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

    @TempDir
    Path dir;

    /** The copier of PipelineRunTest, emitting to {@code env}'s settings; returns its exit code. */
    private static int copy(TestDatabase db, Map<String, String> env, boolean fail) {
        db.execute("CREATE TABLE source_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE target_rows (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO source_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        return Pipeline.named("copier").run(run -> {
            Database d = run.database();
            run.write(d.table(PipelineRunTest.table(db, "source_rows")).filter(r -> {
                if (fail && r.getLong("id") == 3) {
                    throw new IllegalStateException("customer 3 has \"no\" name");
                }
                return true;
            }), d.replace(PipelineRunTest.table(db, "target_rows")));
        }, Environment.of(env), PipelineRunTest.CLOCK);
    }

    private List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(OpenLineageSchemas::parse).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSucceededRunAppendsAValidStartAndCompleteToTheFile(TestDatabase.Kind kind) throws IOException {
        Path file = dir.resolve("lineage/events.jsonl");
        try (TestDatabase db = TestDatabase.of(kind)) {
            Map<String, String> env = PipelineRunTest.environment(db);
            env.put(Environment.RUN_ID, "nightly-2026-11-26");
            env.put(Environment.OPENLINEAGE_FILE, file.toString());
            env.put(Environment.OPENLINEAGE_NAMESPACE, "customers-platform");

            assertThat(copy(db, env, false)).isEqualTo(Pipeline.SUCCEEDED);

            List<JsonNode> events = lines(file);
            assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("START", "COMPLETE");
            for (JsonNode event : events) {
                assertThat(SCHEMAS.errors(event)).as(event.toString()).isEmpty();
                assertThat(event.at("/run/runId").asText())
                        .isEqualTo(OpenLineageEvents.runUuid("nightly-2026-11-26").toString());
                assertThat(event.at("/run/facets/strata_run/runId").asText()).isEqualTo("nightly-2026-11-26");
                assertThat(event.at("/run/facets/strata_run/trigger").asText()).isEqualTo("schedule");
                assertThat(event.at("/job/namespace").asText()).isEqualTo("customers-platform");
                assertThat(event.at("/job/name").asText()).isEqualTo("copier");
                assertThat(event.get("eventTime").asText()).isEqualTo("2026-11-26T03:00:00Z");
            }
            assertThat(events.get(0).get("inputs")).isEmpty();
            JsonNode complete = events.get(1);
            String namespace = kind == TestDatabase.Kind.POSTGRES ? "postgres://127.0.0.1:5432" : "mysql://127.0.0.1:3306";
            String prefix = kind == TestDatabase.Kind.POSTGRES ? db.schema() + ".public." : db.schema() + ".";
            assertThat(complete.at("/inputs/0/namespace").asText()).isEqualTo(namespace);
            assertThat(complete.at("/inputs/0/name").asText()).isEqualTo(prefix + "source_rows");
            assertThat(complete.at("/outputs/0/namespace").asText()).isEqualTo(namespace);
            assertThat(complete.at("/outputs/0/name").asText()).isEqualTo(prefix + "target_rows");
            assertThat(complete.at("/outputs/0/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedRunEndsWithAValidFailCarryingItsError(TestDatabase.Kind kind) throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (TestDatabase db = TestDatabase.of(kind)) {
            Map<String, String> env = PipelineRunTest.environment(db);
            env.put(Environment.OPENLINEAGE_FILE, file.toString());

            assertThat(copy(db, env, true)).isEqualTo(Pipeline.FAILED);

            List<JsonNode> events = lines(file);
            assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("START", "FAIL");
            events.forEach(event -> assertThat(SCHEMAS.errors(event)).as(event.toString()).isEmpty());
            JsonNode fail = events.get(1);
            assertThat(fail.at("/job/namespace").asText()).isEqualTo(OpenLineageSettings.DEFAULT_NAMESPACE);
            assertThat(fail.at("/run/facets/errorMessage/message").asText())
                    .contains("customer 3 has \"no\" name").contains("nothing was written");
            assertThat(fail.at("/run/facets/errorMessage/programmingLanguage").asText()).isEqualTo("JAVA");
            assertThat(fail.get("outputs")).isEmpty();
            // A random Strata run id is a UUID already, and is used as it is.
            assertThat(fail.at("/run/runId").asText()).isEqualTo(fail.at("/run/facets/strata_run/runId").asText());
        }
    }

    @Test
    void tablesOfAnotherDatabaseAreNamedInTheirOwnNamespace() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (TestDatabase platform = TestDatabase.postgres(); TestDatabase crm = TestDatabase.mariadb()) {
            crm.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY)", "INSERT INTO accounts VALUES (1), (2)");
            platform.execute("CREATE TABLE accounts (id bigint PRIMARY KEY)");
            Map<String, String> env = PipelineRunTest.environment(platform);
            env.put("STRATA_DATABASE_CRM_URL", crm.url() + "?connectTimeout=5000");
            env.put("STRATA_DATABASE_CRM_USER", crm.user());
            env.put(Environment.OPENLINEAGE_FILE, file.toString());

            assertThat(Pipeline.named("crm-import").run(run -> run.write(run.database("crm").table("accounts"),
                    run.database().replace("accounts")), Environment.of(env), PipelineRunTest.CLOCK))
                    .isEqualTo(Pipeline.SUCCEEDED);

            JsonNode complete = lines(file).get(1);
            assertThat(SCHEMAS.errors(complete)).isEmpty();
            assertThat(complete.at("/inputs/0/namespace").asText()).isEqualTo("mysql://127.0.0.1:3306");
            assertThat(complete.at("/inputs/0/name").asText()).isEqualTo(crm.schema() + ".accounts");
            assertThat(complete.at("/outputs/0/namespace").asText()).isEqualTo("postgres://127.0.0.1:5432");
            assertThat(complete.at("/outputs/0/name").asText()).isEqualTo(platform.schema() + ".public.accounts");
        }
    }

    @Test
    void eventsArePostedAsJsonToMarquezsPathOfAServerUrl() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        try (TestDatabase db = TestDatabase.postgres()) {
            Map<String, String> env = PipelineRunTest.environment(db);
            env.put(Environment.OPENLINEAGE_URL, "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(copy(db, env, false)).isEqualTo(Pipeline.SUCCEEDED);
        } finally {
            server.stop(0);
        }
        assertThat(received).hasSize(2).allSatisfy(request ->
                assertThat(request).startsWith("POST /api/v1/lineage application/json {"));
        JsonNode complete = OpenLineageSchemas.parse(received.get(1).substring(received.get(1).indexOf('{')));
        assertThat(complete.get("eventType").asText()).isEqualTo("COMPLETE");
        assertThat(SCHEMAS.errors(complete)).isEmpty();
    }

    @Test
    void aUrlWithAPathIsPostedToExactly() throws IOException {
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (TestDatabase db = TestDatabase.postgres()) {
            Map<String, String> env = PipelineRunTest.environment(db);
            env.put(Environment.OPENLINEAGE_URL, "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/collector/events?tenant=a");
            assertThat(copy(db, env, false)).isEqualTo(Pipeline.SUCCEEDED);
        } finally {
            server.stop(0);
        }
        assertThat(paths).containsExactly("/collector/events?tenant=a", "/collector/events?tenant=a");
    }

    @Test
    void anEndpointThatRefusesErrsOrNeverAnswersDoesNotFailTheRun() throws IOException {
        int refused;
        try (ServerSocket closed = new ServerSocket(0)) {
            refused = closed.getLocalPort();
        }
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        failing.start();
        // Accepts connections and never answers: only the request timeout ends the wait.
        try (ServerSocket silent = new ServerSocket(0); TestDatabase db = TestDatabase.postgres()) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new CopyOnWriteArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closedAtTheEnd) {
                    held.forEach(OpenLineageEmissionTest::closeQuietly);
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            db.execute("CREATE TABLE target_rows (id BIGINT PRIMARY KEY)");
            for (String url : List.of("http://127.0.0.1:" + refused, "http://127.0.0.1:" + failing.getAddress().getPort(),
                    "http://127.0.0.1:" + silent.getLocalPort())) {
                Map<String, String> env = PipelineRunTest.environment(db);
                env.put(Environment.OPENLINEAGE_URL, url);
                env.put(Environment.OPENLINEAGE_FILE, dir.toString()); // a directory: the append fails too
                long start = System.nanoTime();
                assertThat(Pipeline.named("quiet").run(run -> { }, Environment.of(env), PipelineRunTest.CLOCK))
                        .as(url).isEqualTo(Pipeline.SUCCEEDED);
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertThat(seconds).as(url).isLessThanOrEqualTo(2 * OpenLineageEmitter.REQUEST_TIMEOUT.toSeconds() + 1);
            }
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void aUrlThatIsNotHttpStopsTheRunBeforeItStarts() {
        try (TestDatabase db = TestDatabase.postgres()) {
            for (String url : List.of("marquez:5000", "ftp://marquez/", "http://", "http://exa mple")) {
                Map<String, String> env = PipelineRunTest.environment(db);
                env.put(Environment.OPENLINEAGE_URL, url);
                assertThat(Pipeline.named("copier").run(run -> { }, Environment.of(env), PipelineRunTest.CLOCK))
                        .as(url).isEqualTo(Pipeline.MISCONFIGURED);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
