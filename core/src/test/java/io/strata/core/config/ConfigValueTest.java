package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.config.ConfigValue.EnvVariable;
import io.strata.core.config.ConfigValue.FileContent;
import io.strata.core.config.ConfigValue.Literal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigValueTest {

    private static final SourceLocation HERE = new SourceLocation(Path.of("strata.yaml"), 3, 7, "x");

    @Test
    void splitsLiteralsAndReferences() {
        ConfigValue value = ConfigValue.parse("jdbc:postgresql://${env:HOST}:5432/${file:db-name}", false, HERE);

        assertThat(value.parts()).containsExactly(
                new Literal("jdbc:postgresql://"), new EnvVariable("HOST"), new Literal(":5432/"),
                new FileContent("db-name"));
        assertThat(value.hasReferences()).isTrue();
        assertThat(value.startsWithReference()).isFalse();
    }

    @Test
    void unescapesDollarDollarBrace() {
        assertThat(ConfigValue.parse("a$${b}$$c$", false, HERE).parts()).containsExactly(new Literal("a${b}$$c$"));
        assertThat(ConfigValue.parse("$$${env:X}", false, HERE).parts())
                .containsExactly(new Literal("$${env:X}"));
    }

    @Test
    void secretLiteralsAreMaskedReferencesAreNot() {
        ConfigValue value = ConfigValue.parse("pre-${env:PW}-post", true, HERE);

        assertThat(value.redacted()).isEqualTo("***${env:PW}***");
        assertThat(value.toString()).doesNotContain("pre", "post").contains("${env:PW}");
        assertThat(value.parts().toString()).doesNotContain("pre", "post");
    }

    @Test
    void errorsQuoteTheReferenceOnlyForNonSecrets() {
        assertThatThrownBy(() -> ConfigValue.parse("${vault:x}", false, HERE))
                .hasMessageContaining("`${vault:x}`");
        assertThatThrownBy(() -> ConfigValue.parse("${vault:x}", true, HERE))
                .hasMessageNotContaining("vault");
    }
}
