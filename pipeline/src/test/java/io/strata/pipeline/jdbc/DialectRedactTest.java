package io.strata.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the pipeline library prints of a database URL: never a password, in its query or its authority. */
class DialectRedactTest {

    @Test
    void dropsTheQueryAndMasksAPasswordInTheAuthority() {
        assertThat(Dialect.redact("jdbc:postgresql://db:5432/p?user=u&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/p?…");
        assertThat(Dialect.redact("jdbc:mysql://u:s3cret@db:3306/p?useSSL=true"))
                .isEqualTo("jdbc:mysql://u:***@db:3306/p?…");
        assertThat(Dialect.redact("jdbc:mariadb://u@db/p")).isEqualTo("jdbc:mariadb://u@db/p");
    }
}
