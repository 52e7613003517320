package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What production needs, located in strata.yaml and naming the environments involved. */
class ProductionRulesTest {

    @TempDir
    Path dir;

    @Test
    void aProductionEnvironmentNeedsAServerALockTimeoutAndNoUnsafeOrSuspendedPolicy() {
        ProjectConfig config = ConfigFixture.load(dir, """
                name: c
                environments:
                  prod:
                    production: true
                    allow_unsafe: true
                    suspend_schedules: true
                """);
        assertThat(ProductionRules.violations(config, "prod")).extracting(ProductionRules.Violation::toString)
                .containsExactly(
                        dir.resolve("strata.yaml") + ":3:3: environments.prod: production environment `prod` uses the embedded database",
                        dir.resolve("strata.yaml") + ":3:3: environments.prod: production environment `prod` lacks `lock_timeout`, which production needs",
                        dir.resolve("strata.yaml") + ":5:5: environments.prod.allow_unsafe: production environment `prod` has `allow_unsafe: true`",
                        dir.resolve("strata.yaml") + ":6:5: environments.prod.suspend_schedules: production environment `prod` has `suspend_schedules: true`");
        assertThatThrownBy(() -> ProductionRules.check(config, "prod")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("uses the embedded database; also:");
    }

    @Test
    void aSettingProductionRequiresAndAnotherEnvironmentLacksNamesBoth() {
        ProjectConfig config = ConfigFixture.load(dir, """
                name: c
                environments:
                  staging:
                    variables:
                      ALERT_EMAIL: ops@example.com
                  preview:
                    suspend_schedules: true
                  prod:
                    database:
                      url: jdbc:postgresql://db:5432/c
                    lock_timeout: 5m
                    production: true
                    required: [lock_timeout, variables.ALERT_EMAIL]
                    variables:
                      ALERT_EMAIL: ${env:ALERT_EMAIL}
                """);
        assertThat(ProductionRules.violations(config, "prod")).isEmpty();
        assertThat(ProductionRules.violations(config, "staging")).extracting(ProductionRules.Violation::toString)
                .containsExactly(dir.resolve("strata.yaml") + ":3:3: environments.staging: environment `staging` lacks"
                        + " `lock_timeout`, which production environment `prod` requires (at " + dir.resolve("strata.yaml") + ":13)");
        assertThat(ProductionRules.violations(config, "preview")).hasSize(2);
        assertThat(ProductionRules.violations(config, "dev")).first().asString()
                .contains("environment `dev` lacks `lock_timeout`");
        assertThat(config.environment("prod").policy().allowUnsafe()).isFalse();
        assertThat(config.environment("staging").policy().allowUnsafe()).isTrue();
    }

    @Test
    void requiredBelongsToAProductionEnvironment() {
        assertThatThrownBy(() -> ConfigFixture.load(dir, """
                name: c
                environments:
                  staging:
                    required: [lock_timeout]
                """)).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("strata.yaml") + ":4:5: environments.staging.required: `required` lists what"
                        + " production needs, and this environment is not `production: true`");
    }

    @Test
    void secretVariablesAreShownAsReferences() {
        ProjectConfig config = ConfigFixture.load(dir, """
                name: c
                environments:
                  staging:
                    variables:
                      API_TOKEN: inline-secret
                      DB_PASSWORD: ${env:DB_PASSWORD}
                      REGION: eu-west-1
                """);
        var variables = config.environment("staging").policy().variables();
        assertThat(variables.get("API_TOKEN").redacted()).isEqualTo("***");
        assertThat(variables.get("DB_PASSWORD").redacted()).isEqualTo("${env:DB_PASSWORD}");
        assertThat(variables.get("REGION").redacted()).isEqualTo("eu-west-1");
    }
}
