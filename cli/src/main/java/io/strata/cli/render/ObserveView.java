package io.strata.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.journal.JournalEntry;
import io.strata.core.layer.LayerStatus;
import java.util.Locale;

/** Renders an {@link ObserveReport}. */
public final class ObserveView {

    public static final int JSON_FORMAT_VERSION = 1;

    private ObserveView() {}

    public static String render(ObserveReport report, Format format) {
        return switch (format) {
            case TEXT -> text(report);
            case MARKDOWN -> markdown(report);
            case JSON -> json(report);
        };
    }

    private static String text(ObserveReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Environment ").append(r.environment()).append('\n');
        out.append("  database: ").append(r.databaseUrl()).append('\n');
        if (r.psql() != null) {
            out.append("  psql:     ").append(r.psql()).append('\n');
        }
        out.append('\n');
        for (LayerStatus layer : r.layers()) {
            out.append(String.format(Locale.ROOT, "%-13s %-9s %s%n", layer.layer(), layer.state().label(), layer.summary()));
            layer.details().forEach(d -> out.append("    ").append(d).append('\n'));
        }
        out.append('\n');
        if (r.journal().isEmpty()) {
            out.append("Journal: nothing applied yet\n");
        } else {
            out.append("Journal (latest first):\n");
            for (JournalEntry e : r.journal()) {
                out.append("  ").append(e.finishedAt()).append("  ").append(e.kind()).append(' ')
                        .append(e.outcome().label()).append(" by ").append(e.user()).append(", commit ")
                        .append(TextPlanView.shortCommit(e.gitCommit())).append(", ").append(e.changes().size())
                        .append(" change(s)");
                if (e.error() != null) {
                    out.append(": ").append(e.error().lines().findFirst().orElse(""));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String markdown(ObserveReport r) {
        StringBuilder out = new StringBuilder();
        out.append("### Strata observe: `").append(r.environment()).append("`\n\n");
        out.append("| layer | state | summary |\n|---|---|---|\n");
        for (LayerStatus layer : r.layers()) {
            out.append("| ").append(layer.layer()).append(" | ").append(layer.state().label()).append(" | ")
                    .append(layer.summary().replace("|", "\\|")).append(" |\n");
        }
        for (LayerStatus layer : r.layers()) {
            if (!layer.details().isEmpty()) {
                out.append("\n**").append(layer.layer()).append("**\n\n");
                layer.details().forEach(d -> out.append("- ").append(d.replace("<", "&lt;")).append('\n'));
            }
        }
        return out.toString();
    }

    private static String json(ObserveReport r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format_version", JSON_FORMAT_VERSION);
        root.put("environment", r.environment());
        root.put("database_url", r.databaseUrl());
        if (r.psql() != null) {
            root.put("psql", r.psql());
        }
        root.put("drift", r.drift());
        ArrayNode layers = root.putArray("layers");
        for (LayerStatus layer : r.layers()) {
            ObjectNode l = layers.addObject();
            l.put("layer", layer.layer());
            l.put("state", layer.state().name().toLowerCase(Locale.ROOT));
            l.put("summary", layer.summary());
            ArrayNode details = l.putArray("details");
            layer.details().forEach(details::add);
        }
        ArrayNode journal = root.putArray("journal");
        for (JournalEntry e : r.journal()) {
            ObjectNode j = journal.addObject();
            j.put("kind", e.kind());
            j.put("started_at", e.startedAt().toString());
            j.put("finished_at", e.finishedAt().toString());
            j.put("user", e.user());
            j.put("git_commit", e.gitCommit());
            j.put("plan_hash", e.planHash());
            j.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
            j.put("error", e.error());
            ArrayNode changes = j.putArray("changes");
            e.changes().forEach(changes::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
