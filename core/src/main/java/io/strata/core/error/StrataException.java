package io.strata.core.error;

/**
 * An error a user can act on: the message names the file and line or the live object, says what
 * was expected, and the hint says how to fix it. Never carries a secret.
 */
public class StrataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public StrataException(String message) {
        this(message, null, null);
    }

    public StrataException(String message, String hint) {
        this(message, hint, null);
    }

    public StrataException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** How to fix it, or null when the message says it all. */
    public String hint() {
        return hint;
    }

    /** The message followed by the hint, as printed to people. */
    public String describe() {
        return hint == null ? getMessage() : getMessage() + "\n  hint: " + hint;
    }
}
