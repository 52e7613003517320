package io.strata.storage.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies one statement by its leading keywords and top-level structure, without a database.
 * Keywords match case-insensitively with any comments and whitespace between them; text inside
 * literals, quoted identifiers, comments and parentheses never matches a top-level rule.
 */
public final class StatementClassifier {
    private StatementClassifier() {
    }

    public static StatementKind classify(SqlStatement statement, Dialect dialect) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(dialect, "dialect");
        return classify(statement.sql(), dialect);
    }

    /** Classifies statement text as {@link SqlSplitter} returns it: one statement, no delimiter. */
    public static StatementKind classify(String sql, Dialect dialect) {
        Tokens tokens = Tokens.of(sql, dialect);
        CommandHead head = CommandHead.of(tokens);
        return new StatementKind(
                head.keyword(),
                TransactionRules.isTransactionControl(head),
                dialect == Dialect.POSTGRESQL && TransactionRules.refusedInTransaction(head, tokens),
                DestructiveRules.findings(head, tokens).stream().map(SchemaEffect.Destroys::reason).toList());
    }

    /**
     * What the statement does to the schema or its data, for lint: what it destroys (the same
     * findings as {@link StatementKind#destructiveReasons()}, in the same order), then the tables
     * it creates, the indexes it builds and the columns it adds or alters.
     */
    public static List<SchemaEffect> effects(SqlStatement statement, Dialect dialect) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(dialect, "dialect");
        return effects(statement.sql(), dialect);
    }

    /** {@link #effects(SqlStatement, Dialect)} of statement text as {@link SqlSplitter} returns it. */
    public static List<SchemaEffect> effects(String sql, Dialect dialect) {
        Tokens tokens = Tokens.of(sql, dialect);
        CommandHead head = CommandHead.of(tokens);
        List<SchemaEffect> effects = new ArrayList<>(DestructiveRules.findings(head, tokens));
        effects.addAll(SchemaChangeRules.changes(head, tokens));
        return List.copyOf(effects);
    }
}
