package io.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole {@code strata} process, started through the repository's {@code ./strata} launcher
 * exactly as a user starts it: its JVM flags and its class-data-sharing archive are part of what
 * is measured. The first run after a build records that archive, which is one reason every
 * benchmark discards its first run.
 */
final class WholeProcess {

    private WholeProcess() {}

    /** {@code launcher args...}, output (both streams) to {@code log}. */
    static ProcessBuilder strata(Path launcher, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }
}
