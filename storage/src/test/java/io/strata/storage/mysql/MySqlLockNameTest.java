package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MySqlLockNameTest {

    @Test
    void aShortDatabaseNameIsReadableInTheLockName() {
        assertThat(MySqlLockName.of("customers_platform")).isEqualTo("strata.apply.customers_platform");
        assertThat(MySqlLockName.of("x".repeat(51))).hasSize(64).isEqualTo("strata.apply." + "x".repeat(51));
    }

    @Test
    void aLongDatabaseNameIsHashedToSixtyFourCharacters() {
        String a = MySqlLockName.of("x".repeat(52));
        String b = MySqlLockName.of("x".repeat(51) + "y");
        assertThat(a).hasSize(64).startsWith("strata.apply.sha256:").isEqualTo(MySqlLockName.of("x".repeat(52)));
        assertThat(b).hasSize(64).isNotEqualTo(a);
    }
}
