package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The CLI starts Spark pipelines as child JVMs and never loads Spark itself: Spark pins its own
 * Jackson, and the CLI's (the root pom's) must stay the only one on its class path.
 */
class NoSparkOnTheClassPathTest {

    @Test
    void neitherSparkNorTheSparkLibraryIsOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.strata.pipeline.spark.SparkEngine"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
