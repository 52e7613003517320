package io.strata.storage.sql;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A migration file split and classified: what the applier needs to decide how to run it. The
 * intended policy: refuse a file with {@link #transactionControl()} statements; run it outside a
 * transaction only when {@link #noTransactionDirective()} says so, and refuse a file whose
 * {@link #transactionIncompatible()} statements lack the directive rather than guess.
 *
 * @param noTransactionDirective the first line is exactly {@value #NO_TRANSACTION_DIRECTIVE}
 */
public record SqlScript(Dialect dialect, boolean noTransactionDirective, List<ClassifiedStatement> statements) {
    /** First-line directive that makes Strata run a migration outside a transaction. */
    public static final String NO_TRANSACTION_DIRECTIVE = "-- strata:no-transaction";

    public SqlScript {
        Objects.requireNonNull(dialect, "dialect");
        statements = List.copyOf(statements);
    }

    /** @throws SqlSyntaxException when the text cannot be split, see {@link SqlSplitter#split} */
    public static SqlScript parse(String text, Dialect dialect) {
        List<ClassifiedStatement> statements = SqlSplitter.split(text, dialect).stream()
                .map(s -> new ClassifiedStatement(s, StatementClassifier.classify(s, dialect)))
                .toList();
        return new SqlScript(dialect, forcesNoTransaction(text), statements);
    }

    /**
     * Whether the first line is exactly {@value #NO_TRANSACTION_DIRECTIVE}, trailing whitespace
     * (and a CR) ignored. Only the first line counts, so the directive is visible at a glance and a
     * commented-out copy further down does nothing.
     */
    public static boolean forcesNoTransaction(String text) {
        int from = text.startsWith("\uFEFF") ? 1 : 0;
        int newline = text.indexOf('\n', from);
        int to = newline < 0 ? text.length() : newline;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.regionMatches(from, NO_TRANSACTION_DIRECTIVE, 0, NO_TRANSACTION_DIRECTIVE.length())
                && to - from == NO_TRANSACTION_DIRECTIVE.length();
    }

    public List<ClassifiedStatement> transactionControl() {
        return filter(StatementKind::transactionControl);
    }

    public List<ClassifiedStatement> transactionIncompatible() {
        return filter(StatementKind::transactionIncompatible);
    }

    public List<ClassifiedStatement> destructive() {
        return filter(StatementKind::destructive);
    }

    private List<ClassifiedStatement> filter(Predicate<StatementKind> test) {
        return statements.stream().filter(s -> test.test(s.kind())).toList();
    }
}
