package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void dialectFollowsTheUrl() {
        assertThat(new DatabaseSettings.Jdbc("jdbc:postgresql://h/db", null, null).dialect()).isEqualTo("postgresql");
        assertThat(new DatabaseSettings.Jdbc("jdbc:mysql://h/db", null, null).dialect()).isEqualTo("mysql");
        assertThat(new DatabaseSettings.Jdbc("jdbc:mariadb://h/db", null, null).dialect()).isEqualTo("mysql");
        assertThat(new DatabaseSettings.Embedded().dialect()).isEqualTo("postgresql");
    }

    @Test
    void redactedUrlMasksPasswords() {
        assertThat(new DatabaseSettings.Jdbc("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true", null, null)
                .redactedUrl()).isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(new DatabaseSettings.Jdbc("jdbc:mysql://app:hunter2@h:3306/db", null, null).redactedUrl())
                .isEqualTo("jdbc:mysql://app:***@h:3306/db");
        assertThat(new DatabaseSettings.Jdbc("jdbc:postgresql://h/db?sslpassword=k&PASSWORD=p", null, null)
                .redactedUrl()).isEqualTo("jdbc:postgresql://h/db?sslpassword=***&PASSWORD=***");
        assertThat(new DatabaseSettings.Jdbc("jdbc:postgresql://h:5432/db", null, null).redactedUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void rejectsUnsupportedUrlsWithoutQuotingThem() {
        assertThatThrownBy(() -> new DatabaseSettings.Jdbc("jdbc:oracle:thin:hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void secretPrintsAsStars() {
        Secret secret = new Secret("hunter2", "${env:PW}");
        assertThat(secret).hasToString("***");
        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(secret.reference()).isEqualTo("${env:PW}");
        assertThat(secret).isEqualTo(new Secret("hunter2", "${env:PW}")).isNotEqualTo(new Secret("other", "${env:PW}"));
    }
}
