package io.strata.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The variables Spark's Kubernetes scheduler sets on an executor pod (as BasicExecutorFeatureStep
 * of Spark 4.2 writes them) become the command Spark's own image would run for {@code executor}.
 */
class ExecutorCommandTest {

    private static final List<String> FLAGS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED");

    private static Map<String, String> pod() {
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_DRIVER_URL", "spark://CoarseGrainedScheduler@10.1.2.3:7078");
        env.put("SPARK_EXECUTOR_ID", "2");
        env.put("SPARK_EXECUTOR_CORES", "1");
        env.put("SPARK_EXECUTOR_MEMORY", "1024m");
        env.put("SPARK_APPLICATION_ID", "spark-application-1764133200000");
        env.put("SPARK_RESOURCE_PROFILE_ID", "0");
        env.put("SPARK_EXECUTOR_POD_IP", "10.1.4.7");
        env.put("SPARK_EXECUTOR_POD_NAME", "customers-7f3a-exec-2");
        env.put("SPARK_CONF_DIR", "/opt/spark/conf");
        env.put("SPARK_USER", "65532");
        return env;
    }

    @Test
    void theVariablesOfAnExecutorPodBecomeSparksExecutorCommand() {
        Map<String, String> env = pod();
        env.put("SPARK_JAVA_OPT_0", "-Dspark.driver.port=7078");
        env.put("SPARK_JAVA_OPT_1", "-Dspark.blockManager.port=7079");

        ExecutorCommand command = ExecutorCommand.of(env, "/java/bin/java", FLAGS, "/app/resources:/app/classes:/app/libs/*");

        assertThat(command.command()).containsExactly("/java/bin/java", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dspark.driver.port=7078", "-Dspark.blockManager.port=7079", "-Xms1024m", "-Xmx1024m",
                "-cp", "/opt/spark/conf:/app/resources:/app/classes:/app/libs/*",
                "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend",
                "--driver-url", "spark://CoarseGrainedScheduler@10.1.2.3:7078", "--executor-id", "2", "--cores", "1",
                "--app-id", "spark-application-1764133200000", "--hostname", "10.1.4.7", "--resourceProfileId", "0",
                "--podName", "customers-7f3a-exec-2");
    }

    @Test
    void javaOptionsKeepTheirNumberOrderPastTenAndAnExtraClassPathComesBeforeTheImages() {
        Map<String, String> env = pod();
        env.remove("SPARK_CONF_DIR");
        for (int i = 0; i <= 11; i++) {
            env.put("SPARK_JAVA_OPT_" + i, "-Dopt" + i + "=x");
        }
        env.put("SPARK_CLASSPATH", "/extra/*");

        List<String> command = ExecutorCommand.of(env, "java", List.of(), "/app/libs/*").command();

        assertThat(command.subList(1, 13)).containsExactly("-Dopt0=x", "-Dopt1=x", "-Dopt2=x", "-Dopt3=x", "-Dopt4=x",
                "-Dopt5=x", "-Dopt6=x", "-Dopt7=x", "-Dopt8=x", "-Dopt9=x", "-Dopt10=x", "-Dopt11=x");
        assertThat(command).containsSequence("-cp", "/extra/*:/app/libs/*");
    }

    @Test
    void aMissingVariableIsNamed() {
        Map<String, String> env = pod();
        env.remove("SPARK_EXECUTOR_POD_IP");

        assertThatThrownBy(() -> ExecutorCommand.of(env, "java", FLAGS, "/app/libs/*"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPARK_EXECUTOR_POD_IP is not set")
                .hasMessageContaining("`executor` is for those pods only");
    }

    @Test
    void theCommandIsACopy() {
        List<String> parts = new java.util.ArrayList<>(List.of("java", "-version"));
        ExecutorCommand command = new ExecutorCommand(parts);
        parts.add("-more");

        assertThat(command.command()).containsExactly("java", "-version");
    }
}
