package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.Set;

/**
 * What every lint code documents about itself: the docs page {@code docs/lint/<code>.md}, the
 * SARIF rule descriptor and the JSON output are all built from these. A code, once published,
 * keeps its meaning forever: a rule that changes meaning gets a new code and the old one retires.
 */
public interface Rule {

    /** Two capital letters and three digits: {@code DS101}. */
    String code();

    /** An identifier-like name for tools that want one (SARIF's {@code name}): {@code DropTable}. */
    String name();

    /** One line, in sentence case without a final period: "Drops a table". */
    String title();

    /** A few sentences: what the rule detects and why it is risky. */
    String description();

    /** The general safe alternative; a finding may give a more specific one. */
    String fix();

    Severity severity();

    /** The dialects the rule checks. */
    Set<Dialect> dialects();
}
