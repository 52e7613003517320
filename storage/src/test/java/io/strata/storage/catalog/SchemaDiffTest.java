package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.plan.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    static final Column ID = new Column("id", 1, "bigint", false, null);
    static final Column EMAIL = new Column("email", 2, "text", false, null);
    static final Constraint PK = new Constraint("customers_pkey", Constraint.Kind.PRIMARY_KEY, "PRIMARY KEY (id)");
    static final Index PK_INDEX = new Index("customers_pkey",
            "CREATE UNIQUE INDEX customers_pkey ON raw.customers USING btree (id)", true, true);
    static final Index EMAIL_INDEX = new Index("customers_email_idx",
            "CREATE INDEX customers_email_idx ON raw.customers USING btree (email)", false, false);
    static final Table CUSTOMERS = new Table("customers", List.of(ID, EMAIL), List.of(PK_INDEX, EMAIL_INDEX),
            List.of(PK));
    static final View ACTIVE = new View("active", " SELECT customers.id FROM raw.customers;", false);

    static Catalog catalog(IndexNaming naming, Schema... schemas) {
        return new Catalog(naming, List.of(schemas));
    }

    static Catalog raw(Table table, View... views) {
        return catalog(IndexNaming.PER_SCHEMA, new Schema("raw", List.of(table), List.of(views)));
    }

    @Test
    void equalCatalogsHaveNoDrift() {
        assertThat(SchemaDiff.compare(raw(CUSTOMERS, ACTIVE), raw(CUSTOMERS, ACTIVE))).isEmpty();
        assertThat(SchemaDiff.compare(Catalog.empty(IndexNaming.PER_TABLE), Catalog.empty(IndexNaming.PER_TABLE)))
                .isEmpty();
    }

    @Test
    void columnChangesAreOneLineEachWithEveryAttributeThatMoved() {
        Table after = new Table("customers", List.of(ID,
                new Column("email", 2, "character varying(200)", true, "'x'::text"),
                new Column("note", 3, "text", true, null)), CUSTOMERS.indexes(), CUSTOMERS.constraints());
        assertThat(lines(raw(CUSTOMERS), raw(after))).containsExactly(
                "~ column raw.customers.email: type text → character varying(200); not null → nullable;"
                        + " default none → 'x'::text",
                "+ column raw.customers.note (text, nullable) was added by hand");
        assertThat(lines(raw(after), raw(CUSTOMERS))).containsExactly(
                "~ column raw.customers.email: type character varying(200) → text; nullable → not null;"
                        + " default 'x'::text → none",
                "- column raw.customers.note (text, nullable) was dropped by hand");
    }

    @Test
    void aColumnThatOnlyMovedIsNoDrift() {
        Table dropped = new Table("customers", List.of(new Column("email", 1, "text", false, null)), List.of(),
                List.of());
        Table before = new Table("customers", List.of(ID, EMAIL), List.of(), List.of());
        assertThat(lines(raw(before), raw(dropped))).containsExactly(
                "- column raw.customers.id (bigint, not null) was dropped by hand");
    }

    @Test
    void indexesAreNamedPerSchemaOrPerTableAsTheDialectMakesThemUnique() {
        Table without = new Table("customers", CUSTOMERS.columns(), List.of(PK_INDEX), CUSTOMERS.constraints());
        assertThat(lines(raw(CUSTOMERS), raw(without))).containsExactly(
                "- index raw.customers_email_idx was dropped by hand");
        Catalog perTableBefore = catalog(IndexNaming.PER_TABLE, new Schema("raw", List.of(CUSTOMERS), List.of()));
        Catalog perTableAfter = catalog(IndexNaming.PER_TABLE, new Schema("raw", List.of(without), List.of()));
        assertThat(lines(perTableAfter, perTableBefore)).containsExactly(
                "+ index raw.customers.customers_email_idx was added by hand:"
                        + " CREATE INDEX customers_email_idx ON raw.customers USING btree (email)");
        Index unique = new Index("customers_email_idx",
                "CREATE UNIQUE INDEX customers_email_idx ON raw.customers USING btree (email)", true, false);
        Table changed = new Table("customers", CUSTOMERS.columns(), List.of(PK_INDEX, unique), CUSTOMERS.constraints());
        assertThat(lines(raw(CUSTOMERS), raw(changed))).containsExactly(
                "~ index raw.customers_email_idx: CREATE INDEX customers_email_idx ON raw.customers USING btree (email)"
                        + " → CREATE UNIQUE INDEX customers_email_idx ON raw.customers USING btree (email)");
    }

    @Test
    void aConstraintsOwnIndexIsReportedOnceAsTheConstraint() {
        Table noKey = new Table("customers", CUSTOMERS.columns(), List.of(EMAIL_INDEX), List.of());
        assertThat(lines(raw(CUSTOMERS), raw(noKey))).containsExactly(
                "- constraint raw.customers.customers_pkey (primary key) was dropped by hand: PRIMARY KEY (id)");
        Constraint check = new Constraint("amount_check", Constraint.Kind.CHECK, "CHECK ((amount > 0))");
        Constraint looser = new Constraint("amount_check", Constraint.Kind.CHECK, "CHECK ((amount >= 0))");
        Table a = new Table("customers", CUSTOMERS.columns(), List.of(), List.of(check));
        Table b = new Table("customers", CUSTOMERS.columns(), List.of(), List.of(looser));
        assertThat(lines(raw(a), raw(b))).containsExactly(
                "~ constraint raw.customers.amount_check: CHECK ((amount > 0)) → CHECK ((amount >= 0))");
    }

    @Test
    void addedAndDroppedObjectsAreOneLineWithoutTheirContents() {
        Table refunds = new Table("refunds", List.of(ID), List.of(), List.of());
        Catalog before = raw(CUSTOMERS);
        Catalog after = catalog(IndexNaming.PER_SCHEMA,
                new Schema("raw", List.of(refunds), List.of(ACTIVE)),
                new Schema("audit", List.of(), List.of()));
        assertThat(lines(before, after)).containsExactly(
                "+ schema audit was added by hand",
                "+ view raw.active was added by hand",
                "- table raw.customers was dropped by hand",
                "+ table raw.refunds was added by hand (1 column)");
        assertThat(lines(before, Catalog.empty(IndexNaming.PER_SCHEMA))).containsExactly(
                "- schema raw was dropped by hand",
                "- table raw.customers was dropped by hand");
    }

    @Test
    void viewsCompareTheirDefinitionsAndKind() {
        View replaced = new View("active", " SELECT customers.id FROM raw.customers WHERE false;", false);
        assertThat(lines(raw(CUSTOMERS, ACTIVE), raw(CUSTOMERS, replaced))).containsExactly(
                "~ view raw.active: definition changed");
        View materialized = new View("active", ACTIVE.definition(), true);
        assertThat(lines(raw(CUSTOMERS, ACTIVE), raw(CUSTOMERS, materialized))).containsExactly(
                "- view raw.active was dropped by hand",
                "+ materialized view raw.active was added by hand");
    }

    @Test
    void itemsCarryTheirPartsAndSortByObjectThenKind() {
        List<DriftItem> items = SchemaDiff.compare(Catalog.empty(IndexNaming.PER_SCHEMA), raw(CUSTOMERS, ACTIVE));
        assertThat(items).containsExactly(
                new DriftItem(Action.CREATE, ObjectKind.SCHEMA, "raw", "was added by hand"),
                new DriftItem(Action.CREATE, ObjectKind.VIEW, "raw.active", "was added by hand"),
                new DriftItem(Action.CREATE, ObjectKind.TABLE, "raw.customers", "was added by hand (2 columns)"));
        assertThat(items.get(0).symbol()).isEqualTo("+");
        assertThat(new DriftItem(Action.ALTER, ObjectKind.VIEW, "raw.v", "definition changed").line())
                .isEqualTo("~ view raw.v: definition changed");
    }

    @Test
    void theModelSortsWhatItIsGivenSoInspectionOrderDoesNotMatter() {
        Table shuffled = new Table("customers", List.of(EMAIL, ID), List.of(EMAIL_INDEX, PK_INDEX), List.of(PK));
        Catalog a = catalog(IndexNaming.PER_SCHEMA, Schema.empty("b"), new Schema("a", List.of(shuffled), List.of()));
        Catalog b = catalog(IndexNaming.PER_SCHEMA, new Schema("a", List.of(CUSTOMERS), List.of()), Schema.empty("b"));
        assertThat(a).isEqualTo(b);
        assertThat(a.schemas()).extracting(Schema::name).containsExactly("a", "b");
        assertThat(a.schemas().get(0).tables().get(0).columns()).containsExactly(ID, EMAIL);
    }

    private static List<String> lines(Catalog before, Catalog after) {
        return SchemaDiff.compare(before, after).stream().map(DriftItem::line).toList();
    }
}
