package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lineage:} in strata.yaml: the top-level default, an environment's own settings replacing
 * it, references resolved per environment, and the variables a pipeline's JVM gets from them.
 */
class LineageConfigTest {

    @TempDir
    Path dir;

    /** Also a valid file for SchemaConformanceTest. */
    static final String PLATFORM = """
            name: customers
            lineage:
              openlineage:
                url: http://marquez:5000
                namespace: customers
            environments:
              ci:
                lineage: {}
              staging:
                lineage:
                  openlineage:
                    url: ${env:OPENLINEAGE_URL}
                    file: lineage/events.jsonl
            """;

    @Test
    void environmentsWithoutTheirOwnLineageTakeTheTopLevelOne() {
        ResolvedEnvironment dev = load(dir, PLATFORM).resolve("dev", name -> null);

        assertThat(dev.lineage()).isEqualTo(new LineageSettings("http://marquez:5000", null, "customers"));
        assertThat(dev.lineage().childEnvironment()).isEqualTo(Map.of(
                "STRATA_OPENLINEAGE_URL", "http://marquez:5000",
                "STRATA_OPENLINEAGE_NAMESPACE", "customers"));
    }

    @Test
    void anEnvironmentsOwnLineageReplacesTheTopLevelOneAsAWhole() {
        ResolvedEnvironment staging = load(dir, PLATFORM).resolve("staging",
                Map.of("OPENLINEAGE_URL", " https://lineage.staging/api/v2/events ")::get);

        Path file = dir.resolve("lineage/events.jsonl").toAbsolutePath().normalize();
        // No namespace: the top-level one is not merged in; the pipeline library's default applies.
        assertThat(staging.lineage()).isEqualTo(new LineageSettings("https://lineage.staging/api/v2/events", file,
                null));
        assertThat(staging.lineage().childEnvironment()).isEqualTo(Map.of(
                "STRATA_OPENLINEAGE_URL", "https://lineage.staging/api/v2/events",
                "STRATA_OPENLINEAGE_FILE", file.toString()));
    }

    @Test
    void anEmptyLineageTurnsEventsOff() {
        ResolvedEnvironment ci = load(dir, PLATFORM).resolve("ci", name -> null);

        assertThat(ci.lineage()).isEqualTo(LineageSettings.NONE);
        assertThat(ci.lineage().childEnvironment()).isEmpty();
    }

    @Test
    void noLineageAnywhereMeansNoVariables() {
        ResolvedEnvironment dev = load(dir, "name: customers\n").resolve("dev", name -> null);

        assertThat(dev.lineage().childEnvironment()).isEmpty();
    }

    @Test
    void anUnsetVariableIsAnErrorOnlyForTheEnvironmentThatUsesIt() {
        ProjectConfig config = load(dir, PLATFORM);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> config.resolve("staging", name -> null));

        assertThat(e.line()).isEqualTo(12);
        assertThat(e.keyPath()).isEqualTo("environments.staging.lineage.openlineage.url");
        assertThat(e.getMessage()).contains("`OPENLINEAGE_URL` is not set");
    }

    @Test
    void aReferenceThatResolvesToSomethingOtherThanAnHttpUrlIsAnErrorThatDoesNotShowTheValue() {
        ProjectConfig config = load(dir, PLATFORM);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolve("staging", Map.of("OPENLINEAGE_URL", "marquez:5000?token=s3cret")::get));

        assertThat(e.keyPath()).isEqualTo("environments.staging.lineage.openlineage.url");
        assertThat(e.getMessage()).contains("${env:OPENLINEAGE_URL}").contains("not an http:// or https:// URL")
                .doesNotContain("s3cret");
    }
}
