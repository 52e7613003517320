package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    static final CatalogSnapshot SNAPSHOT = new CatalogSnapshot(Instant.parse("2026-11-27T10:15:30.123456Z"),
            new Catalog(IndexNaming.PER_TABLE, List.of(
                    new Schema("raw", List.of(
                            new Table("customers", List.of(
                                    new Column("id", 1, "bigint", false, "auto_increment"),
                                    new Column("note", 2, "text", true, null),
                                    new Column("say", 3, "varchar(20)", true, "'it''s \"quoted\" → ✓'")),
                                    List.of(new Index("PRIMARY", "CREATE UNIQUE INDEX PRIMARY ON raw.customers"
                                            + " USING BTREE (id)", true, true)),
                                    List.of(new Constraint("PRIMARY", Constraint.Kind.PRIMARY_KEY, "PRIMARY KEY (id)"),
                                            new Constraint("c", Constraint.Kind.EXCLUSION, "EXCLUDE USING gist (x WITH &&)"))),
                            new Table("empty", List.of(), List.of(), List.of())),
                            List.of(new View("v", "select 1\nfrom dual", false), new View("m", "select 2", true))),
                    Schema.empty("nothing_yet"))));

    final CatalogJson json = new CatalogJson();

    @Test
    void roundTripsEveryField() {
        String text = json.write(SNAPSHOT);
        assertThat(json.read(text, "test")).isEqualTo(SNAPSHOT);
        assertThat(text).startsWith("{\"format_version\":1,\"taken_at\":\"2026-11-27T10:15:30.123456Z\","
                + "\"index_naming\":\"per_table\",\"schemas\":[");
        // A column without a default has no "default" key, rather than a null one.
        assertThat(text).contains("{\"name\":\"note\",\"ordinal\":2,\"type\":\"text\",\"nullable\":true}");
    }

    @Test
    void refusesAnotherFormatVersionNamingTheRow() {
        String future = json.write(SNAPSHOT).replace("\"format_version\":1", "\"format_version\":2");
        assertThatThrownBy(() -> json.read(future, "strata.catalog_snapshot id 3"))
                .isInstanceOf(StrataException.class)
                .hasMessage("the catalog snapshot strata.catalog_snapshot id 3 has format version 2, this Strata reads"
                        + " version 1");
    }

    @Test
    void refusesWhatItDidNotWriteSayingWhatIsWrong() {
        assertThatThrownBy(() -> json.read("not json", "id 1")).isInstanceOf(StrataException.class)
                .hasMessageStartingWith("the catalog snapshot id 1 cannot be read: it is not JSON");
        assertThatThrownBy(() -> json.read(json.write(SNAPSHOT).replace("\"nullable\":false", "\"nullable\":\"no\""),
                "id 1")).hasMessage("the catalog snapshot id 1 cannot be read: \"nullable\" is missing or not true/false");
        assertThatThrownBy(() -> json.read(json.write(SNAPSHOT).replace("primary_key", "foreign"), "id 1"))
                .hasMessage("the catalog snapshot id 1 cannot be read: \"kind\" has the unknown value \"foreign\"");
        assertThatThrownBy(() -> json.read("[]", "id 1")).hasMessage("the catalog snapshot id 1 cannot be read: it is"
                + " not a JSON object");
        StrataException e = (StrataException) org.assertj.core.api.Assertions.catchThrowable(
                () -> json.read("{}", "id 1"));
        assertThat(e.hint()).contains("the next apply takes a new one");
    }
}
