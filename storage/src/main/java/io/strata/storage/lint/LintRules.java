package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every lint code Strata has, in documentation order. A code is never reused: when a rule changes
 * meaning it gets a new code and the old one moves to {@link #RETIRED}, whose docs page stays.
 * Each code has a page {@code docs/lint/<code>.md}; {@link #helpUri} is its published address.
 */
public final class LintRules {

    /** Strata's home, SARIF's {@code informationUri}. */
    public static final String PROJECT_URL = "https://github.com/strata-data/strata";

    /**
     * Where the docs pages are published: {@code docs/lint/} of the main branch on GitHub. SARIF
     * requires an absolute URI for {@code helpUri}, so the path in the repository is not enough.
     */
    public static final String DOCS_BASE_URL = PROJECT_URL + "/blob/main/docs/lint/";

    /** Codes that once had a meaning and must never get another. None yet. */
    public static final Set<String> RETIRED = Set.of();

    static final MalformedIgnore MALFORMED_IGNORE = new MalformedIgnore();
    static final UnusedIgnore UNUSED_IGNORE = new UnusedIgnore();

    private static final List<LintRule> STATEMENT_RULES = List.of(
            new DropTable(), new DropColumn(), new DropSchema(), new Truncate(), new DeleteWithoutWhere(),
            new UpdateWithoutWhere(), new DropObject(),
            new IndexWithoutConcurrently(), new AlterColumnType(), new AddNotNullColumn(), new SetNotNull());

    private static final List<Rule> ALL = all(STATEMENT_RULES, MALFORMED_IGNORE, UNUSED_IGNORE);

    private static final Set<String> IGNORABLE =
            STATEMENT_RULES.stream().map(Rule::code).collect(Collectors.toUnmodifiableSet());

    private LintRules() {}

    /** Every rule: the statement rules, then the LT rules about ignore comments. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The statement rules that check {@code dialect}. */
    public static List<LintRule> statementRules(Dialect dialect) {
        return STATEMENT_RULES.stream().filter(r -> r.dialects().contains(dialect)).toList();
    }

    public static Optional<Rule> byCode(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The codes a {@code strata:ignore} comment may name: those of the statement rules. */
    public static Set<String> ignorable() {
        return IGNORABLE;
    }

    /** The absolute URL of {@code code}'s docs page. */
    public static String helpUri(String code) {
        return DOCS_BASE_URL + code + ".md";
    }

    private static List<Rule> all(List<LintRule> statementRules, Rule... others) {
        List<Rule> all = new ArrayList<>(statementRules);
        all.addAll(List.of(others));
        return List.copyOf(all);
    }
}
