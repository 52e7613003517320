package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.strata.core.error.StrataException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveTest {

    @TempDir
    Path dir;

    private static final String PLATFORM = """
            name: customers
            environments:
              dev:
                database: embedded
                lock_timeout: 5s
              staging:
                database:
                  url: jdbc:postgresql://${env:STAGING_DB_HOST}:5432/customers?ssl=true
                  user: ${env:STAGING_DB_USER}
                  password: ${file:secrets/staging-password}
                lock_timeout: 2m
            """;

    private static final Map<String, String> STAGING_VARS =
            Map.of("STAGING_DB_HOST", "db.staging", "STAGING_DB_USER", "strata");

    @Test
    void devResolvesWithoutStagingVariables() {
        ResolvedEnvironment dev = load(dir, PLATFORM).resolve("dev", name -> null);

        assertThat(dev).isEqualTo(new ResolvedEnvironment("dev", new DatabaseSettings.Embedded(), Duration.ofSeconds(5)));
        assertThat(dev.database().dialect()).isEqualTo("postgresql");
    }

    @Test
    void theDatabaseAloneResolvesWithoutTheVariablesAndLineageItDoesNotNeed() {
        ConfigFixture.write(dir, "secrets/staging-password", "s3cr3t-pw\n");
        ProjectConfig config = load(dir, PLATFORM.replace("    lock_timeout: 2m\n", """
                    lock_timeout: 2m
                    variables:
                      ALERT_EMAIL: ${env:UNSET_ALERT_EMAIL}
                    lineage:
                      openlineage:
                        url: ${env:UNSET_LINEAGE_URL}
                """));

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) config.resolveDatabase("staging", STAGING_VARS::get);

        assertThat(jdbc.url()).isEqualTo("jdbc:postgresql://db.staging:5432/customers?ssl=true");
        assertThat(jdbc.password().reveal()).isEqualTo("s3cr3t-pw");
        assertThatThrownBy(() -> config.resolve("staging", STAGING_VARS::get)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("UNSET_ALERT_EMAIL");
    }

    @Test
    void implicitDevResolvesToEmbedded() {
        ResolvedEnvironment dev = load(dir, "name: customers\n").resolve("dev", name -> null);

        assertThat(dev.database()).isInstanceOf(DatabaseSettings.Embedded.class);
        assertThat(dev.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void referencesInTheMiddleOfStringsAndFilesRelativeToThePlatformDirectory() {
        ConfigFixture.write(dir, "secrets/staging-password", "s3cr3t-pw\n");

        ResolvedEnvironment staging = load(dir, PLATFORM).resolve("staging", STAGING_VARS::get);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) staging.database();
        assertThat(jdbc.url()).isEqualTo("jdbc:postgresql://db.staging:5432/customers?ssl=true");
        assertThat(jdbc.user()).isEqualTo("strata");
        assertThat(jdbc.password().reveal()).isEqualTo("s3cr3t-pw");
        assertThat(jdbc.password().reference()).isEqualTo("${file:secrets/staging-password}");
        assertThat(jdbc.dialect()).isEqualTo("postgresql");
        assertThat(staging.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void fileReferencesResolveAgainstTheDirectoryOfStrataYamlNotTheWorkingDirectory() {
        Path platform = dir.resolve("nested/platform");
        ConfigFixture.write(platform, "pw.txt", "from-file\r\n\n");
        ConfigFixture.write(platform, """
                name: customers
                environments:
                  prod:
                    database:
                      url: jdbc:mariadb://db:3306/customers
                      password: ${file:pw.txt}
                """);

        ResolvedEnvironment prod = ProjectConfig.load(platform).resolve("prod", name -> null);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) prod.database();
        assertThat(jdbc.password().reveal()).isEqualTo("from-file");
        assertThat(jdbc.user()).isNull();
        assertThat(jdbc.dialect()).isEqualTo("mysql");
    }

    @Test
    void dollarDollarBraceEscapesALiteralReference() {
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  staging:
                    database:
                      url: jdbc:mysql://db:3306/customers
                      user: ${env:USER_PREFIX}-$${env:NOT_A_REF}-$$x-$
                      password: "p$${w}"
                """);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc)
                config.resolve("staging", Map.of("USER_PREFIX", "app")::get).database();

        assertThat(jdbc.user()).isEqualTo("app-${env:NOT_A_REF}-$$x-$");
        assertThat(jdbc.password().reveal()).isEqualTo("p${w}");
        assertThat(jdbc.dialect()).isEqualTo("mysql");
    }

    @Test
    void wholeUrlFromAVariableIsCheckedAfterResolving() {
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  staging:
                    database:
                      url: ${env:STAGING_DB_URL}
                """);

        assertThat(config.resolve("staging", Map.of("STAGING_DB_URL", "jdbc:postgresql://db/c")::get).database())
                .isEqualTo(new DatabaseSettings.Jdbc("jdbc:postgresql://db/c", null, null));

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolve("staging", Map.of("STAGING_DB_URL", "jdbc:sqlserver://hunter2")::get));
        assertThat(e.getMessage())
                .startsWith(config.file() + ":5:")
                .contains("environments.staging.database.url", "${env:STAGING_DB_URL}", "does not start with")
                .doesNotContain("hunter2", "sqlserver");
    }

    @Test
    void unsetVariableNamesFileLineKeyAndVariable() {
        ConfigFixture.write(dir, "secrets/staging-password", "pw");
        ProjectConfig config = load(dir, PLATFORM);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolve("staging", Map.of("STAGING_DB_HOST", "db")::get));

        assertThat(e.getMessage())
                .startsWith(config.file() + ":9:")
                .contains("environments.staging.database.user", "`STAGING_DB_USER` is not set");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.hint()).contains("export STAGING_DB_USER");
    }

    @Test
    void missingSecretFileNamesFileLineKeyAndPath() {
        ProjectConfig config = load(dir, PLATFORM);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolve("staging", STAGING_VARS::get));

        assertThat(e.getMessage())
                .startsWith(config.file() + ":10:")
                .contains("environments.staging.database.password", "${file:secrets/staging-password}",
                        dir.resolve("secrets/staging-password").toString(), "does not exist");
    }

    @Test
    void fileReferenceToADirectoryIsAnError() {
        ConfigFixture.write(dir, "secrets/staging-password/readme", "not here");
        ProjectConfig config = load(dir, PLATFORM);

        assertThatThrownBy(() -> config.resolve("staging", STAGING_VARS::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":10:")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        ProjectConfig config = load(dir, PLATFORM);

        assertThatThrownBy(() -> config.resolve("prod", name -> null))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("environment `prod` is not declared in " + config.file())
                .hasMessageContaining("known environments: dev, staging");
    }

    @Test
    void invalidEnvironmentNameIsRejectedBeforeLookup() {
        ProjectConfig config = load(dir, PLATFORM);

        assertThatThrownBy(() -> config.resolve("../staging", name -> null))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("`../staging` is not a valid environment name");
    }

    private static final String IMAGES = """
            name: customers
            environments:
              dev:
                images:
                  base: tar:images/base.tar
                  registry:
                    url: 127.0.0.1:5000/strata
                    insecure: true
              staging:
                database:
                  url: ${env:STAGING_DB_URL}
                images:
                  registry:
                    url: ${env:REGISTRY}
                    username: ci
                    password: ${env:REGISTRY_PASSWORD}
            """;

    @Test
    void imagesDefaultToTheTemurinBaseAndNoRegistry() {
        ImageSettings images = load(dir, "name: customers\n").resolveImages("dev", name -> null);

        assertThat(images).isEqualTo(new ImageSettings("eclipse-temurin:17-jre", null));
    }

    @Test
    void aTarBaseIsResolvedAgainstThePlatformFolder() {
        ImageSettings images = load(dir, IMAGES).resolveImages("dev", name -> null);

        assertThat(images.base()).isEqualTo("tar:" + dir.toAbsolutePath().resolve("images/base.tar"));
        assertThat(images.registry()).isEqualTo(new ImageSettings.Registry("127.0.0.1:5000", "strata", true, null, null));
        assertThat(images.registry().repository("customers")).isEqualTo("127.0.0.1:5000/strata/customers");
    }

    @Test
    void imagesResolveWithoutTheDatabaseVariables() {
        ImageSettings images = load(dir, IMAGES).resolveImages("staging",
                Map.of("REGISTRY", "ghcr.io/acme", "REGISTRY_PASSWORD", "t0ken")::get);

        assertThat(images.registry().host()).isEqualTo("ghcr.io");
        assertThat(images.registry().password().reveal()).isEqualTo("t0ken");
        assertThat(images.registry().toString()).doesNotContain("t0ken").contains("${env:REGISTRY_PASSWORD}");
    }

    @Test
    void aResolvedUrlIsCheckedLikeAWrittenOne() {
        ProjectConfig config = load(dir, IMAGES.replace("username: ci\n        password: ${env:REGISTRY_PASSWORD}",
                "insecure: true"));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> config.resolveImages("staging",
                Map.of("REGISTRY", "ghcr.io/acme", "REGISTRY_PASSWORD", "t")::get));

        assertThat(e.keyPath()).isEqualTo("environments.staging.images.registry.url");
        assertThat(e.problem()).contains("`insecure: true` is refused for `ghcr.io`");
    }
}
