package io.strata.access.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/** A role name or a glob ({@code *} any run of characters, {@code ?} one), as {@code ignore:} lists them. */
public record RolePattern(String text, Pattern regex) {

    public RolePattern {
        Objects.requireNonNull(text, "text");
        regex = compile(text);
    }

    public RolePattern(String text) {
        this(text, null);
    }

    public boolean matches(String role) {
        return regex == null ? text.equals(role) : regex.matcher(role).matches();
    }

    private static Pattern compile(String text) {
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RolePattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
