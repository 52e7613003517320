package io.strata.orchestration.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a pipeline's JVM is started: {@code java [jvmOptions] -jar jar}, with {@code environment}
 * added to the parent's variables (from which every inherited {@code STRATA_*} is removed first,
 * so a run never picks up settings meant for another). A value, so that an engine that needs JVM
 * flags of its own (Spark's {@code --add-opens}, issue #7) adds them rather than rewriting a string.
 *
 * @param java the {@code java} executable
 * @param jvmOptions options before {@code -jar}, in order
 * @param jar the runnable jar
 * @param environment the variables the run gets, such as {@code STRATA_DATABASE_URL}; may hold a
 *     password, so {@link #toString()} shows the names only
 */
public record JvmCommand(Path java, List<String> jvmOptions, Path jar, Map<String, String> environment) {

    /** The prefix of every variable Strata passes to a pipeline. */
    static final String STRATA_PREFIX = "STRATA_";

    public JvmCommand {
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(jar, "jar");
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    /** {@code java -jar jar} with the {@code java} this JVM runs on, no options, no variables. */
    public static JvmCommand forJar(Path jar) {
        return new JvmCommand(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(), jar, Map.of());
    }

    public JvmCommand withJvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return new JvmCommand(java, all, jar, environment);
    }

    public JvmCommand withEnvironment(Map<String, String> variables) {
        Map<String, String> all = new TreeMap<>(environment);
        all.putAll(variables);
        return new JvmCommand(java, jvmOptions, jar, all);
    }

    /** The command line. */
    public List<String> arguments() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** A process builder for this command, its environment the parent's less {@code STRATA_*}, plus {@link #environment()}. */
    ProcessBuilder processBuilder(Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(arguments()).directory(workingDirectory.toFile());
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(name -> name.startsWith(STRATA_PREFIX));
        variables.putAll(environment);
        return builder;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments()) + " with " + environment.keySet();
    }
}
