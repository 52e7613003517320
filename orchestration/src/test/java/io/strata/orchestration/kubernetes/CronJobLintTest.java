package io.strata.orchestration.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CronJob lint: each rule on a manifest that trips it, a clean manifest that trips none, a page per code. */
class CronJobLintTest {

    @TempDir
    Path root;

    private ClusterPlatform platform;

    @BeforeEach
    void setUp() {
        platform = new ClusterPlatform(root).pipeline("customers");
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private List<String> codes(String schedule, String extraSpec) {
        return codes(ClusterPlatform.cronJob("customers-enrichment", "customers", schedule, extraSpec));
    }

    private List<String> codes(String manifest) {
        platform.write("k8s/c.yaml", manifest);
        return platform.layer.declare(platform.workspace()).findings().stream().map(CronJobLint.Finding::code).toList();
    }

    @Test
    void aCarefulManifestHasNoFinding() {
        assertThat(codes("0 3 * * *", "  concurrencyPolicy: Forbid\n")).isEmpty();
    }

    @Test
    void eachRuleOnTheManifestItIsAbout() {
        assertThat(codes("0 0 30 2 *", "")).containsExactly("CJ101");
        assertThat(codes("0 3 1 * MON", "")).containsExactly("CJ103");
        assertThat(codes("*/5 * * * *", "")).containsExactly("CJ104");
        assertThat(codes("*/5 * * * *", "  startingDeadlineSeconds: 300\n")).isEmpty();
        assertThat(codes("0 3 * * *", "  startingDeadlineSeconds: 0\n")).containsExactly("CJ105");
        String replace = ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", "")
                .replace("  annotations:\n", "  annotations:\n    strata.io/sink: replace\n");
        assertThat(codes(replace)).containsExactly("CJ106");
        assertThat(codes(replace.replace("spec:\n  schedule", "spec:\n  concurrencyPolicy: Forbid\n  schedule"))).isEmpty();
        String unbounded = ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", "")
                .replaceAll("(?s)\\s+resources:.*", "\n");
        assertThat(codes(unbounded)).containsExactly("CJ107");
        assertThat(codes(ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *", "")
                .replace("${image:customers}", "registry.example.com/tools/exporter:latest"))).containsExactly("CJ108");
    }

    @Test
    void aFindingNamesItsFileLineAndPage() {
        platform.write("k8s/c.yaml", ClusterPlatform.cronJob("customers-enrichment", "customers", "0 3 * * *",
                "  startingDeadlineSeconds: 0\n"));
        assertThat(platform.plan().warnings()).containsExactly("CJ105 k8s/c.yaml:10: customers-enrichment:"
                + " startingDeadlineSeconds: 0 never starts a Job: the controller checks every 10 s (docs/lint/CJ105.md)");
    }

    @Test
    void everyCodeHasItsPageAndEveryCjPageACode() throws IOException {
        Path docs = Path.of("..", "docs", "lint");
        for (String code : CronJobLint.CODES) {
            assertThat(Files.readString(docs.resolve(code + ".md"))).startsWith("# " + code + ": ")
                    .contains("## What it detects", "## Example", "## The fix");
            assertThat(Files.readString(docs.resolve("README.md"))).contains("[" + code + "](" + code + ".md)");
        }
        try (Stream<Path> pages = Files.list(docs)) {
            assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("CJ")))
                    .allSatisfy(n -> assertThat(CronJobLint.CODES).contains(n.replace(".md", "")));
        }
    }
}
