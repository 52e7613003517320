package io.strata.orchestration.local;

import io.strata.core.error.StrataException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What runs a pipeline's transform: the plain pipeline library in one JVM, or Apache Spark (the
 * module's Spark variant, {@code strata-pipeline-spark}). Declared by a CronJob's
 * {@code strata.io/engine} annotation or a module's {@code strata.engine} property, overridden by
 * {@code strata run --engine}. The launcher owns the JVM flags an engine needs, so that no user
 * has to copy them into a manifest.
 */
public enum Engine {

    PLAIN("plain", List.of()),

    /**
     * The flags Spark's own launcher gives a JVM on Java 17 ({@code org.apache.spark.launcher
     * .JavaModuleOptions} of Spark 4.2): Spark reaches into these JDK internals (off-heap memory,
     * {@code sun.util.calendar} for dates) and fails without them. Java 23+ flags of that list
     * ({@code --sun-misc-unsafe-memory-access}) are left out: Java 17 refuses unknown options.
     */
    SPARK("spark", List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true"));

    private final String value;
    private final List<String> jvmOptions;

    Engine(String value, List<String> jvmOptions) {
        this.value = value;
        this.jvmOptions = jvmOptions;
    }

    /** As written in a manifest or on the command line. */
    public String value() {
        return value;
    }

    /** The options this engine needs before {@code -jar}. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The engine called {@code value} (any case), or an error naming {@code where} and the engines there are. */
    public static Engine parse(String value, String where) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.value.equals(wanted)).findFirst()
                .orElseThrow(() -> new StrataException(where + ": unknown engine `" + value + "`",
                        "the engines are " + Arrays.stream(values()).map(Engine::value)
                                .collect(Collectors.joining(", "))));
    }
}
