package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigLoadTest {

    @TempDir
    Path dir;

    @Test
    void minimalFileHasAnImplicitEmbeddedDev() {
        ProjectConfig config = load(dir, "name: customers\n");

        assertThat(config.name()).isEqualTo("customers");
        assertThat(config.file()).isEqualTo(dir.resolve("strata.yaml"));
        assertThat(config.environments()).containsOnlyKeys("dev");
        EnvironmentConfig dev = config.environments().get("dev");
        assertThat(dev.declared()).isFalse();
        assertThat(dev.database()).isEqualTo(new DatabaseConfig.Embedded());
        assertThat(dev.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fullFileKeepsDeclarationOrderAndValues() {
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  prod:
                    database:
                      url: ${env:PROD_DB_URL}
                      user: ${env:PROD_DB_USER}
                      password: ${file:secrets/prod-password}
                    lock_timeout: 5m
                  dev:
                    database: embedded
                    lock_timeout: 500ms
                  staging:
                    database:
                      url: jdbc:mysql://db.staging:3306/customers
                      user: strata
                    lock_timeout: 30s
                """);

        assertThat(config.environments()).containsKeys("prod", "dev", "staging");
        assertThat(config.environments().keySet()).containsExactly("prod", "dev", "staging");
        EnvironmentConfig prod = config.environments().get("prod");
        assertThat(prod.declared()).isTrue();
        assertThat(prod.lockTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(prod.location().line()).isEqualTo(3);
        DatabaseConfig.Jdbc jdbc = (DatabaseConfig.Jdbc) prod.database();
        assertThat(jdbc.url().parts()).containsExactly(new ConfigValue.EnvVariable("PROD_DB_URL"));
        assertThat(jdbc.url().location().line()).isEqualTo(5);
        assertThat(jdbc.url().location().keyPath()).isEqualTo("environments.prod.database.url");
        assertThat(jdbc.password().parts()).containsExactly(new ConfigValue.FileContent("secrets/prod-password"));
        assertThat(jdbc.password().secret()).isTrue();
        assertThat(config.environments().get("dev").lockTimeout()).isEqualTo(Duration.ofMillis(500));
        DatabaseConfig.Jdbc staging = (DatabaseConfig.Jdbc) config.environments().get("staging").database();
        assertThat(staging.password()).isNull();
        assertThat(staging.user().text()).isEqualTo("strata");
    }

    @Test
    void implicitDevComesFirstWhenOtherEnvironmentsAreDeclared() {
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://db/customers
                """);

        assertThat(config.environments().keySet()).containsExactly("dev", "staging");
        assertThat(config.environments().get("dev").declared()).isFalse();
        assertThat(config.environments().get("dev").database()).isInstanceOf(DatabaseConfig.Embedded.class);
    }

    @Test
    void anEnvironmentWithNoBodyTakesEveryDefault() {
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  dev:
                  ci: {}
                """);

        assertThat(config.environments().keySet()).containsExactly("dev", "ci");
        assertThat(config.environments().get("dev").declared()).isTrue();
        assertThat(config.environments().get("ci").database()).isInstanceOf(DatabaseConfig.Embedded.class);
        assertThat(config.environments().get("ci").lockTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void emptyEnvironmentsMapStillHasDev() {
        assertThat(load(dir, "name: c\nenvironments: {}\n").environments()).containsOnlyKeys("dev");
    }

    @Test
    void lockTimeoutUnits() {
        assertThat(LockTimeout.parse("0s")).contains(Duration.ZERO);
        assertThat(LockTimeout.parse("2h")).contains(Duration.ofHours(2));
        assertThat(LockTimeout.parse("1.5s")).isEmpty();
        assertThat(LockTimeout.parse("-1s")).isEmpty();
        assertThat(LockTimeout.parse("1234567890s")).isEmpty();
    }

    @Test
    void booleanLikeWordsAndQuotedNumbersAreStrings() {
        ProjectConfig config = load(dir, """
                name: "no"
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://db/customers
                      user: yes
                      password: '12345'
                """);

        assertThat(config.name()).isEqualTo("no");
        DatabaseConfig.Jdbc jdbc = (DatabaseConfig.Jdbc) config.environments().get("staging").database();
        assertThat(jdbc.user().text()).isEqualTo("yes");
        assertThat(jdbc.password().text()).isEqualTo("12345");
    }

    @Test
    void missingFileNamesTheDirectoryAndSuggestsInit() {
        assertThatThrownBy(() -> ProjectConfig.load(dir))
                .isInstanceOf(StrataException.class)
                .isNotInstanceOf(ConfigException.class)
                .hasMessageContaining("no strata.yaml in " + dir)
                .satisfies(e -> assertThat(((StrataException) e).hint())
                        .isEqualTo("run `strata init` or pass -C DIR"));
    }

    @Test
    void fileThatIsNotUtf8IsAConfigError() throws Exception {
        java.nio.file.Files.write(dir.resolve("strata.yaml"),
                "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ProjectConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("strata.yaml") + ":1:")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void crlfLineEndingsAndByteOrderMarkAreFine() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("strata.yaml"),
                "\uFEFFname: customers\r\nenvironments:\r\n  dev:\r\n    lock_timeout: 5s\r\n");

        assertThat(ProjectConfig.load(dir).environments().get("dev").lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void directoryIsWhereFileReferencesStart() {
        assertThat(load(dir, "name: c\n").directory()).isEqualTo(dir);
        assertThat(new ProjectConfig(Path.of("strata.yaml"), "c", java.util.Map.of()).directory())
                .isEqualTo(Path.of(""));
    }

    @Test
    void environmentsMapIsImmutable() {
        ProjectConfig config = load(dir, "name: c\n");
        assertThatThrownBy(() -> config.environments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
