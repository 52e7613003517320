package io.strata.access.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.strata.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/access.schema.json accepts what the reader accepts, so an editor never disagrees with plan. */
class SpecSchemaTest {

    /** Bad specs only the reader can see: several files, references between roles, server rules. */
    private static final Set<String> READER_ONLY = Set.of("YAML syntax", "empty file", "role name too long",
            "reserved role name", "the postgres superuser", "a pg_ role", "role declared in two files",
            "duplicate key in one file", "member of an undeclared role", "member of itself", "membership cycle",
            "privilege twice", "ALL and one of its privileges", "one table spelt two ways", "PUBLIC with grant option",
            "declared and ignored", "reassign without prune", "host on PostgreSQL", "YAML alias", "setting in two files",
            "outside managed_roles");

    private static Schema schema;
    private static ObjectMapper yaml;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("..", "docs", "access.schema.json")), InputFormat.JSON);
        yaml = new ObjectMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build());
    }

    static Stream<Arguments> valid() throws IOException {
        Stream<Arguments> inline = Stream.of(
                Arguments.of("group role", "roles:\n  analyst:\n"),
                Arguments.of("everything", """
                        roles:
                          analyst:
                            comment: Reads the marts
                            inherit: true
                            connection_limit: -1
                            grants:
                              database: [CONNECT, temp]
                              schemas: {marts: [USAGE], '"Odd.Schema"': [ALL PRIVILEGES]}
                              tables: {marts.*: [SELECT], raw.customers: [select, INSERT WITH GRANT OPTION]}
                              sequences: {raw.*: [ALL]}
                              functions: {marts.score(integer): [EXECUTE], marts.*: [execute]}
                          alice:
                            login: true
                            member_of: [analyst]
                        public:
                          database: [CONNECT]
                        ignore: [legacy, "rds*"]
                        managed_roles: ["*"]
                        managed_schemas: [staging]
                        creators: [migrator]
                        prune_roles: true
                        reassign_owned_to: analyst
                        """));
        Path example = Path.of("..", "examples", "customers", "access");
        if (!Files.isDirectory(example)) {
            return inline;
        }
        try (Stream<Path> files = Files.list(example)) {
            List<Arguments> examples = files.sorted().map(f -> Arguments.of(f.getFileName().toString(), read(f))).toList();
            return Stream.concat(inline, examples.stream());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validSpecsPassTheSchemaAndTheReader(String kind, String text) throws IOException {
        assertThat(schemaErrors(text)).as(kind).isEmpty();
        SpecFixture.parse(text);
    }

    static Stream<Arguments> structural() {
        return BadSpecTest.badSpecs().map(Arguments::get)
                .filter(a -> !READER_ONLY.contains((String) a[0]))
                .map(a -> Arguments.of(a[0], ((String[]) a[6])[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structural")
    void specsTheReaderRejectsTheSchemaRejectsToo(String kind, String text) throws IOException {
        assertThat(schemaErrors(text)).as(kind).isNotEmpty();
    }

    static Stream<Arguments> tableNames() {
        return Stream.of("marts.customers", "marts.*", "\"marts\".\"x\"", "\"a.b\".c", "\"a\"\"b\".c", "Ünï cödé.Tablé Ñ",
                "customers", "*.customers", "marts.", ".x", "marts.a.b", "\"marts.x", " marts.x", "marts.x ", "a(b).c",
                "\"*\".x", "marts.\"*\"", "marts.*x").map(Arguments::of);
    }

    @ParameterizedTest(name = "table {0}")
    @MethodSource("tableNames")
    void schemaAndReaderAgreeOnTableNames(String name) throws IOException {
        assertAgreement(name, "roles:\n  a:\n    grants:\n      tables:\n        '" + name.replace("'", "''") + "': [SELECT]\n");
    }

    static Stream<Arguments> functionNames() {
        return Stream.of("marts.score(integer)", "marts.score()", "marts.*", "marts.score", "marts.score(int, text)",
                "\"m\".\"f\"(numeric(10,2))", "*.f(int)", "marts.f(int", "marts.f(int) x").map(Arguments::of);
    }

    @ParameterizedTest(name = "function {0}")
    @MethodSource("functionNames")
    void schemaAndReaderAgreeOnFunctionNames(String name) throws IOException {
        assertAgreement(name, "roles:\n  a:\n    grants:\n      functions:\n        '" + name + "': [EXECUTE]\n");
    }

    static Stream<Arguments> privileges() {
        return Stream.of("SELECT", "select", "Select", "ALL", "all privileges", "SELECT WITH GRANT OPTION",
                "select  with grant option", "READ", "USAGE", "SELECT WITH GRANT", "MAINTAIN", "").map(Arguments::of);
    }

    @ParameterizedTest(name = "privilege {0}")
    @MethodSource("privileges")
    void schemaAndReaderAgreeOnPrivileges(String privilege) throws IOException {
        assertAgreement(privilege, "roles:\n  a:\n    grants:\n      tables:\n        marts.x: ['" + privilege + "']\n");
    }

    private static void assertAgreement(String kind, String text) throws IOException {
        boolean readerAccepts;
        try {
            SpecFixture.parse(text);
            readerAccepts = true;
        } catch (ConfigException e) {
            readerAccepts = false;
        }
        assertThat(schemaErrors(text).isEmpty()).as(kind + ": the schema agrees with the reader").isEqualTo(readerAccepts);
    }

    private static List<Error> schemaErrors(String text) throws IOException {
        return schema.validate(yaml.readTree(text));
    }
}
