package io.strata.storage.migration;

import io.strata.storage.sql.ClassifiedStatement;
import io.strata.storage.sql.Dialect;
import io.strata.storage.sql.SqlScript;
import io.strata.storage.sql.SqlSyntaxException;
import io.strata.core.error.StrataException;
import java.util.List;

/**
 * Decides how a migration runs from its split, classified SQL. Shared by the dialects; they differ
 * only in the {@link Dialect} the SQL is read in.
 */
public final class ScriptAnalysis {

    private ScriptAnalysis() {}

    public static MigrationScript analyse(Migration migration, Dialect dialect) {
        SqlScript script;
        try {
            script = SqlScript.parse(migration.sql(), dialect);
        } catch (SqlSyntaxException e) {
            throw new StrataException(migration.file() + ": " + e.getMessage(), e.hint(), e);
        }
        List<ClassifiedStatement> incompatible = script.transactionIncompatible();
        String reason = null;
        if (script.noTransactionDirective()) {
            reason = "its first line is " + SqlScript.NO_TRANSACTION_DIRECTIVE;
        } else if (!incompatible.isEmpty()) {
            ClassifiedStatement first = incompatible.get(0);
            reason = "line " + first.statement().line() + ": " + first.kind().keyword()
                    + " cannot run inside a transaction";
        }
        List<MigrationScript.Statement> statements = script.statements().stream()
                .map(s -> new MigrationScript.Statement(s.statement().sql(), s.statement().line()))
                .toList();
        List<String> destructive = script.destructive().stream()
                .flatMap(s -> s.kind().destructiveReasons().stream().map(r -> "line " + s.statement().line() + ": " + r))
                .toList();
        List<String> control = script.transactionControl().stream()
                .map(s -> "line " + s.statement().line() + ": " + s.kind().keyword())
                .toList();
        return new MigrationScript(statements, reason == null, reason, destructive, control);
    }
}
