package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `env list`, `env show` and the production policy, through the CLI. */
class EnvPolicyCliTest {

    @TempDir
    Path platform;

    @Test
    void listAndShowPrintReferencesNeverSecrets() throws IOException {
        Files.writeString(platform.resolve("strata.yaml"), """
                name: c
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://db:5432/c?password=inline-url-secret
                      user: ${env:STAGING_DATABASE_USER}
                      password: ${env:STAGING_DATABASE_PASSWORD}
                    suspend_schedules: true
                    variables:
                      API_TOKEN: inline-token
                  prod:
                    database:
                      url: ${env:PROD_DATABASE_URL}
                      password: inline-password
                    production: true
                """);
        Cli cli = new Cli(Map.of("STAGING_DATABASE_PASSWORD", "resolved-secret"));
        Cli.Result list = cli.run("-C", platform.toString(), "env", "list");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("staging  postgresql jdbc:postgresql://db:5432/c?password=***  suspend_schedules  no")
                .contains("prod     server ${env:PROD_DATABASE_URL}").contains("production");
        Cli.Result show = cli.run("-C", platform.toString(), "env", "show", "staging");
        assertThat(show.out()).contains("password:        ${env:STAGING_DATABASE_PASSWORD}")
                .contains("API_TOKEN:       ***").contains("policy check:      ok");
        Cli.Result prod = cli.run("-C", platform.toString(), "env", "show", "prod");
        assertThat(prod.out()).contains("password:        ***").contains("allow_unsafe:      false (default)")
                .contains("1 problem(s), plan refuses:").contains("lacks `lock_timeout`");
        assertThat(list.out() + show.out() + prod.out()).doesNotContain("inline").doesNotContain("resolved-secret");
    }

    @Test
    void planRefusesABrokenProductionEnvironmentAndApplyRefusesAllowUnsafeThere() throws IOException {
        try (TestDatabase db = TestDatabase.onServer()) {
            Files.writeString(platform.resolve("strata.yaml"), """
                    name: c
                    environments:
                      prod:
                        database:
                          url: jdbc:postgresql://127.0.0.1:5432/%s?user=postgres
                        production: true
                    """.formatted(db.name()));
            Cli cli = new Cli(Map.of());
            Cli.Result plan = cli.run("-C", platform.toString(), "--env", "prod", "plan");
            assertThat(plan.code()).isEqualTo(ExitCode.ERROR);
            assertThat(plan.err()).contains("strata.yaml:3:3: environments.prod: production environment `prod` lacks"
                    + " `lock_timeout`, which production needs");
            Files.writeString(platform.resolve("strata.yaml"), Files.readString(platform.resolve("strata.yaml"))
                    + "    lock_timeout: 5m\n");
            Cli.Result unsafe = cli.run("-C", platform.toString(), "--env", "prod", "apply", "--allow-unsafe", "--auto-approve");
            assertThat(unsafe.code()).isEqualTo(ExitCode.ERROR);
            assertThat(unsafe.err()).contains("environment prod has `allow_unsafe: false`")
                    .contains("strata apply plan.json");
            assertThat(cli.run("-C", platform.toString(), "--env", "prod", "apply", "--auto-approve").code()).isZero();
        }
    }
}
