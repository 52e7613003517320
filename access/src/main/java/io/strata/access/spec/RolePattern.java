package io.strata.access.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/** A role name or a glob ({@code *} any run of characters, {@code ?} one), as {@code ignore:} lists them. */
public record RolePattern(String text) {

    public RolePattern {
        Objects.requireNonNull(text, "text");
    }

    public boolean matches(String role) {
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            return text.equals(role);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(role).matches();
    }
}
