package io.strata.web;

import java.time.Duration;
import java.util.List;

/**
 * A pipeline's latest runs as a row of small bars, oldest on the left: colour and a symbol say the
 * status (the symbol keeps it readable in grey print), the height the duration relative to the
 * longest run shown, and each bar carries its whole description as a title and as text for screen
 * readers. Plain HTML and CSS: it reads without the page's script.
 */
final class RunTimeline {

    /**
     * One run.
     *
     * @param status {@code succeeded}, {@code failed} or {@code running}
     * @param text what a reader learns by pointing at it: start, duration, trigger, rows
     * @param duration how long it took; null while it runs
     */
    record Mark(String status, String text, Duration duration) {}

    private RunTimeline() {}

    /**
     * @param marks oldest first
     * @param label what the list is, for screen readers (already escaped)
     * @param from the first run's start, as shown under the row; {@code to} the last's
     */
    static void write(StringBuilder out, List<Mark> marks, String label, String from, String to) {
        if (marks.isEmpty()) {
            out.append("no runs");
            return;
        }
        long longest = marks.stream().filter(m -> m.duration() != null).mapToLong(m -> m.duration().toMillis())
                .max().orElse(0);
        out.append("<ol class=\"timeline\" aria-label=\"").append(label).append("\">");
        for (Mark mark : marks) {
            out.append("<li data-status=\"").append(Html.esc(mark.status())).append("\" title=\"")
                    .append(Html.esc(mark.text())).append("\" style=\"height:").append(height(mark, longest))
                    .append("%\"><span aria-hidden=\"true\">").append(symbol(mark.status()))
                    .append("</span><span class=\"run-text\">").append(Html.esc(mark.text())).append("</span></li>");
        }
        out.append("</ol><div class=\"axis\"><span>").append(Html.esc(from)).append("</span>");
        if (marks.size() > 1) {
            out.append("<span>").append(Html.esc(to)).append("</span>");
        }
        out.append("</div>");
    }

    /** A running run is drawn full height: its duration is not known yet. */
    private static int height(Mark mark, long longest) {
        if (mark.duration() == null || longest == 0) {
            return 100;
        }
        return (int) Math.max(35, Math.round(100.0 * mark.duration().toMillis() / longest));
    }

    private static String symbol(String status) {
        return switch (status) {
            case "succeeded" -> "\u2713";
            case "failed" -> "\u2717";
            case "running" -> "\u2026";
            default -> "?";
        };
    }
}
