package io.strata.orchestration.testing;

import io.strata.pipeline.run.Pipeline;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A stand-in pipeline for the process tests, doing what {@code TEST_MODE} says: {@code exit:N}
 * prints a line and exits N; {@code hang} starts a grandchild ({@code sleep}) sharing its output,
 * prints both pids and sleeps until killed, saying so from a shutdown hook on SIGTERM;
 * {@code pipeline:ok|fail|hang|wait:FILE} runs through {@code Pipeline} (so it records itself) and
 * succeeds, fails, hangs, or succeeds once FILE exists; {@code flood:MB} prints that many MiB and exits 0; {@code wait-for:FILE} waits for FILE and exits
 * with the code it holds. Without {@code TEST_MODE}, the mode is read from the file {@code test-mode}
 * in the working directory (a pipeline's folder), for runs whose variables a test cannot set.
 */
public final class TestMain {

    private TestMain() {}

    public static void main(String[] args) throws Exception {
        String mode = System.getenv("TEST_MODE");
        if (mode == null) {
            Path file = Path.of("test-mode");
            mode = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "exit:0";
        }
        if (mode.startsWith("print-env:")) {
            for (String name : mode.substring(10).split(",")) {
                System.out.println("test main: " + name + "=" + System.getenv(name));
            }
            System.exit(0);
        } else if (mode.startsWith("exit:")) {
            System.out.println("test main: trigger=" + System.getenv("STRATA_PIPELINE_TRIGGER") + " run="
                    + System.getenv("STRATA_RUN_ID") + " image=" + System.getenv("STRATA_IMAGE"));
            System.exit(Integer.parseInt(mode.substring(5)));
        } else if (mode.equals("hang")) {
            Process grandchild = new ProcessBuilder("sleep", "600").inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("test main: SIGTERM received")));
            System.out.println("test main: pid " + ProcessHandle.current().pid() + " grandchild " + grandchild.pid());
            System.out.flush();
            Thread.sleep(600_000);
        } else if (mode.startsWith("flood:")) {
            long bytes = Long.parseLong(mode.substring(6)) * 1024 * 1024;
            byte[] line = new byte[1024];
            Arrays.fill(line, (byte) 'x');
            line[line.length - 1] = '\n';
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            for (long written = 0; written < bytes; written += line.length) {
                out.write(line);
            }
            out.flush();
            System.exit(0);
        } else if (mode.startsWith("pipeline:")) {
            String behaviour = mode.substring(9);
            System.exit(Pipeline.named("stand-in").run(run -> {
                System.out.println("test main: run " + run.id() + " " + run.trigger().value());
                if (behaviour.equals("fail")) {
                    throw new IllegalStateException("the stand-in failed, as asked");
                }
                if (behaviour.equals("hang")) {
                    Thread.sleep(600_000);
                }
                if (behaviour.startsWith("wait:")) {
                    Path release = Path.of(behaviour.substring(5));
                    while (!Files.exists(release)) {
                        Thread.sleep(20);
                    }
                }
            }));
        } else if (mode.startsWith("wait-for:")) {
            Path file = Path.of(mode.substring(9));
            while (!Files.exists(file)) {
                Thread.sleep(20);
            }
            System.exit(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()));
        }
        throw new IOException("unknown TEST_MODE " + mode);
    }
}
