package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-document files, as Kubernetes manifests are written. */
class YamlTreeReaderReadAllTest {

    private static final Path FILE = Path.of("k8s/all.yaml");

    private static List<YamlNode> readAll(String yaml) {
        return YamlTreeReader.readAll(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryDocumentWithItsOwnLines() {
        List<YamlNode> documents = readAll("kind: A\n---\n# a comment\nkind: B\nname: x\n");
        assertThat(documents).hasSize(2);
        assertThat(documents.get(1).mark().line()).isEqualTo(4);
        assertThat(((YamlNode.Mapping) documents.get(1)).entries()).containsKeys("kind", "name");
    }

    @Test
    void leavesOutDocumentsWithNoContent() {
        assertThat(readAll("---\nkind: A\n---\n---\n")).hasSize(1);
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("# only a comment\n")).isEmpty();
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> readAll("kind: A\n---\nkind: B\nkind: C\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("k8s/all.yaml:4:")
                .hasMessageContaining("duplicate key `kind`");
    }
}
