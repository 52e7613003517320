package io.strata.access.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a name holds, the written YAML reads back as exactly that name, as a key and in a list. */
class SpecYamlTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "Sales EU", "marts.*", "marts.score(integer, text)", "a,b", "true", "no", "null",
            "x: y", "x #y", "-x", "*alias", "&anchor", "'quoted'", "\"dq\"", "tab\there", "new\nline", "trailing ",
            " leading", "Ünïcödé", "%percent", "@at", "`tick`", "[x]", "{x}", "a]b", "?", "~", "123", "1.5", ""})
    void readsBackAsWritten(String name) throws Exception {
        String doc = SpecYaml.scalar(name) + ": " + SpecYaml.list(List.of(name, "SELECT")) + "\n";
        Map<?, ?> parsed = YAML.readValue(doc, Map.class);
        assertThat(List.copyOf(parsed.keySet())).as(doc).isEqualTo(List.of(name));
        assertThat(parsed.get(name)).as(doc).isEqualTo(List.of(name, "SELECT"));
    }
}
