package io.strata.storage.lint;

import io.strata.storage.sql.SqlComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- strata:ignore DS101,DS104 reason} comment, parsed but not yet judged: whether its
 * codes exist and its reason is there is {@link MalformedIgnore}'s
 * business, so that a bad directive becomes a finding rather than an error that stops the run.
 *
 * @param line   1-based line of the comment
 * @param column 1-based column of the comment
 * @param codes  the codes as written, upper-cased, in order; empty when it names none
 * @param reason the text after the codes, trimmed, leading ':' or '-' removed; "" when missing
 */
public record IgnoreDirective(int line, int column, List<String> codes, String reason) {

    public static final String MARKER = "strata:ignore";

    private static final Pattern CODE_LIST =
            Pattern.compile("([A-Za-z]{2}\\d{3}(?:\\s*,\\s*[A-Za-z]{2}\\d{3})*)(?=$|[\\s,:])");

    public IgnoreDirective {
        codes = List.copyOf(codes);
        Objects.requireNonNull(reason, "reason");
    }

    /** The directive in {@code comment}; empty when it is an ordinary comment. */
    public static Optional<IgnoreDirective> parse(SqlComment comment) {
        if (!comment.isLineComment()) {
            return Optional.empty();
        }
        String body = comment.text().substring(2).strip();
        if (!body.startsWith(MARKER)
                || body.length() > MARKER.length() && !Character.isWhitespace(body.charAt(MARKER.length()))) {
            return Optional.empty();
        }
        String rest = body.substring(MARKER.length()).strip();
        List<String> codes = new ArrayList<>();
        Matcher m = CODE_LIST.matcher(rest);
        if (m.lookingAt()) {
            for (String code : m.group(1).split(",")) {
                codes.add(code.strip().toUpperCase(Locale.ROOT));
            }
            rest = rest.substring(m.end());
        }
        return Optional.of(new IgnoreDirective(comment.line(), comment.column(), codes, reason(rest)));
    }

    private static String reason(String rest) {
        int i = 0;
        while (i < rest.length() && (rest.charAt(i) == ':' || rest.charAt(i) == '-' || rest.charAt(i) == ','
                || Character.isWhitespace(rest.charAt(i)))) {
            i++;
        }
        return rest.substring(i).strip();
    }
}
