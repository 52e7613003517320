package io.strata.storage.embedded;

import io.strata.core.error.StrataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real PostgreSQL binaries; every test stops the servers it started. */
class EmbeddedPostgresTest {

    @TempDir
    Path platform;

    /** Laid out as in a user's repo, with a space in the path to keep pg_ctl's shell quoting honest. */
    private Path stateDir;

    @BeforeEach
    void layOutStateDirectory() {
        stateDir = platform.resolve("my platform/.strata/dev");
    }

    @AfterEach
    void stopWhatWeStarted() {
        try {
            EmbeddedPostgres.stop(stateDir);
        } finally {
            // Belt and braces: never leave a postmaster behind, even when stop itself is under test.
            postmastersOf(stateDir).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void dataPersistsAcrossStopAndStart() throws Exception {
        EmbeddedInstance first = EmbeddedPostgres.ensureRunning(stateDir, "app");
        assertThat(first.dataDirectory()).isEqualTo(stateDir.toAbsolutePath().resolve("pgdata"));
        assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + first.port() + "/app?user=postgres");
        assertThat(first.psqlCommand()).isEqualTo("psql -h 127.0.0.1 -p " + first.port() + " -U postgres app");
        execute(first, "CREATE TABLE customers (id int PRIMARY KEY, name text)", "INSERT INTO customers VALUES (1, 'Ada')");
        assertThat(Files.exists(stateDir.resolve("postgres.log"))).isTrue();

        assertThat(EmbeddedPostgres.stop(stateDir)).isTrue();
        assertThat(EmbeddedPostgres.status(stateDir)).isEmpty();
        assertThat(postmastersOf(stateDir)).isEmpty();
        assertThat(stateDir.resolve("pgdata/postmaster.pid")).doesNotExist();
        assertThat(EmbeddedPostgres.stop(stateDir)).isFalse();

        EmbeddedInstance second = EmbeddedPostgres.ensureRunning(stateDir, "app");
        assertThat(second.port()).as("the remembered port keeps the URL stable").isEqualTo(first.port());
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(queryString(second, "SELECT name FROM customers WHERE id = 1")).isEqualTo("Ada");
    }

    @Test
    void ensureRunningReusesTheRunningServerCheaply() {
        EmbeddedInstance first = EmbeddedPostgres.ensureRunning(stateDir, "app");
        EmbeddedInstance again = EmbeddedPostgres.ensureRunning(stateDir, "app");
        assertThat(again).isEqualTo(first);
        assertThat(EmbeddedPostgres.status(stateDir)).contains(first.withDatabase("postgres"));

        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            EmbeddedPostgres.ensureRunning(stateDir, "app");
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("warm ensureRunning in this JVM: %.1f ms (best of 20)%n", best / 1e6);
        assertThat(best).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void createsFurtherDatabasesOnTheSameServer() throws Exception {
        EmbeddedInstance app = EmbeddedPostgres.ensureRunning(stateDir, "app");
        EmbeddedInstance other = EmbeddedPostgres.ensureRunning(stateDir, "Other DB");
        assertThat(other.pid()).isEqualTo(app.pid());
        assertThat(queryString(other, "SELECT current_database()")).isEqualTo("Other DB");
        assertThat(other.psqlCommand()).endsWith("-U postgres 'Other DB'");
    }

    @Test
    void statusNeverStartsAndStopWithoutServerIsFalse() {
        Path untouched = stateDir.resolve("never-started");
        assertThat(EmbeddedPostgres.status(untouched)).isEmpty();
        assertThat(EmbeddedPostgres.stop(untouched)).isFalse();
        assertThat(untouched).doesNotExist();
    }

    @Test
    void tenThreadsAndThreeProcessesRacingEndWithOneServer() throws Exception {
        int threads = 10;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                processes.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        EnsureRunningMain.class.getName(), stateDir.toString(), "app")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<Future<EmbeddedInstance>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    EmbeddedInstance instance = EmbeddedPostgres.ensureRunning(stateDir, "app");
                    assertThat(queryString(instance, "SELECT 'connected'")).isEqualTo("connected");
                    return instance;
                }));
            }
            go.countDown();

            Set<String> servers = new HashSet<>();
            for (Future<EmbeddedInstance> result : results) {
                EmbeddedInstance instance = result.get(60, TimeUnit.SECONDS);
                servers.add(instance.port() + " " + instance.pid());
            }
            for (Process process : processes) {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertThat(process.exitValue()).as("child output: %s", out).isZero();
                String[] fields = out.split(" ");
                servers.add(fields[0] + " " + fields[1]);
                System.out.println("child process ensureRunning: " + fields[2] + " ms");
            }
            assertThat(servers).hasSize(1);
            assertThat(postmastersOf(stateDir)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recoversAfterThePostmasterIsKilledHard() throws Exception {
        EmbeddedInstance before = EmbeddedPostgres.ensureRunning(stateDir, "app");
        execute(before, "CREATE TABLE t (v text)", "INSERT INTO t VALUES ('committed before the crash')");

        assertThat(ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly()).isTrue();
        // Not onExit(): the dead postmaster is a zombie until its new parent reaps it, and some
        // inits (this sandbox's, a container's shell) take their time or never do.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (EmbeddedPostgres.status(stateDir).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(EmbeddedPostgres.status(stateDir)).isEmpty();
        assertThat(stateDir.resolve("pgdata/postmaster.pid")).as("a kill -9 leaves the pid file behind").exists();

        EmbeddedInstance after = EmbeddedPostgres.ensureRunning(stateDir, "app");
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(after.port()).isEqualTo(before.port());
        assertThat(queryString(after, "SELECT v FROM t")).isEqualTo("committed before the crash");
    }

    @Test
    void aPidFileLeftByARebootDoesNotBlockTheStart() throws Exception {
        EmbeddedInstance before = EmbeddedPostgres.ensureRunning(stateDir, "app");
        EmbeddedPostgres.stop(stateDir);
        // As after a reboot: the file names a pid that now belongs to an unrelated live process.
        Path pidFile = before.dataDirectory().resolve("postmaster.pid");
        long unrelated = ProcessHandle.current().pid();
        long bootedLongAgo = Instant.now().minusSeconds(86_400).getEpochSecond();
        Files.writeString(pidFile, unrelated + "\n" + before.dataDirectory() + "\n" + bootedLongAgo + "\n"
                + before.port() + "\n\n127.0.0.1\n  1234567         0\nready   \n");

        EmbeddedInstance after = EmbeddedPostgres.ensureRunning(stateDir, "app");
        assertThat(after.pid()).isNotEqualTo(unrelated);
        assertThat(queryString(after, "SELECT 'up'")).isEqualTo("up");
    }

    @Test
    void picksANewPortWhenTheRememberedOneIsTaken() throws Exception {
        EmbeddedInstance before = EmbeddedPostgres.ensureRunning(stateDir, "app");
        EmbeddedPostgres.stop(stateDir);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), before.port()));
            EmbeddedInstance after = EmbeddedPostgres.ensureRunning(stateDir, "app");
            assertThat(after.port()).isNotEqualTo(before.port());
            assertThat(Files.readString(stateDir.resolve("port")).trim()).isEqualTo(Integer.toString(after.port()));
        }
    }

    @Test
    void aFailedStartNamesTheStateDirectoryAndQuotesTheLog() throws IOException {
        Path data = Files.createDirectories(stateDir.resolve("pgdata"));
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.writeString(data.resolve("PG_VERSION"), "9\n");

        assertThatThrownBy(() -> EmbeddedPostgres.ensureRunning(stateDir, "app"))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining(stateDir.toAbsolutePath().toString())
                .hasMessageContaining("last lines of")
                .hasMessageContaining("postgresql.conf")
                .satisfies(e -> assertThat(((StrataException) e).hint()).contains("move " + data.toAbsolutePath()));
    }

    private static List<ProcessHandle> postmastersOf(Path stateDir) {
        String dataDirectory = stateDir.toAbsolutePath().resolve("pgdata").toString();
        // Only the postmaster keeps "-D <dir>" in its command line; its children rename themselves.
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(dataDirectory)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .toList();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void execute(EmbeddedInstance instance, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(instance.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedInstance instance, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(instance.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

}
