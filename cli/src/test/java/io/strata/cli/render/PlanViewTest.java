package io.strata.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.core.plan.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanViewTest {

    private static Plan plan(List<Change> changes) {
        return new Plan(1, "0.1.0", "dev", "0123456789abcdef0123", "2026-11-26T00:00:00Z",
                List.of(new LayerPlan("storage", "sha256:x", changes,
                        changes.isEmpty() ? List.of() : List.of("migrations/0013_drop.sql runs outside a transaction"))));
    }

    private static final Change CREATE = new Change("storage", Action.CREATE, "migrations/0012_add_segment.sql",
            "apply migration (1 statement, in one transaction)", "ALTER TABLE t\nADD COLUMN s text;\n", false, false,
            Map.of());
    private static final Change DROP = new Change("storage", Action.CREATE, "migrations/0013_drop.sql",
            "apply migration (1 statement, non-transactional): destructive: line 1: drops table a|b", "DROP TABLE \"a|b\";",
            true, true, Map.of());

    @Test
    void textReadsLikeTerraform() {
        String text = PlanView.of(Format.TEXT).render(plan(List.of(CREATE, DROP)), "jdbc:postgresql://h/db");
        assertThat(text).startsWith("Strata plan for environment dev (jdbc:postgresql://h/db, commit 0123456789ab)\n")
                .contains("storage: 2 change(s)\n  + migrations/0012_add_segment.sql\n"
                        + "      apply migration (1 statement, in one transaction)\n"
                        + "      | ALTER TABLE t\n      | ADD COLUMN s text;\n")
                .contains("  + migrations/0013_drop.sql  [unsafe]\n")
                .contains("  ! migrations/0013_drop.sql runs outside a transaction\n")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.\n")
                .endsWith("1 unsafe change(s) need --allow-unsafe or a reviewed plan file:\n"
                        + "  + migrations/0013_drop.sql: apply migration (1 statement, non-transactional): destructive:"
                        + " line 1: drops table a|b\n");
    }

    @Test
    void aChangeWithoutBodyFitsOnOneLine() {
        Change schedule = new Change("orchestration", Action.CREATE, "customers-enrichment",
                "pipeline customers, schedule \"0 3 * * *\", k8s/customers-cronjob.yaml", "", false, false, Map.of());
        Change unschedule = new Change("orchestration", Action.DROP, "orders-hourly", "pipeline orders, was"
                + " k8s/orders.yaml: no longer in k8s/", "", false, true, Map.of());
        Plan plan = new Plan(1, "0.1.0", "dev", "c", "2026-11-26T00:00:00Z",
                List.of(new LayerPlan("orchestration", "sha256:x", List.of(schedule, unschedule), List.of())));

        assertThat(PlanView.of(Format.TEXT).render(plan, "url")).contains("orchestration: 2 change(s)\n"
                + "  + customers-enrichment   pipeline customers, schedule \"0 3 * * *\", k8s/customers-cronjob.yaml\n"
                + "  - orders-hourly  [unsafe]   pipeline orders, was k8s/orders.yaml: no longer in k8s/\n\n"
                + "Plan: 1 to add, 0 to change, 1 to destroy.\n");
    }

    @Test
    void textSaysWhenThereIsNothingToDo() {
        assertThat(PlanView.of(Format.TEXT).render(plan(List.of()), "url"))
                .contains("storage: no changes").endsWith("No changes. The live system matches the files.\n");
    }

    @Test
    void markdownIsAPullRequestComment() {
        String md = PlanView.of(Format.MARKDOWN).render(plan(List.of(CREATE, DROP)), "url");
        assertThat(md).startsWith("### Strata plan: `dev`\n")
                .contains("> [!WARNING]\n> 1 unsafe change(s) need `--allow-unsafe`")
                .contains("| `+` | storage | `migrations/0012_add_segment.sql` | apply migration (1 statement, in one transaction) |")
                .contains("drops table a\\|b |")
                .contains("<details><summary><code>migrations/0012_add_segment.sql</code></summary>\n\n```sql\n"
                        + "ALTER TABLE t\nADD COLUMN s text;\n```")
                .endsWith("**Plan: 2 to add, 0 to change, 0 to destroy.**\n");
    }

    @Test
    void jsonIsThePlanFile() {
        Plan plan = plan(List.of(CREATE));
        assertThat(PlanView.of(Format.JSON).render(plan, "url")).isEqualTo(io.strata.core.plan.PlanFile.toJson(plan));
    }
}
