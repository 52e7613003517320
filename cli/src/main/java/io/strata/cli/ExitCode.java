package io.strata.cli;

/** The process exit codes, in one place (DESIGN.md §6). CI scripts depend on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** Any error, including usage errors: never 2, which CI reads as "changes found". */
    public static final int ERROR = 1;
    /** {@code plan --detailed-exitcode} found changes. */
    public static final int CHANGES = 2;
    /** {@code observe} found drift; {@code lineage --detailed-exitcode} found runs that differ from their declaration. */
    public static final int DRIFT = 3;

    private ExitCode() {}
}
