package io.strata.pipeline.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a Spark executor in a pod that Spark's Kubernetes scheduler started from the
 * pipeline's own image: the one Spark's own image runs for its argument {@code executor}
 * ({@code entrypoint.sh} of Spark 4.2), made from the variables the scheduler sets on every
 * executor pod ({@code BasicExecutorFeatureStep}). The executor's JVM is a process of its own, not
 * this one, because its heap ({@code -Xms}/{@code -Xmx} from {@code SPARK_EXECUTOR_MEMORY}) and
 * the options Spark hands it ({@code SPARK_JAVA_OPT_n}) are JVM options, which only a new JVM takes.
 *
 * @param command the program and its arguments, as {@link ProcessBuilder} takes them
 */
public record ExecutorCommand(List<String> command) {

    /** Spark's executor for Kubernetes, in {@code spark-kubernetes}. */
    public static final String BACKEND = "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend";

    private static final Pattern JAVA_OPTION = Pattern.compile("SPARK_JAVA_OPT_(\\d+)");

    /** The backend's argument and the variable Spark's scheduler sets it from, in entrypoint.sh's order. */
    private static final List<List<String>> ARGUMENTS = List.of(
            List.of("--driver-url", "SPARK_DRIVER_URL"),
            List.of("--executor-id", "SPARK_EXECUTOR_ID"),
            List.of("--cores", "SPARK_EXECUTOR_CORES"),
            List.of("--app-id", "SPARK_APPLICATION_ID"),
            List.of("--hostname", "SPARK_EXECUTOR_POD_IP"),
            List.of("--resourceProfileId", "SPARK_RESOURCE_PROFILE_ID"),
            List.of("--podName", "SPARK_EXECUTOR_POD_NAME"));

    public ExecutorCommand {
        command = List.copyOf(command);
    }

    /**
     * The executor's command in the pod whose variables are {@code env}.
     *
     * @param java the {@code java} program to run
     * @param jvmOptions this JVM's own options (the image's, such as Spark's {@code --add-opens}),
     *     which the executor needs as much as the driver does
     * @param classPath this JVM's class path: the image's, which carries the pipeline and Spark
     * @throws IllegalStateException when a variable Spark sets on executor pods is missing: the
     *     argument {@code executor} is for those pods only
     */
    public static ExecutorCommand of(Map<String, String> env, String java, List<String> jvmOptions, String classPath) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        // SPARK_JAVA_OPT_0, _1, ... in number order, as entrypoint.sh sorts them: the user's
        // spark.executor.extraJavaOptions, then the settings an executor needs before it reaches the driver.
        env.entrySet().stream()
                .map(e -> Map.entry(JAVA_OPTION.matcher(e.getKey()), e.getValue()))
                .filter(e -> e.getKey().matches())
                .sorted(Comparator.comparingInt((Map.Entry<Matcher, String> e) -> Integer.parseInt(e.getKey().group(1))))
                .forEach(e -> command.add(e.getValue()));
        String memory = required(env, "SPARK_EXECUTOR_MEMORY");
        command.add("-Xms" + memory);
        command.add("-Xmx" + memory);
        List<String> path = new ArrayList<>();
        // As entrypoint.sh: the configuration directory Spark mounts first, spark.executor.extraClassPath before the image's.
        optional(env, "SPARK_CONF_DIR").ifPresent(path::add);
        optional(env, "SPARK_CLASSPATH").ifPresent(path::add);
        path.add(classPath);
        command.add("-cp");
        command.add(String.join(":", path));
        command.add(BACKEND);
        for (List<String> argument : ARGUMENTS) {
            command.add(argument.get(0));
            command.add(required(env, argument.get(1)));
        }
        return new ExecutorCommand(command);
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() -> new IllegalStateException("the variable " + name
                + " is not set: Spark's Kubernetes scheduler sets it on the executor pods it starts, and the argument"
                + " `executor` is for those pods only"));
    }

    private static java.util.Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
