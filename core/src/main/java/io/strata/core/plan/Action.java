package io.strata.core.plan;

/** What a change does to a live object. Its symbol is what a reviewer scans for in a plan. */
public enum Action {
    CREATE("+"),
    ALTER("~"),
    DROP("-");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
