package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod-eu", "a", "ci_2", "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsLowercaseIdentifiers(String name) {
        assertThat(EnvironmentName.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dev", "1dev", "-dev", "dev/prod", "../dev", "dev prod", "dév",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsEverythingElseWithAHint(String name) {
        assertThatThrownBy(() -> EnvironmentName.validate(name))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("is not a valid environment name")
                .satisfies(e -> assertThat(((StrataException) e).hint()).isNotBlank());
    }

    @Test
    void rejectsEmptyAndNull() {
        assertThatThrownBy(() -> EnvironmentName.validate("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> EnvironmentName.validate(null)).hasMessageContaining("empty");
    }
}
