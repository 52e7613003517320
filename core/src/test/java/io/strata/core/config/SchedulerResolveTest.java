package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scheduler}: local by default; a cluster's references resolve only for its own environment. */
class SchedulerResolveTest {

    private static final String YAML = """
            name: customers
            environments:
              staging:
                scheduler:
                  kubernetes:
                    context: ${env:KUBE_CONTEXT}
                    namespace: data-pipelines
              test:
                scheduler:
                  kubernetes:
                    server: ${env:K8S_API}
            """;

    @TempDir
    Path dir;

    @Test
    void devIsLocalWhileStagingsVariablesAreUnset() {
        ProjectConfig config = ConfigFixture.load(dir, YAML);
        assertThat(config.resolveScheduler("dev", Map.<String, String>of()::get)).isEqualTo(new SchedulerSettings.Local());
    }

    @Test
    void aContextAndANamespaceResolve() {
        ProjectConfig config = ConfigFixture.load(dir, YAML);
        SchedulerSettings settings = config.resolveScheduler("staging", Map.of("KUBE_CONTEXT", "prod-eu")::get);
        assertThat(settings).isEqualTo(new SchedulerSettings.Kubernetes("prod-eu", null, "data-pipelines"));
    }

    @Test
    void aServerReferenceIsCheckedOnceResolved() {
        ProjectConfig config = ConfigFixture.load(dir, YAML);
        assertThat(config.resolveScheduler("test", Map.of("K8S_API", "http://127.0.0.1:41234")::get))
                .isEqualTo(new SchedulerSettings.Kubernetes(null, "http://127.0.0.1:41234", null));

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolveScheduler("test", Map.of("K8S_API", "http://k8s.example.com")::get));
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.keyPath()).isEqualTo("environments.test.scheduler.kubernetes.server");
        assertThat(e.getMessage()).contains("plain `http://` is refused");
    }

    @Test
    void anUnsetVariableNamesItsLine() {
        ProjectConfig config = ConfigFixture.load(dir, YAML);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolveScheduler("staging", Map.<String, String>of()::get));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("KUBE_CONTEXT");
    }
}
