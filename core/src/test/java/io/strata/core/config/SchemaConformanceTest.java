package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/strata.schema.json must accept exactly what the loader accepts, so editors that validate
 * against it never disagree with {@code strata plan}.
 */
class SchemaConformanceTest {

    /** Errors the YAML reader catches before any structure exists for a schema to look at. */
    private static final Set<String> YAML_LEVEL = Set.of("second YAML document");

    private static Schema schema;
    private static ObjectMapper yaml;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of("..", "docs", "strata.schema.json");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(file), InputFormat.JSON);
        // Read YAML the way the loader does, so both see the same values.
        yaml = new ObjectMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build());
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("minimal", "name: customers\n"),
                Arguments.of("implicit dev", """
                        name: customers
                        environments:
                          staging:
                            database:
                              url: ${env:STAGING_DB_URL}
                        """),
                Arguments.of("full", """
                        name: customers
                        environments:
                          dev:
                            database: embedded
                            lock_timeout: 500ms
                            images:
                              base: tar:images/base.tar
                              registry:
                                url: 127.0.0.1:5000/strata
                                insecure: true
                          ci:
                            images:
                              registry:
                                url: ${env:REGISTRY}
                                username: ${env:REGISTRY_USER}
                                password: ${env:REGISTRY_PASSWORD}
                          staging:
                            database:
                              url: jdbc:postgresql://${env:HOST}:5432/customers
                              user: ${env:STAGING_DB_USER}
                              password: ${file:secrets/staging-password}
                            lock_timeout: 5m
                          k8s:
                            scheduler:
                              kubernetes:
                                context: ${env:KUBE_CONTEXT}
                                namespace: data-pipelines
                          mock:
                            scheduler:
                              kubernetes:
                                server: http://127.0.0.1:6443
                          laptop:
                            scheduler: local
                          prod-eu:
                            database:
                              url: jdbc:mariadb://db:3306/customers
                              user: app
                              password: "p$${w}$$"
                            lock_timeout: 5m
                            production: true
                            allow_unsafe: false
                            required: [lock_timeout, variables.ALERT_EMAIL]
                            variables:
                              ALERT_EMAIL: ops@example.com
                              SLACK_TOKEN: ${env:SLACK_TOKEN}
                          preview:
                            suspend_schedules: true
                          prod:
                            database:
                              url: jdbc:mysql://${terraform:infra/db_endpoint}/${tfstate:infra/terraform.tfstate#db_name}
                              user: ${terraform:infra/db_username}
                              password: ${terraform:infra/db_password}
                        """),
                Arguments.of("lineage", LineageConfigTest.PLATFORM),
                Arguments.of("observe on every address", ObserveConfigTest.SERVED),
                Arguments.of("observe on loopback without a token", """
                        name: customers
                        observe:
                          serve:
                            bind: 127.0.0.2
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validFilesPassTheSchemaAndTheLoader(String kind, String text) throws IOException {
        assertThat(schemaErrors(text)).as(kind).isEmpty();
        ConfigFixture.write(dir, text);
        assertThat(ProjectConfig.load(dir).name()).isEqualTo("customers");
    }

    static Stream<Arguments> malformed() {
        return StructureErrorTest.malformed()
                .map(Arguments::get)
                .filter(a -> !YAML_LEVEL.contains((String) a[0]))
                .map(a -> Arguments.of(a[0], a[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void filesTheLoaderRejectsTheSchemaRejectsToo(String kind, String text) throws IOException {
        JsonNode node;
        try {
            node = yaml.readTree(text);
        } catch (IOException yamlError) {
            return; // a syntax or duplicate-key error: no document for a schema to check
        }
        if (node == null || node.isMissingNode()) {
            return; // empty document
        }
        assertThat(schema.validate(node)).as(kind).isNotEmpty();
    }

    /** Values where the reference syntax and the url rule are easiest to get subtly different. */
    static Stream<Arguments> values() {
        return Stream.of("jdbc:postgresql://h/db", "jdbc:mysql://h/db", "jdbc:mariadb://h/db", "jdbc:oracle:x",
                "${env:URL}", "${file:url.txt}", "${env:URL}?ssl=true", "jdbc:postgresql://${env:H}:5432/d",
                "$${env:URL}", "jdbc:postgresql://h/$${x}", "jdbc:postgresql://h/$$x$", "jdbc:postgresql://h/${}",
                "jdbc:postgresql://h/${env:}", "jdbc:postgresql://h/${env:1X}", "jdbc:postgresql://h/${env:X",
                "jdbc:postgresql://h/${foo:x}", "jdbc:postgresql://h/${file:}", "jdbc:postgresql://h/${file:a${b}",
                "jdbc:postgresql://h/$$${env:X}", "jdbc:postgresql://h/$$$${x}", "${ENV:URL}", "", "postgres://h/db",
                "jdbc:postgresql://h/${env:A}${file:b}", "jdbc:postgresql://h/$",
                "${terraform:infra/db_url}", "jdbc:mysql://${terraform:infra/aws/db_endpoint}/x", "${terraform:db}",
                "jdbc:mysql://h/${terraform:/db}", "jdbc:mysql://h/${terraform:infra/}", "jdbc:mysql://h/${terraform:a/1x}",
                "jdbc:mysql://h/${terraform:a/b.c}", "jdbc:mysql://h/${terraform://x}", "${tfstate:infra/terraform.tfstate#db_url}",
                "jdbc:mysql://h/${tfstate:a#b#c}", "jdbc:mysql://h/${tfstate:x}", "jdbc:mysql://h/${tfstate:#x}",
                "jdbc:mysql://h/${tfstate:x#}", "${TERRAFORM:a/b}")
                .map(Arguments::of);
    }

    /** Bind addresses: an IP address or nothing, and a token whenever it is not loopback. */
    @ParameterizedTest(name = "bind {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0.0.0.0", "127.0.0.1", "127.9.9.9", "::", "::1",
            "192.168.1.20", "256.1.1.1", "1.2.3", "localhost", "host.example", "fe80::1", "01.2.3.4"})
    void schemaAndLoaderAgreeOnBindAddresses(String bind) throws IOException {
        assertAgreement("bind " + bind + " without a token",
                "name: customers\nobserve:\n  serve:\n    bind: \"" + bind + "\"\n");
        assertAgreement("bind " + bind + " with a token",
                "name: customers\nobserve:\n  serve:\n    bind: \"" + bind + "\"\n    token: ${env:T}\n");
    }

    @ParameterizedTest(name = "token {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"${env:T}", "${file:secrets/t}", "${env:A}${env:B}",
            "${terraform:infra/observe_token}", "${tfstate:s.tfstate#t}", "t${env:T}", "${env:T}x", "literal", "$${env:T}",
            "${env:}", "${vault:t}"})
    void schemaAndLoaderAgreeOnTokens(String token) throws IOException {
        assertAgreement("token " + token, "name: customers\nobserve:\n  serve:\n    bind: 0.0.0.0\n    token: \""
                + token + "\"\n");
    }

    @ParameterizedTest(name = "url {0}")
    @MethodSource("values")
    void schemaAndLoaderAgreeOnUrls(String url) throws IOException {
        String text = """
                name: customers
                environments:
                  staging:
                    database:
                      url: '%s'
                      user: '%s'
                """.formatted(url.replace("'", "''"), url.replace("'", "''").replace("jdbc:", "u"));
        assertAgreement("url " + url, text);
    }

    static Stream<Arguments> lineageUrls() {
        return Stream.of("http://marquez:5000", "https://lineage.example/api/v1/lineage?x=1", "HTTP://m", "http://m",
                "marquez:5000", "http:///api", "http://:5000", "ftp://m", "mailto:a@b", "${env:OPENLINEAGE_URL}",
                "${file:lineage-url}", "http://m/${env:TOKEN}", "", " http://m", "http//m").map(Arguments::of);
    }

    @ParameterizedTest(name = "openlineage url {0}")
    @MethodSource("lineageUrls")
    void schemaAndLoaderAgreeOnOpenLineageUrls(String url) throws IOException {
        assertAgreement("openlineage url " + url,
                "name: c\nlineage:\n  openlineage:\n    url: '" + url.replace("'", "''") + "'\n");
    }

    static Stream<Arguments> names() {
        return Stream.of("customers", "Customers", "c", "1c", "sales-eu_2", "sales eu", "-x",
                "a23456789012345678901234567890123456789012345678901234567890123",
                "a234567890123456789012345678901234567890123456789012345678901234").map(Arguments::of);
    }

    @ParameterizedTest(name = "name {0}")
    @MethodSource("names")
    void schemaAndLoaderAgreeOnNames(String name) throws IOException {
        assertAgreement("platform name " + name, "name: '" + name + "'\n");
        assertAgreement("environment name " + name, "name: c\nenvironments:\n  '" + name + "': {}\n");
    }

    static Stream<Arguments> durations() {
        return Stream.of("60s", "500ms", "5m", "2h", "0s", "999999999h", "60", "1.5s", "5 m", "5d", "60S",
                "1234567890s", "-1s", "s", "").map(Arguments::of);
    }

    @ParameterizedTest(name = "lock_timeout {0}")
    @MethodSource("durations")
    void schemaAndLoaderAgreeOnLockTimeouts(String duration) throws IOException {
        assertAgreement("lock_timeout " + duration,
                "name: c\nenvironments:\n  dev:\n    lock_timeout: '" + duration + "'\n");
    }

    static Stream<Arguments> registries() {
        return Stream.of("registry.example.com", "registry.example.com:443/data/pipelines", "127.0.0.1:5000/strata",
                "localhost:5000", "[::1]:5000/x", "ghcr.io/acme", "https://ghcr.io/acme", "ghcr.io/Acme",
                "ghcr.io/acme/", "ghcr.io//acme", "-ghcr.io", "ghcr.io/a__b/c-d.e", "${env:REGISTRY}", "",
                "${terraform:infra/registry_url}", "${tfstate:infra/terraform.tfstate#registry}")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "registry {0}")
    @MethodSource("registries")
    void schemaAndLoaderAgreeOnRegistryUrls(String url) throws IOException {
        for (boolean insecure : new boolean[] {false, true}) {
            assertAgreement("registry " + url + (insecure ? " insecure" : ""), """
                    name: c
                    environments:
                      dev:
                        images:
                          base: %s
                          registry:
                            url: '%s'
                            insecure: %s
                    """.formatted("eclipse-temurin:17-jre", url, insecure));
        }
    }

    static Stream<Arguments> policies() {
        return Stream.of("production: true", "production: false", "production: 'true'", "production: yes",
                "allow_unsafe: false", "allow_unsafe: 1", "suspend_schedules: true", "suspend_schedules: ~",
                "production: true\n    required: [lock_timeout, variables.ALERT_EMAIL]", "required: [lock_timeout]",
                "production: true\n    required: []", "production: true\n    required: [nope]",
                "production: true\n    required: [Lock_timeout]", "production: true\n    required: lock_timeout",
                "production: true\n    required: [1]", "variables: {ALERT_EMAIL: ops@example.com}",
                "variables: {DB_PASSWORD: '${env:X}'}", "variables: {1X: a}", "variables: {a-b: c}",
                "variables: {X: 1}", "variables: {X: '${vault:x}'}", "variables: []", "variables: {}")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void schemaAndLoaderAgreeOnPolicies(String settings) throws IOException {
        assertAgreement(settings, "name: c\nenvironments:\n  prod:\n    " + settings + "\n");
    }

    static Stream<Arguments> clusters() {
        return Stream.of("server: https://k8s.example.com:6443", "server: https://10.0.0.1/k8s", "server: http://127.0.0.1:40123",
                "server: http://localhost", "server: http://k8s.example.com", "server: k8s.example.com",
                "server: ${env:K8S_API}", "server: ''", "context: prod", "context: ${env:CTX}", "context: ''",
                "context: prod\n        namespace: data-pipelines", "context: prod\n        namespace: Data",
                "context: prod\n        namespace: -x", "context: prod\n        namespace: ${env:NS}",
                "namespace: data", "context: a\n        server: https://x").map(Arguments::of);
    }

    @ParameterizedTest(name = "kubernetes {0}")
    @MethodSource("clusters")
    void schemaAndLoaderAgreeOnClusters(String body) throws IOException {
        assertAgreement("kubernetes " + body, """
                name: c
                environments:
                  prod:
                    scheduler:
                      kubernetes:
                        %s
                """.formatted(body));
    }

    private void assertAgreement(String kind, String text) throws IOException {
        ConfigFixture.write(dir, text);
        boolean loaderAccepts;
        try {
            ProjectConfig.load(dir);
            loaderAccepts = true;
        } catch (ConfigException e) {
            loaderAccepts = false;
        }
        assertThat(schemaErrors(text).isEmpty()).as(kind + ": schema agrees with the loader").isEqualTo(loaderAccepts);
    }

    private static List<Error> schemaErrors(String text) throws IOException {
        return schema.validate(yaml.readTree(text));
    }
}
