package io.strata.storage.lint;

import io.strata.storage.sql.SqlComment;
import io.strata.storage.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statement each {@code strata:ignore} comment of a file belongs to. A directive belongs to
 * the statement right below it (on a line of its own, possibly among other comment lines, with
 * no blank line between them and the statement) or to the statement whose first line it ends.
 * Anywhere else it belongs to nothing, and {@link UnusedIgnore}
 * says so: a directive that silently does nothing would mislead its reviewer.
 *
 * @param byStatement the directives of each statement, index for index
 * @param orphans     directives that belong to no statement
 */
record IgnoreComments(List<List<IgnoreDirective>> byStatement, List<IgnoreDirective> orphans) {

    static IgnoreComments attach(String text, List<SqlStatement> statements, List<SqlComment> comments) {
        int[] lineStarts = lineStarts(text);
        Set<Integer> commentLines = new HashSet<>();
        Map<Integer, IgnoreDirective> onOwnLine = new HashMap<>();
        List<IgnoreDirective> trailing = new ArrayList<>();
        List<IgnoreDirective> all = new ArrayList<>();
        for (SqlComment comment : comments) {
            boolean ownLine = comment.isLineComment() && blankBefore(text, lineStarts, comment);
            if (ownLine) {
                commentLines.add(comment.line());
            }
            IgnoreDirective.parse(comment).ifPresent(d -> {
                all.add(d);
                if (ownLine) {
                    onOwnLine.put(d.line(), d);
                } else {
                    trailing.add(d);
                }
            });
        }
        Set<IgnoreDirective> used = new HashSet<>();
        List<List<IgnoreDirective>> byStatement = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            List<IgnoreDirective> mine = new ArrayList<>();
            boolean firstOnItsLine = i == 0 || statements.get(i - 1).line() != s.line();
            if (firstOnItsLine) {
                for (int line = s.line() - 1; commentLines.contains(line); line--) {
                    IgnoreDirective d = onOwnLine.get(line);
                    if (d != null) {
                        mine.add(0, d);
                    }
                }
            }
            SqlStatement next = i + 1 < statements.size() ? statements.get(i + 1) : null;
            int before = next != null && next.line() == s.line() ? next.column() : Integer.MAX_VALUE;
            for (IgnoreDirective d : trailing) {
                if (d.line() == s.line() && d.column() > s.column() && d.column() < before) {
                    mine.add(d);
                }
            }
            used.addAll(mine);
            byStatement.add(List.copyOf(mine));
        }
        List<IgnoreDirective> orphans = all.stream().filter(d -> !used.contains(d)).toList();
        return new IgnoreComments(byStatement, orphans);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean blankBefore(String text, int[] lineStarts, SqlComment comment) {
        int start = lineStarts[comment.line() - 1];
        return text.substring(start, Math.min(text.length(), start + comment.column() - 1)).isBlank();
    }
}
