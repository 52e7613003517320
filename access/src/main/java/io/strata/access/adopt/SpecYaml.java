package io.strata.access.adopt;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes YAML scalars: plain when that reads back as the same string, double-quoted otherwise. */
final class SpecYaml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_](?:[A-Za-z0-9_.*%() ,-]*[A-Za-z0-9_.*%)-])?");
    private static final Set<String> WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private SpecYaml() {}

    static String scalar(String text) {
        return scalar(text, false);
    }

    /** @param inFlow inside {@code [...]}, where a comma ends the item */
    private static String scalar(String text, boolean inFlow) {
        boolean plain = PLAIN.matcher(text).matches() && !WORDS.contains(text.toLowerCase(Locale.ROOT));
        if (plain && !(inFlow && text.indexOf(',') >= 0)) {
            return text;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(item -> scalar(item, true)).toList()) + "]";
    }
}
