package io.strata.cli.render;

import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.core.plan.Plan;

/**
 * A plan as a reviewer reads it in a terminal: symbols, the SQL, a summary line, unsafe changes
 * called out. A change with no body fits on one line:
 * {@code + customers-enrichment   pipeline customers, schedule "0 3 * * *", k8s/customers-cronjob.yaml}.
 */
final class TextPlanView implements PlanView {

    @Override
    public String render(Plan plan, String databaseUrl) {
        StringBuilder out = new StringBuilder();
        out.append("Strata plan for environment ").append(plan.environment())
                .append(" (").append(databaseUrl).append(", commit ").append(shortCommit(plan.gitCommit()))
                .append(")\n");
        for (LayerPlan layer : plan.layers()) {
            out.append('\n').append(layer.layer()).append(": ");
            out.append(layer.changes().isEmpty() ? "no changes" : layer.changes().size() + " change(s)").append('\n');
            for (Change c : layer.changes()) {
                out.append("  ").append(c.action().symbol()).append(' ').append(c.object());
                if (c.unsafe()) {
                    out.append("  [unsafe]");
                }
                if (c.body().isBlank()) {
                    // Nothing to run verbatim (a registry row of the orchestration layer): one line.
                    out.append("   ").append(c.summary()).append('\n');
                    continue;
                }
                out.append("\n      ").append(c.summary()).append('\n');
                for (String line : c.body().strip().split("\r?\n", -1)) {
                    out.append("      | ").append(line).append('\n');
                }
            }
            for (String warning : layer.warnings()) {
                out.append("  ! ").append(warning).append('\n');
            }
            if (!layer.drift().isEmpty()) {
                out.append("  Changed outside Strata since the last apply (drift; apply leaves it alone):\n");
                layer.drift().forEach(line -> out.append("    ").append(line).append('\n'));
            }
        }
        out.append('\n');
        if (!plan.hasChanges()) {
            out.append(plan.layers().stream().anyMatch(l -> !l.drift().isEmpty())
                    ? "No changes to apply, but live objects were changed outside Strata (drift, above).\n"
                    : "No changes. The live system matches the files.\n");
            return out.toString();
        }
        PlanSummary summary = PlanSummary.of(plan);
        out.append(summary.line()).append('\n');
        if (summary.unsafe() > 0) {
            out.append(summary.unsafe()).append(" unsafe change(s) need --allow-unsafe or a reviewed plan file:\n");
            for (Change c : plan.unsafeChanges()) {
                out.append("  ").append(c.action().symbol()).append(' ').append(c.object()).append(": ")
                        .append(c.summary()).append('\n');
            }
        }
        return out.toString();
    }

    static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
