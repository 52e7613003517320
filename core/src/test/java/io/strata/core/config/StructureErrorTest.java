package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed {@code strata.yaml} the loader rejects: each error must name the file,
 * the line, the key path and what was expected, and come with a hint.
 */
class StructureErrorTest {

    @TempDir
    Path dir;

    /** A staging environment whose database map body is {@code lines}, indented for its place. */
    private static String staging(String... lines) {
        StringBuilder yaml = new StringBuilder("""
                name: customers
                environments:
                  staging:
                    database:
                """);
        for (String line : lines) {
            yaml.append("      ").append(line).append('\n');
        }
        return yaml.toString();
    }

    private static final String URL = "url: jdbc:postgresql://db.staging:5432/customers";

    static Stream<Arguments> malformed() {
        return Stream.of(
                // kind, yaml, line, key path, message fragment
                Arguments.of("empty file", "", 1, "", "the file is empty"),
                Arguments.of("only comments", "# nothing yet\n", 1, "", "the file is empty"),
                Arguments.of("YAML syntax error", """
                        name: customers
                        environments:
                          staging:
                            database: embedded: true
                        """, 4, "environments.staging.database", "YAML syntax error: mapping values are not allowed"),
                Arguments.of("tab indentation", "name: customers\nenvironments:\n\tdev: {}\n", 3, "environments",
                        "YAML syntax error"),
                Arguments.of("unclosed flow map", "name: customers\nenvironments: {dev: {}\n", 3, "environments.dev",
                        "YAML syntax error"),
                Arguments.of("top level is a list", "- name: customers\n", 1, "", "got a list"),
                Arguments.of("top level is a string", "customers\n", 1, "", "got a string"),
                Arguments.of("second YAML document", "name: a\n---\nname: b\n", 3, "",
                        "more than one YAML document"),
                Arguments.of("YAML alias", """
                        name: &n customers
                        environments:
                          dev:
                            database: *n
                        """, 4, "environments.dev.database", "aliases"),
                Arguments.of("binary YAML value", "name: c\nenvironments:\n  dev:\n    database: !!binary aGk=\n", 4,
                        "environments.dev.database", "unsupported YAML value"),
                Arguments.of("missing name", "environments:\n  dev: {}\n", 1, "name", "required key `name` is missing"),
                Arguments.of("name is a list", "name: [a, b]\n", 1, "name", "expected a string, got a list"),
                Arguments.of("name has no value", "name:\nenvironments: {}\n", 1, "name", "`name` has no value"),
                Arguments.of("invalid platform name", "name: 1customers\n", 1, "name", "not a valid platform name"),
                Arguments.of("unknown top-level key (suggested)", "name: c\nenviroments:\n  dev: {}\n", 2,
                        "enviroments", "unknown key `enviroments`: did you mean `environments`?"),
                Arguments.of("duplicate top-level key", "name: a\nname: b\n", 2, "name",
                        "duplicate key `name` (first declared on line 1)"),
                Arguments.of("environments is a list", "name: c\nenvironments:\n  - dev\n  - staging\n", 3,
                        "environments", "expected a map from environment names to settings, got a list"),
                Arguments.of("environments has no value", "name: c\nenvironments:\n", 2, "environments",
                        "`environments` has no value"),
                Arguments.of("environment body is a string", "name: c\nenvironments:\n  staging: embedded\n", 3,
                        "environments.staging", "got a string"),
                Arguments.of("uppercase environment name", "name: c\nenvironments:\n  Staging: {}\n", 3,
                        "environments.Staging", "`Staging` is not a valid environment name"),
                Arguments.of("environment name that is a path", "name: c\nenvironments:\n  ../prod: {}\n", 3,
                        "environments.../prod", "is not a valid environment name"),
                Arguments.of("duplicate environment", "name: c\nenvironments:\n  staging: {}\n  dev: {}\n  staging: {}\n",
                        5, "environments.staging", "duplicate key `staging` (first declared on line 3)"),
                Arguments.of("unknown environment key (suggested)",
                        "name: c\nenvironments:\n  staging:\n    databse: embedded\n", 4,
                        "environments.staging.databse", "did you mean `database`?"),
                Arguments.of("unknown environment key (no suggestion)",
                        "name: c\nenvironments:\n  staging:\n    kubernetes: {}\n", 4,
                        "environments.staging.kubernetes", "unknown key `kubernetes`"),
                Arguments.of("database string other than embedded",
                        "name: c\nenvironments:\n  staging:\n    database: postgres\n", 4,
                        "environments.staging.database", "`postgres` is not a database setting"),
                Arguments.of("database is a number", "name: c\nenvironments:\n  staging:\n    database: 5432\n", 4,
                        "environments.staging.database", "got a number"),
                Arguments.of("database has no value", "name: c\nenvironments:\n  staging:\n    database:\n", 4,
                        "environments.staging.database", "got no value"),
                Arguments.of("database is a list", staging("- " + URL.replace("url: ", "")), 5,
                        "environments.staging.database", "got a list"),
                Arguments.of("missing url", staging("user: strata"), 4, "environments.staging.database.url",
                        "required key `url` is missing"),
                Arguments.of("unknown database key (suggested)", staging(URL, "username: strata"), 6,
                        "environments.staging.database.username", "did you mean `user`?"),
                Arguments.of("duplicate database key", staging(URL, "user: a", URL), 7,
                        "environments.staging.database.url", "duplicate key `url` (first declared on line 5)"),
                Arguments.of("url is a number", staging("url: 5432"), 5, "environments.staging.database.url",
                        "expected a string, got a number"),
                Arguments.of("url has no value", staging("url:"), 5, "environments.staging.database.url",
                        "`url` has no value"),
                Arguments.of("url is empty", staging("url: ''"), 5, "environments.staging.database.url",
                        "`url` is empty"),
                Arguments.of("key that is a list", "name: c\n? [a, b]\n: 1\n", 2, "",
                        "a key must be a plain string"),
                Arguments.of("unsupported jdbc url", staging("url: jdbc:oracle:thin:@db:1521/customers"), 5,
                        "environments.staging.database.url", "unsupported url `jdbc:oracle:`"),
                Arguments.of("url without jdbc prefix", staging("url: postgres://db/customers"), 5,
                        "environments.staging.database.url", "unsupported url"),
                Arguments.of("user is a list", staging(URL, "user: [a, b]"), 6,
                        "environments.staging.database.user", "expected a string, got a list"),
                Arguments.of("password is a map", staging(URL, "password: {value: x}"), 6,
                        "environments.staging.database.password", "expected a string, got a map"),
                Arguments.of("lock_timeout without unit", """
                        name: c
                        environments:
                          staging:
                            lock_timeout: 60
                        """, 4, "environments.staging.lock_timeout", "expected a duration with a unit, got a number"),
                Arguments.of("malformed lock_timeout", """
                        name: c
                        environments:
                          staging:
                            lock_timeout: 5 minutes
                        """, 4, "environments.staging.lock_timeout", "`5 minutes` is not a duration"),
                Arguments.of("lock_timeout with unknown unit", """
                        name: c
                        environments:
                          staging:
                            database: embedded
                            lock_timeout: 2d
                        """, 5, "environments.staging.lock_timeout", "`2d` is not a duration"),
                Arguments.of("unknown reference kind", staging("url: ${vault:db/url}"), 5,
                        "environments.staging.database.url", "`${vault:db/url}` is not a reference Strata knows"),
                Arguments.of("unterminated reference", staging("url: jdbc:postgresql://${env:DB_HOST/customers"), 5,
                        "environments.staging.database.url", "is not closed with `}`"),
                Arguments.of("invalid variable name", staging(URL, "user: ${env:1USER}"), 6,
                        "environments.staging.database.user", "does not name an environment variable"),
                Arguments.of("empty variable name", staging(URL, "user: ${env:}"), 6,
                        "environments.staging.database.user", "does not name an environment variable"),
                Arguments.of("empty file reference", staging(URL, "password: ${file:}"), 6,
                        "environments.staging.database.password", "names no file"),
                Arguments.of("images is a string", "name: c\nenvironments:\n  dev:\n    images: eclipse-temurin\n", 4,
                        "environments.dev.images", "expected a map with `base` and/or `registry`, got a string"),
                Arguments.of("unknown images key (suggested)", images("bsae: eclipse-temurin:17-jre"), 5,
                        "environments.dev.images.bsae", "did you mean `base`?"),
                Arguments.of("base with a space", images("base: eclipse temurin"), 5,
                        "environments.dev.images.base", "`eclipse temurin` is not a base image"),
                Arguments.of("registry without url", images("registry:", "  insecure: true"), 5,
                        "environments.dev.images.registry.url", "required key `url` is missing"),
                Arguments.of("registry url with a scheme", images("registry:", "  url: https://registry.example.com"), 6,
                        "environments.dev.images.registry.url", "is not a registry url"),
                Arguments.of("insecure remote registry", images("registry:", "  url: registry.example.com/data",
                        "  insecure: true"), 6, "environments.dev.images.registry.insecure",
                        "`insecure: true` is refused for `registry.example.com`"),
                Arguments.of("insecure is a string", images("registry:", "  url: 127.0.0.1:5000", "  insecure: 'yes'"), 7,
                        "environments.dev.images.registry.insecure", "expected true or false, got a string"),
                Arguments.of("username without password", images("registry:", "  url: 127.0.0.1:5000",
                        "  username: ci"), 7, "environments.dev.images.registry.username",
                        "`username` and `password` go together"),
                Arguments.of("login for an insecure registry", images("registry:", "  url: 127.0.0.1:5000",
                        "  insecure: true", "  username: ci", "  password: ${env:P}"), 8,
                        "environments.dev.images.registry.username", "an insecure registry takes no login"),
                Arguments.of("observe is a string", "name: c\nobserve: serve\n", 2, "observe",
                        "expected a map with `serve`, got a string"),
                Arguments.of("bind beyond loopback without a token", "name: c\nobserve:\n  serve:\n    bind: 0.0.0.0\n",
                        3, "observe.serve.token", "`bind: 0.0.0.0` lets other machines connect, and there is no `token`"),
                Arguments.of("token written in the file",
                        "name: c\nobserve:\n  serve:\n    token: 0123456789abcdef0123456789abcdef\n", 4,
                        "observe.serve.token", "the token is written in the file"),
                Arguments.of("token with literal text around a reference",
                        "name: c\nobserve:\n  serve:\n    token: t-${env:T}\n", 4, "observe.serve.token",
                        "the token is written in the file"),
                Arguments.of("bind is a host name", "name: c\nobserve:\n  serve:\n    bind: observe.example.com\n"
                        + "    token: ${env:T}\n", 4, "observe.serve.bind", "is not an IP address"),
                Arguments.of("hosts entry with a scheme", "name: c\nobserve:\n  serve:\n    hosts: [http://a.example]\n", 4,
                        "observe.serve.hosts", "expected a host name"),
                Arguments.of("unknown serve key (suggested)", "name: c\nobserve:\n  serve:\n    tokn: ${env:T}\n", 4,
                        "observe.serve.tokn", "did you mean `token`?"),
                Arguments.of("lineage is a string", "name: c\nlineage: marquez\n", 2, "lineage",
                        "expected a map with `openlineage`, got a string"),
                Arguments.of("lineage has no value", "name: c\nlineage:\n", 2, "lineage", "expected a map"),
                Arguments.of("unknown lineage key (suggested)", "name: c\nlineage:\n  openLineage: {}\n", 3,
                        "lineage.openLineage", "did you mean `openlineage`?"),
                Arguments.of("openlineage without url or file", """
                        name: c
                        environments:
                          staging:
                            lineage:
                              openlineage:
                                namespace: sales
                        """, 5, "environments.staging.lineage.openlineage", "needs `url` or `file`"),
                Arguments.of("openlineage is a list", "name: c\nlineage:\n  openlineage: [a]\n", 3,
                        "lineage.openlineage", "got a list"),
                Arguments.of("unknown openlineage key (suggested)",
                        "name: c\nlineage:\n  openlineage:\n    url: http://m:5000\n    namespaces: x\n", 5,
                        "lineage.openlineage.namespaces", "did you mean `namespace`?"),
                Arguments.of("openlineage url that is not http",
                        "name: c\nlineage:\n  openlineage:\n    url: marquez:5000\n", 4,
                        "lineage.openlineage.url", "expected an http:// or https:// URL"),
                Arguments.of("openlineage url without a host",
                        "name: c\nlineage:\n  openlineage:\n    url: http:///api\n", 4,
                        "lineage.openlineage.url", "expected an http:// or https:// URL"),
                Arguments.of("openlineage url is a number", "name: c\nlineage:\n  openlineage:\n    url: 5000\n", 4,
                        "lineage.openlineage.url", "expected a string, got a number"),
                Arguments.of("empty openlineage file", "name: c\nlineage:\n  openlineage:\n    file: ' '\n", 4,
                        "lineage.openlineage.file", "`file` is empty"),
                Arguments.of("empty openlineage namespace",
                        "name: c\nlineage:\n  openlineage:\n    file: x.jsonl\n    namespace: ''\n", 5,
                        "lineage.openlineage.namespace", "`namespace` is empty"),
                Arguments.of("bad reference in openlineage url",
                        "name: c\nlineage:\n  openlineage:\n    url: ${vault:x}\n", 4,
                        "lineage.openlineage.url", "is not a reference Strata knows"),
                Arguments.of("scheduler is another word", scheduler("scheduler: kubernetes"), 4,
                        "environments.prod.scheduler", "`kubernetes` is not a scheduler"),
                Arguments.of("scheduler map without kubernetes", scheduler("scheduler:", "  kubernets: {}"), 5,
                        "environments.prod.scheduler.kubernets", "did you mean `kubernetes`?"),
                Arguments.of("kubernetes without context or server", kubernetes("namespace: data"), 5, "environments.prod.scheduler.kubernetes.context",
                        "required key `context` (or `server`) is missing"),
                Arguments.of("kubernetes with context and server", kubernetes("context: prod", "server: https://k8s.example.com"), 7,
                        "environments.prod.scheduler.kubernetes.server", "give `context` or `server`, not both"),
                Arguments.of("kubernetes server without scheme", kubernetes("server: k8s.example.com:6443"), 6, "environments.prod.scheduler.kubernetes.server",
                        "is not an API server url"),
                Arguments.of("kubernetes server over plain http", kubernetes("server: http://k8s.example.com"), 6, "environments.prod.scheduler.kubernetes.server",
                        "plain `http://` is refused"),
                Arguments.of("kubernetes namespace not a DNS label", kubernetes("context: prod", "namespace: Data_Pipelines"), 7,
                        "environments.prod.scheduler.kubernetes.namespace", "`Data_Pipelines` is not a namespace"),
                Arguments.of("unknown kubernetes key (suggested)", kubernetes("context: prod", "namspace: data"), 7,
                        "environments.prod.scheduler.kubernetes.namspace", "did you mean `namespace`?"));
    }

    /** A prod environment whose body is {@code lines}, indented for its place. */
    private static String scheduler(String... lines) {
        return indented("name: c\nenvironments:\n  prod:\n", "    ", lines);
    }

    /** A prod environment whose {@code scheduler.kubernetes} map body is {@code lines}. */
    private static String kubernetes(String... lines) {
        return indented("name: c\nenvironments:\n  prod:\n    scheduler:\n      kubernetes:\n", "        ", lines);
    }

    private static String indented(String head, String indent, String... lines) {
        StringBuilder yaml = new StringBuilder(head);
        for (String line : lines) {
            yaml.append(indent).append(line).append('\n');
        }
        return yaml.toString();
    }

    /** A dev environment whose images map body is {@code lines}, indented for its place. */
    private static String images(String... lines) {
        return indented("name: c\nenvironments:\n  dev:\n    images:\n", "      ", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWithFileLineKeyPathAndHint(String kind, String yaml, int line, String keyPath, String fragment) {
        Path file = ConfigFixture.write(dir, yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ProjectConfig.load(dir));

        assertThat(e).as(kind + ": expected a ConfigException").isNotNull();
        assertThat(e.getMessage()).as(kind)
                .startsWith(file + ":" + line + ":")
                .contains(fragment);
        if (!keyPath.isEmpty()) {
            assertThat(e.getMessage()).as(kind).contains(": " + keyPath + ": ");
        }
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).as(kind + " line").isEqualTo(line);
        assertThat(e.keyPath()).as(kind + " key path").isEqualTo(keyPath);
        assertThat(e.hint()).as(kind + " hint").isNotBlank();
    }
}
