package io.strata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code strata observe --serve} as its own process, as a user starts it; stopped by the test with SIGTERM. */
final class ServeProcess {

    private ServeProcess() {}

    /**
     * Starts {@code strata ARGS} with only PATH and HOME of this machine's environment (as the
     * in-process runs), plus {@code env}; both output streams go to {@code log}.
     */
    static Process start(Path log, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().retainAll(Set.of("PATH", "HOME"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Waits up to 60 s for {@code serving} in the log; fails with the log when the process ends first. */
    static Matcher await(Process serve, Path log, Pattern serving) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(Files.readString(log));
            if (m.find()) {
                return m;
            }
            if (!serve.isAlive()) {
                throw new AssertionError("observe --serve ended, exit " + serve.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("observe --serve did not start in 60 s:\n" + Files.readString(log));
    }
}
