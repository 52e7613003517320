package io.strata.storage.lint;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Workspace;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationFiles;
import io.strata.storage.sql.ClassifiedStatement;
import io.strata.storage.sql.Dialect;
import io.strata.storage.sql.SchemaEffect;
import io.strata.storage.sql.SqlComment;
import io.strata.storage.sql.SqlScript;
import io.strata.storage.sql.SqlSplitter;
import io.strata.storage.sql.SqlSyntaxException;
import io.strata.storage.sql.StatementClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lints migration files without a database: every statement through every rule of the dialect,
 * then the {@code strata:ignore} comments applied and checked. Pure: the same files give the same
 * report, in the same order.
 */
public final class Linter {

    private Linter() {}

    /**
     * Lints {@code files} as one run.
     *
     * @param files in version order: a table created by an earlier file (or earlier in the same file)
     *              is new, and the lock and data rules leave it alone. Plan passes its pending
     *              migrations; {@code strata lint} passes the files it was asked to lint.
     * @throws StrataException when a file cannot be split, naming the file and line (as plan does)
     */
    public static LintReport lint(List<Migration> files, Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        LintContext context = new LintContext(dialect);
        List<LintRule> rules = LintRules.statementRules(dialect);
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (Migration file : files) {
            order.putIfAbsent(file.file(), order.size());
            context.enter(file.file());
            findings.addAll(lintFile(file, rules, context));
        }
        findings.sort(Comparator.<Finding>comparingInt(f -> order.get(f.file()))
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::code));
        return new LintReport(dialect, files.stream().map(Migration::file).toList(), findings);
    }

    /** Lints every migration of the platform at {@code workspace}, in version order. */
    public static LintReport lint(Workspace workspace, Dialect dialect) {
        return lint(MigrationFiles.read(workspace).migrations(), dialect);
    }

    private static List<Finding> lintFile(Migration file, List<LintRule> rules, LintContext context) {
        SqlScript script;
        List<SqlComment> comments;
        try {
            script = SqlScript.parse(file.sql(), context.dialect());
            comments = SqlSplitter.comments(file.sql(), context.dialect());
        } catch (SqlSyntaxException e) {
            throw new StrataException(file.file() + ": " + e.getMessage(), e.hint(), e);
        }
        List<ClassifiedStatement> statements = script.statements();
        IgnoreComments ignores = IgnoreComments.attach(file.sql(),
                statements.stream().map(ClassifiedStatement::statement).toList(), comments);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ClassifiedStatement s = statements.get(i);
            LintStatement statement = new LintStatement(s, StatementClassifier.effects(s.statement(), context.dialect()));
            List<Finding> found = new ArrayList<>();
            Set<String> leftOut = new HashSet<>();
            for (LintRule rule : rules) {
                for (Violation v : rule.check(statement, context)) {
                    if (onNewTables(v, rule, context)) {
                        leftOut.add(rule.code());
                    } else {
                        found.add(new Finding(rule.code(), rule.severity(), file.file(), s.statement().line(),
                                s.statement().column(), v.message(), v.fix(), null));
                    }
                }
            }
            findings.addAll(applyIgnores(found, leftOut, ignores.byStatement().get(i), file.file()));
            for (SchemaEffect effect : statement.effects()) {
                if (effect instanceof SchemaEffect.CreatesTable created && !created.ifNotExists()) {
                    context.created(created.table());
                }
            }
        }
        for (IgnoreDirective orphan : ignores.orphans()) {
            findings.addAll(malformed(orphan, file.file()));
            findings.add(finding(LintRules.UNUSED_IGNORE, LintRules.UNUSED_IGNORE.misplaced(orphan), file.file(),
                    orphan));
        }
        return findings;
    }

    /** Whether every table the violation is about was created earlier, as far as the rule cares. */
    private static boolean onNewTables(Violation v, LintRule rule, LintContext context) {
        return !v.tables().isEmpty() && v.tables().stream().allMatch(t -> context.isNew(t, rule.newTables()));
    }

    /**
     * Silences the findings the statement's directives name with a reason; reports malformed
     * directives (LT001) and codes that silence nothing (LT002). A code whose finding was left out
     * because its tables are new to this run is not unused: linting the file in another run (or
     * planning it against a live database) reports it.
     */
    private static List<Finding> applyIgnores(List<Finding> found, Set<String> leftOut,
            List<IgnoreDirective> directives, String file) {
        List<Finding> result = new ArrayList<>(found);
        Set<String> silencedCodes = new HashSet<>();
        for (IgnoreDirective directive : directives) {
            result.addAll(malformed(directive, file));
            if (directive.reason().isEmpty()) {
                continue;
            }
            for (String code : directive.codes()) {
                if (!LintRules.ignorable().contains(code)) {
                    continue;
                }
                boolean used = false;
                for (int k = 0; k < result.size(); k++) {
                    Finding f = result.get(k);
                    if (f.code().equals(code) && !f.suppressed()) {
                        result.set(k, f.suppressedBy(new Suppression(directive.reason(), directive.line())));
                        used = true;
                    }
                }
                if (!used && !silencedCodes.contains(code) && !leftOut.contains(code)) {
                    result.add(finding(LintRules.UNUSED_IGNORE,
                            LintRules.UNUSED_IGNORE.unused(code), file, directive));
                }
                silencedCodes.add(code);
            }
        }
        return result;
    }

    private static List<Finding> malformed(IgnoreDirective directive, String file) {
        return LintRules.MALFORMED_IGNORE.check(directive, LintRules.ignorable()).stream()
                .map(v -> finding(LintRules.MALFORMED_IGNORE, v, file, directive))
                .toList();
    }

    private static Finding finding(Rule rule, Violation v, String file, IgnoreDirective at) {
        return new Finding(rule.code(), rule.severity(), file, at.line(), at.column(), v.message(), v.fix(), null);
    }
}
