package io.strata.pipeline.spark;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The main of a Spark pipeline's image: {@code java <flags> -cp <image> SparkEntry MAIN [ARGS...]}.
 * Spark's Kubernetes scheduler starts each executor pod from the driver's own image with the one
 * argument {@code executor} and no command of its own, so the image's entrypoint has to be both
 * the pipeline and an executor:
 * <ul>
 *   <li>{@code SparkEntry MAIN executor} starts Spark's executor backend ({@link ExecutorCommand})
 *       and exits with its exit code;
 *   <li>{@code SparkEntry MAIN ARGS...} runs {@code MAIN.main(ARGS)} in this JVM: the driver, as
 *       the image ran it before.
 * </ul>
 * One image and one entrypoint rather than an executor pod template with a command of its own: a
 * template is a file the driver must read when it starts, so it would need a ConfigMap beside each
 * CronJob, and a {@code command} there would still get {@code executor} appended by Spark.
 */
public final class SparkEntry {

    /** The argument Spark's Kubernetes scheduler gives every executor pod. */
    public static final String EXECUTOR = "executor";

    private SparkEntry() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: SparkEntry MAIN-CLASS [executor | ARGS...]: the image names"
                    + " the pipeline's main class first");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (rest.length > 0 && rest[0].equals(EXECUTOR)) {
            if (rest.length > 1) {
                throw new IllegalArgumentException("`executor` takes no arguments (Spark passes its settings as"
                        + " variables), got " + String.join(" ", rest));
            }
            ExecutorCommand command = ExecutorCommand.of(System.getenv(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"));
            System.exit(run(command));
        }
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[0]), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(rest);
    }

    /** Runs {@code command} with this process's standard streams; its exit code. */
    static int run(ExecutorCommand command) throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(command.command()).inheritIO().start();
        // Kubernetes stops a pod by signalling its first process, this JVM: pass the signal on, so
        // that the executor stops as it would in Spark's own image, and wait for it a while.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-executor"));
        return process.waitFor();
    }
}
