package io.strata.storage.catalog;

/** The kinds of catalog objects drift reports on, in the order a reader expects them. */
public enum ObjectKind {
    SCHEMA("schema"),
    TABLE("table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
