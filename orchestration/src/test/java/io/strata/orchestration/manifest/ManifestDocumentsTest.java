package io.strata.orchestration.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestDocumentsTest {

    @Test
    void aSingleDocumentIsTheWholeFileWithItsComments() {
        List<ManifestDocuments.Document> documents = ManifestDocuments.split("# why\nkind: CronJob\nmetadata: {}\n\n\n");

        assertThat(documents).containsExactly(new ManifestDocuments.Document(1, 5, "# why\nkind: CronJob\nmetadata: {}\n"));
    }

    @Test
    void documentsAreCutAtSeparatorLinesAndKnowTheirLines() {
        String text = """
                kind: Namespace
                ---
                # the job
                kind: CronJob
                --- # trailing comment
                kind: ConfigMap
                ...
                ---
                """;

        List<ManifestDocuments.Document> documents = ManifestDocuments.split(text);

        assertThat(documents).extracting(ManifestDocuments.Document::text)
                .containsExactly("kind: Namespace\n", "# the job\nkind: CronJob\n", "    # trailing comment\nkind: ConfigMap\n");
        assertThat(documents.get(1).firstLine()).isEqualTo(3);
        assertThat(documents.get(1).contains(4)).isTrue();
        assertThat(documents.get(1).contains(5)).isFalse();
        assertThat(documents.get(2).firstLine()).isEqualTo(5);
    }

    @Test
    void aDocumentParsedAtItsLinesReportsTheFilesLines() {
        ManifestDocuments.Document second = ManifestDocuments.split("a: 1\n---\n\nb: 2\n").get(1);

        assertThat(ManifestDocuments.parse(java.nio.file.Path.of("k8s/x.yaml"), second.textAtItsLines()).mark().line())
                .isEqualTo(4);
    }

    @Test
    void windowsLineEndingsAreCutTheSameWay() {
        assertThat(ManifestDocuments.split("a: 1\r\n---\r\nb: 2\r\n")).extracting(ManifestDocuments.Document::text)
                .containsExactly("a: 1\n", "b: 2\n");
    }
}
