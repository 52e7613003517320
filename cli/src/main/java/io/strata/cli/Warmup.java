package io.strata.cli;

import io.strata.core.config.YamlTreeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads and initialises the classes almost every command needs next (the YAML reader, the JDBC
 * drivers) on a second thread while the main thread builds the command line. A command's first
 * 200 ms are single-threaded class loading and interpretation; on a machine with two cores the
 * second one is otherwise idle then. Nothing here has an effect but loaded classes.
 */
final class Warmup {

    private Warmup() {}

    static void start() {
        Thread thread = new Thread(Warmup::run, "strata-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            YamlTreeReader.read(Path.of("warmup.yaml"),
                    "a:\n  b: [c, 'd']\n  e:\n    - f: 1\n".getBytes(StandardCharsets.UTF_8), "");
            Class.forName("org.postgresql.Driver");
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only a head start: whatever fails here is loaded, and reported, by the command itself.
        }
    }
}
