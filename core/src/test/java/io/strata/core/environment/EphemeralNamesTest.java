package io.strata.core.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.config.EnvironmentName;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Names from hostile branch names: always valid, within the servers' limits, distinct when the inputs are. */
class EphemeralNamesTest {

    @Test
    void branchNamesBecomeIdentifiers() {
        assertThat(EphemeralNames.environment("pr-12")).isEqualTo("pr-12");
        assertThat(EphemeralNames.environment("feature/Add segment!")).isEqualTo("feature_add_segment");
        assertThat(EphemeralNames.environment("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(EphemeralNames.environment("Ünïcødé/Straße 🚀")).isEqualTo("unic_de_stra_e");
        assertThat(EphemeralNames.environment("123")).isEqualTo("env_123");
        assertThat(EphemeralNames.environment("'; DROP DATABASE prod; --")).isEqualTo("drop_database_prod");
        assertThat(EphemeralNames.environment("🚀")).isEqualTo("env_");
    }

    @Test
    void longNamesAreCutWithAHashSoTheyStayApart() {
        String a = "feature/" + "x".repeat(200) + "-a";
        String b = "feature/" + "x".repeat(200) + "-b";
        assertThat(EphemeralNames.environment(a)).hasSize(63).isNotEqualTo(EphemeralNames.environment(b));
        assertThat(EphemeralNames.disambiguated("feature/add-segment")).startsWith("feature_add_segment_")
                .isNotEqualTo(EphemeralNames.disambiguated("feature/Add segment!"));
    }

    @Test
    void databaseNamesFitPostgresqlAndMysql() {
        assertThat(EphemeralNames.database("customers", "pr-1")).isEqualTo("customers_pr_1");
        String db = EphemeralNames.database("strata_test_" + "a".repeat(40), "feature_" + "b".repeat(40));
        assertThat(db.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(db).matches("[A-Za-z0-9_]+").isNotEqualTo(EphemeralNames.database("strata_test_" + "a".repeat(40),
                "feature_" + "b".repeat(39) + "c"));
    }

    @Test
    void anyInputGivesAValidEnvironmentAndDatabaseName() {
        Random random = new Random(8);
        for (int i = 0; i < 2000; i++) {
            StringBuilder requested = new StringBuilder("x");
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                requested.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x1F600) : 0x20 + random.nextInt(95));
            }
            String env = EphemeralNames.environment(requested.toString());
            assertThat(EnvironmentName.isValid(env)).as(requested + " → " + env).isTrue();
            assertThat(EphemeralNames.database("customers", env)).matches("[A-Za-z0-9_]{1,63}");
        }
    }
}
