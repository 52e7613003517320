package io.strata.storage.testing;

import io.strata.storage.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL per test JVM, started on first use under {@code target/} and stopped when
 * the JVM exits, as the embedded default runs it for users.
 */
final class EmbeddedForTests {

    private EmbeddedForTests() {}

    static int port() {
        return Holder.PORT;
    }

    /** Initialised once, on first use, by the class loader: no mutable static state. */
    private static final class Holder {
        private static final Path STATE = Path.of("target", "embedded-postgres-for-tests").toAbsolutePath();
        private static final int PORT = start();

        private static int start() {
            int port = EmbeddedPostgres.ensureRunning(STATE, "postgres").port();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> EmbeddedPostgres.stop(STATE)));
            return port;
        }
    }
}
