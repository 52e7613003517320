package io.strata.cli.render;

import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;

/** Turns a plan into text for people, Markdown for pull requests, or JSON for machines. Views never plan. */
public interface PlanView {

    String render(Plan plan, String databaseUrl);

    static PlanView of(Format format) {
        return switch (format) {
            case TEXT -> new TextPlanView();
            case MARKDOWN -> new MarkdownPlanView();
            case JSON -> (plan, url) -> PlanFile.toJson(plan);
        };
    }
}
