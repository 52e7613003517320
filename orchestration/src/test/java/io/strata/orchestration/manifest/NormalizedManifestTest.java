package io.strata.orchestration.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.config.YamlNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NormalizedManifestTest {

    private static YamlNode parse(String yaml) {
        return ManifestDocuments.parse(Path.of("k8s/x.yaml"), yaml);
    }

    private static final String JOB = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: orders
              annotations:
                strata.io/pipeline: orders
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  backoffLimit: 2
            """;

    @Test
    void formattingCommentsQuotingAndKeyOrderAreNotContent() {
        String reformatted = """
                # reformatted by an editor
                kind:    CronJob
                apiVersion: 'batch/v1'
                spec:
                    jobTemplate: {spec: {backoffLimit: 2}}   # flow style
                    schedule: '0 3 * * *'
                metadata:
                    annotations: {"strata.io/pipeline": orders}
                    name: orders
                """;

        assertThat(NormalizedManifest.hash(parse(reformatted))).isEqualTo(NormalizedManifest.hash(parse(JOB)))
                .startsWith("sha256:");
        assertThat(NormalizedManifest.differences(parse(JOB), parse(reformatted))).isEmpty();
    }

    @Test
    void valuesAndTheirTypesAreContent() {
        String quotedNumber = JOB.replace("backoffLimit: 2", "backoffLimit: \"2\"");
        String otherSchedule = JOB.replace("0 3 * * *", "0 4 * * *");

        assertThat(NormalizedManifest.hash(parse(quotedNumber))).isNotEqualTo(NormalizedManifest.hash(parse(JOB)));
        assertThat(NormalizedManifest.differences(parse(JOB), parse(quotedNumber)))
                .containsExactly("spec.jobTemplate.spec.backoffLimit");
        assertThat(NormalizedManifest.differences(parse(JOB), parse(otherSchedule))).containsExactly("spec.schedule");
    }

    @Test
    void differencesNameKeysAddedOrRemovedAndListItems() {
        String before = "spec:\n  containers:\n    - image: a\n    - image: b\n";
        String after = "spec:\n  suspend: true\n  containers:\n    - image: c\n";

        assertThat(NormalizedManifest.differences(parse(before), parse(after)))
                .containsExactly("spec.containers[0].image", "spec.containers[1]", "spec.suspend");
    }
}
