package io.strata.cli.render;

import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.core.plan.Plan;

/** A plan as a pull-request comment: a table of changes, the SQL folded away, unsafe changes in a warning. */
final class MarkdownPlanView implements PlanView {

    @Override
    public String render(Plan plan, String databaseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("### Strata plan: `").append(plan.environment()).append("`\n\n");
        out.append("Commit `").append(TextPlanView.shortCommit(plan.gitCommit())).append("`, plan hash `")
                .append(plan.hash()).append("`\n\n");
        for (LayerPlan layer : plan.layers()) {
            if (!layer.drift().isEmpty()) {
                out.append("> [!CAUTION]\n> ").append(layer.layer())
                        .append(": changed outside Strata since the last apply (drift; apply leaves it alone):\n");
                layer.drift().forEach(line -> out.append("> - `").append(line.replace("`", "'")).append("`\n"));
                out.append('\n');
            }
        }
        if (!plan.hasChanges()) {
            out.append("**No changes.** The live system matches the files.\n");
            return out.toString();
        }
        PlanSummary summary = PlanSummary.of(plan);
        if (summary.unsafe() > 0) {
            out.append("> [!WARNING]\n> ").append(summary.unsafe())
                    .append(" unsafe change(s) need `--allow-unsafe` or this reviewed plan file:\n");
            for (Change c : plan.unsafeChanges()) {
                out.append("> - `").append(c.object()).append("`: ").append(escape(c.summary())).append('\n');
            }
            out.append('\n');
        }
        out.append("| | layer | object | change |\n|---|---|---|---|\n");
        for (Change c : plan.changes()) {
            out.append("| `").append(c.action().symbol()).append("` | ").append(c.layer()).append(" | `")
                    .append(c.object()).append("` | ").append(escape(c.summary())).append(" |\n");
        }
        out.append('\n');
        for (LayerPlan layer : plan.layers()) {
            for (String warning : layer.warnings()) {
                out.append("- :warning: ").append(escape(warning)).append('\n');
            }
        }
        for (Change c : plan.changes()) {
            if (c.body().isBlank()) {
                continue;
            }
            out.append("\n<details><summary><code>").append(html(c.object())).append("</code></summary>\n\n");
            String fence = c.body().contains("```") ? "~~~~" : "```";
            out.append(fence).append("sql\n").append(c.body().strip()).append('\n').append(fence).append("\n\n</details>\n");
        }
        out.append('\n').append("**").append(summary.line()).append("**\n");
        return out.toString();
    }

    private static String escape(String text) {
        return html(text).replace("|", "\\|").replace("\n", " ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
