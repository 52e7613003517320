package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.strata.core.error.StrataException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No message, hint, stack trace or {@code toString} may contain a password, resolved or inline. */
class SecretLeakTest {

    private static final String SECRET = "hunter2-Sup3rSecret";

    @TempDir
    Path dir;

    private static String database(String... lines) {
        StringBuilder yaml = new StringBuilder("name: customers\nenvironments:\n  staging:\n    database:\n");
        for (String line : lines) {
            yaml.append("      ").append(line).append('\n');
        }
        return yaml.toString();
    }

    static Stream<Arguments> filesThatFailToLoad() {
        String url = "url: jdbc:postgresql://db/customers";
        return Stream.of(
                Arguments.of("syntax error on the password line", database(url, "password: " + SECRET + ": x")),
                Arguments.of("unterminated quote", database(url, "password: \"" + SECRET)),
                Arguments.of("tab before the password", database(url, "password:\t" + SECRET + "\n\tx: 1")),
                Arguments.of("bad flow list", database(url, "password: [" + SECRET)),
                Arguments.of("unknown key after the password", database(url, "password: " + SECRET, "pasword: x")),
                Arguments.of("duplicate password", database(url, "password: " + SECRET, "password: " + SECRET)),
                Arguments.of("unterminated reference in password", database(url, "password: ${" + SECRET)),
                Arguments.of("unknown reference in password", database(url, "password: ${" + SECRET + ":x}")),
                Arguments.of("bad variable in password", database(url, "password: ${env:" + SECRET + "-x}")),
                Arguments.of("password in a url given as database",
                        "name: c\nenvironments:\n  s:\n    database: jdbc:postgresql://h/db?password=" + SECRET + "\n"),
                Arguments.of("password in an unsupported url", database("url: jdbc:oracle:thin:app/" + SECRET + "@h")),
                Arguments.of("password in a non-jdbc url", database("url: postgres://app:" + SECRET + "@h/db")),
                Arguments.of("url with a password and an unknown key",
                        database("url: jdbc:postgresql://h/db?password=" + SECRET, "schema: x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatFailToLoad")
    void loadErrorsNeverContainTheSecret(String kind, String yaml) {
        ConfigFixture.write(dir, yaml);

        Throwable e = catchThrowable(() -> ProjectConfig.load(dir));

        assertThat(e).as(kind).isInstanceOf(ConfigException.class);
        assertNoSecret(kind, e);
    }

    @Test
    void resolvedValuesPrintWithoutSecrets() {
        ConfigFixture.write(dir, "pw", SECRET + "\n");
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  staging:
                    database:
                      url: ${env:URL}
                      user: app
                      password: ${file:pw}
                    lineage:
                      openlineage:
                        url: ${env:LINEAGE_URL}
                  inline:
                    database:
                      url: jdbc:mysql://app:%s@h/db?password=%s
                      password: %s
                """.formatted(SECRET, SECRET, SECRET));
        Map<String, String> env = Map.of("URL", "jdbc:postgresql://h/db?user=app&password=" + SECRET,
                "LINEAGE_URL", "https://app:" + SECRET + "@marquez:5000/api/v1/lineage?api_key=" + SECRET);

        ResolvedEnvironment staging = config.resolve("staging", env::get);
        ResolvedEnvironment inline = config.resolve("inline", env::get);

        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) staging.database();
        assertThat(jdbc.password().reveal()).isEqualTo(SECRET);
        assertThat(jdbc.url()).contains(SECRET);
        assertThat(staging.lineage().openLineageUrl()).contains(SECRET);
        for (Object printable : new Object[] {staging, staging.lineage(), inline, jdbc, jdbc.password(), jdbc.redactedUrl(),
                ((DatabaseSettings.Jdbc) inline.database()).redactedUrl(), config, config.environments()}) {
            assertThat(String.valueOf(printable)).doesNotContain(SECRET);
        }
        assertThat(jdbc.toString()).contains("password=${file:pw}");
        assertThat(inline.toString()).contains("password=***");
        assertThat(staging.lineage().toString()).contains("openLineageUrl=https://marquez:5000/***");
    }

    @Test
    void resolveErrorsNeverContainTheSecret() {
        ConfigFixture.write(dir, "pw", SECRET);
        ProjectConfig config = load(dir, """
                name: customers
                environments:
                  staging:
                    database:
                      url: ${env:URL}
                      user: ${env:DB_USER}
                      password: ${file:pw}
                  other:
                    database:
                      url: ${file:pw}
                """);

        Throwable unsetUser = catchThrowable(() -> config.resolve("staging",
                Map.of("URL", "jdbc:postgresql://h/db?password=" + SECRET)::get));
        Throwable badUrl = catchThrowable(() -> config.resolve("staging", Map.of("URL", SECRET)::get));
        Throwable urlFromSecretFile = catchThrowable(() -> config.resolve("other", name -> null));

        assertNoSecret("unset user after a url with a password", unsetUser);
        assertNoSecret("url variable holding a password", badUrl);
        assertNoSecret("url read from a file holding a password", urlFromSecretFile);
    }

    private static void assertNoSecret(String kind, Throwable e) {
        assertThat(e).as(kind).isInstanceOf(StrataException.class);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as(kind + " stack trace").doesNotContain(SECRET);
        assertThat(((StrataException) e).describe()).as(kind + " message and hint").doesNotContain(SECRET);
        assertThat(e.toString()).as(kind).doesNotContain(SECRET);
    }
}
