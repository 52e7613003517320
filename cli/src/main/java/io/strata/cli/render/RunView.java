package io.strata.cli.render;

import io.strata.pipeline.run.RunRecord;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A pipeline's run record, as {@code strata run} prints it after the run's own output. */
public final class RunView {

    private RunView() {}

    public static String render(RunRecord run, Path log) {
        StringBuilder s = new StringBuilder();
        s.append(run.pipeline()).append(": ").append(run.status().value()).append('\n');
        line(s, "run id", run.runId());
        line(s, "trigger", run.trigger().value());
        line(s, "image", run.image() == null ? "(none)" : run.image());
        line(s, "started", run.startedAt().toString());
        line(s, "duration", run.endedAt() == null ? "(no end recorded)"
                : String.format(Locale.ROOT, "%.1f s", run.duration().toMillis() / 1000.0));
        tables(s, "read", run.sortedReads());
        tables(s, "wrote", run.sortedWrites());
        if (run.error() != null) {
            line(s, "error", run.error());
        }
        line(s, "log", log.toString());
        return s.toString();
    }

    private static void tables(StringBuilder s, String label, Map<String, Long> rows) {
        if (rows.isEmpty()) {
            line(s, label, "nothing");
            return;
        }
        String l = label;
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            line(s, l, String.format(Locale.ROOT, "%s  %,d rows", e.getKey(), e.getValue()));
            l = "";
        }
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(String.format(Locale.ROOT, "%-9s", label.isEmpty() ? "" : label + ":")).append(' ')
                .append(value.strip().replace("\n", "\n" + " ".repeat(12))).append('\n');
    }
}
