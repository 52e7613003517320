package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented facts of a rule, held once so that each rule class states them in its
 * constructor and keeps its body for the check itself.
 */
abstract class RuleDescriptor implements Rule {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}\\d{3}");

    static final Set<Dialect> ALL_DIALECTS = Set.copyOf(EnumSet.allOf(Dialect.class));
    static final Set<Dialect> POSTGRESQL = Set.of(Dialect.POSTGRESQL);

    private final String code;
    private final String name;
    private final String title;
    private final String description;
    private final String fix;
    private final Severity severity;
    private final Set<Dialect> dialects;

    RuleDescriptor(String code, String name, Severity severity, Set<Dialect> dialects, String title,
            String description, String fix) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a lint code is two capitals and three digits: " + code);
        }
        this.code = code;
        this.name = Objects.requireNonNull(name, "name");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.dialects = Set.copyOf(dialects);
        this.title = Objects.requireNonNull(title, "title");
        this.description = Objects.requireNonNull(description, "description");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String fix() {
        return fix;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final Set<Dialect> dialects() {
        return dialects;
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
