package io.strata.orchestration.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.orchestration.lineage.PipelineLineage.State;
import io.strata.orchestration.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declarations and run records joined into table → pipeline → table, with the differences flagged. */
class LineageGraphTest {

    private static final TableNames POSTGRES = new TableNames("public", false);
    private static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");

    private static String cronJob(String name, String annotations, String image) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: %s
                  annotations:
                %s
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: main
                              image: %s
                ---
                """.formatted(name, annotations.isEmpty() ? "    {}" : annotations.indent(4).stripTrailing(), image);
    }

    private static List<Declaration> declarations(String... documents) {
        return Declaration.of(ManifestReader.read(Path.of("k8s/jobs.yaml"),
                String.join("", documents).getBytes(StandardCharsets.UTF_8)).cronJobs());
    }

    private static ObservedRun run(String id, int minutes, String status, Map<String, Long> reads,
            Map<String, Long> writes) {
        return new ObservedRun(id, status, T0.plusSeconds(60L * minutes), T0.plusSeconds(60L * minutes + 5), reads,
                writes);
    }

    private static RunHistory history(TableNames names, int runs, RunHistory.PipelineRuns... pipelines) {
        Map<String, RunHistory.PipelineRuns> byName = new HashMap<>();
        for (RunHistory.PipelineRuns p : pipelines) {
            byName.put(p.pipeline(), p);
        }
        return new RunHistory(names, byName, runs);
    }

    private static RunHistory.PipelineRuns succeeded(String pipeline, ObservedRun... newestFirst) {
        return new RunHistory.PipelineRuns(pipeline, newestFirst[0], List.of(newestFirst));
    }

    private static final String CUSTOMERS = cronJob("customers-enrichment", """
            strata.io/pipeline: customers
            strata.io/reads: raw.customers
            strata.io/writes: marts.customers""", "${image:customers}");

    @Test
    void aPipelineThatTouchedExactlyWhatItDeclaresIsInSync() {
        LineageGraph graph = LineageGraph.build(declarations(CUSTOMERS), history(POSTGRES, 1,
                succeeded("customers", run("r1", 0, "succeeded", Map.of("raw.customers", 5L),
                        Map.of("marts.customers", 4L)))));

        PipelineLineage customers = graph.pipeline("customers");
        assertThat(customers.state()).isEqualTo(State.IN_SYNC);
        assertThat(customers.cronJobs()).containsExactly("customers-enrichment");
        assertThat(customers.edges()).containsExactly(
                new Edge("customers", Direction.READ, "raw.customers", true, true, 5),
                new Edge("customers", Direction.WRITE, "marts.customers", true, true, 4));
        assertThat(graph.tables()).containsExactly("marts.customers", "raw.customers");
        assertThat(graph.mismatches()).isEmpty();
    }

    @Test
    void anUndeclaredWriteAndAnUntouchedDeclaredReadAreFlagged() {
        LineageGraph graph = LineageGraph.build(declarations(cronJob("orders", """
                strata.io/pipeline: orders
                strata.io/reads: raw.orders, raw.payments
                strata.io/writes: marts.orders""", "${image:orders}")), history(POSTGRES, 1,
                succeeded("orders", run("r1", 0, "succeeded", Map.of("raw.orders", 3L),
                        Map.of("marts.orders", 3L, "marts.order_audit", 3L)))));

        PipelineLineage orders = graph.pipeline("orders");
        assertThat(orders.state()).isEqualTo(State.MISMATCH);
        assertThat(orders.mismatches()).containsExactly(
                new Edge("orders", Direction.READ, "raw.payments", true, false, -1),
                new Edge("orders", Direction.WRITE, "marts.order_audit", false, true, 3));
    }

    @Test
    void aPipelineWithoutASuccessfulRunIsSaidToHaveNeverRunAndIsNotAMismatch() {
        LineageGraph graph = LineageGraph.build(declarations(CUSTOMERS, cronJob("billing", """
                strata.io/pipeline: billing
                strata.io/reads: raw.invoices""", "${image:billing}")), history(POSTGRES, 1,
                new RunHistory.PipelineRuns("customers", run("r9", 0, "failed", Map.of(), Map.of()), List.of())));

        assertThat(graph.pipeline("customers").state()).isEqualTo(State.NEVER_RAN);
        assertThat(graph.pipeline("customers").latestRun()).map(ObservedRun::status).contains("failed");
        assertThat(graph.pipeline("billing").state()).isEqualTo(State.NEVER_RAN);
        assertThat(graph.pipeline("billing").latestRun()).isEmpty();
        assertThat(graph.pipeline("billing").edges()).containsExactly(
                new Edge("billing", Direction.READ, "raw.invoices", true, false, -1));
        assertThat(graph.mismatches()).isEmpty();
    }

    @Test
    void aPipelineThatRanWithoutACronJobIsUndeclaredAndAllItsTablesAreFlagged() {
        LineageGraph graph = LineageGraph.build(List.of(), history(POSTGRES, 1,
                succeeded("adhoc", run("r1", 0, "succeeded", Map.of("raw.x", 1L), Map.of("marts.y", 1L)))));

        assertThat(graph.pipeline("adhoc").state()).isEqualTo(State.UNDECLARED);
        assertThat(graph.mismatches()).hasSize(2).allMatch(e -> e.observed() && !e.declared());
    }

    @Test
    void namesWithoutASchemaAreInTheDefaultSchemaAndCaseMattersUnlessTheServerFoldsIt() {
        String job = cronJob("mixed", """
                strata.io/pipeline: mixed
                strata.io/reads: customers
                strata.io/writes: Marts.Customers""", "${image:mixed}");
        ObservedRun r = run("r1", 0, "succeeded", Map.of("public.customers", 1L), Map.of("marts.customers", 1L));

        LineageGraph postgres = LineageGraph.build(declarations(job), history(POSTGRES, 1, succeeded("mixed", r)));
        assertThat(postgres.pipeline("mixed").mismatches()).extracting(Edge::table)
                .containsExactly("Marts.Customers", "marts.customers");

        LineageGraph folding = LineageGraph.build(declarations(job),
                history(new TableNames("public", true), 1, succeeded("mixed", r)));
        assertThat(folding.pipeline("mixed").state()).isEqualTo(State.IN_SYNC);
    }

    @Test
    void observedTablesAreTheUnionOfTheRunsConsideredWithTheNewestRows() {
        ObservedRun newest = run("r2", 10, "succeeded", Map.of("raw.customers", 7L), Map.of("marts.customers", 7L));
        ObservedRun older = run("r1", 0, "succeeded", Map.of("raw.customers", 5L, "raw.legacy", 2L),
                Map.of("marts.customers", 5L));

        LineageGraph graph = LineageGraph.build(declarations(CUSTOMERS), history(POSTGRES, 2,
                succeeded("customers", newest, older)));

        PipelineLineage customers = graph.pipeline("customers");
        assertThat(customers.observedRuns()).extracting(ObservedRun::runId).containsExactly("r2", "r1");
        assertThat(customers.edges()).contains(new Edge("customers", Direction.READ, "raw.customers", true, true, 7));
        assertThat(customers.mismatches()).containsExactly(
                new Edge("customers", Direction.READ, "raw.legacy", false, true, 2));
        assertThat(graph.runsConsidered()).isEqualTo(2);
    }

    @Test
    void theCronJobsOfOnePipelineAddUpAndACronJobNamingNoPipelineIsLeftOut() {
        List<Declaration> declared = declarations(
                cronJob("customers-nightly", "strata.io/pipeline: customers\nstrata.io/reads: raw.customers",
                        "${image:customers}"),
                cronJob("customers-hourly", "strata.io/pipeline: customers\nstrata.io/reads: raw.customers_delta",
                        "${image:customers}"),
                cronJob("not-strata", "strata.io/reads: raw.x", "registry.example/other:1"));

        assertThat(declared).extracting(Declaration::pipeline).containsExactly("customers");
        Declaration customers = declared.get(0);
        assertThat(customers.cronJobs()).containsExactly("customers-nightly", "customers-hourly");
        assertThat(customers.reads()).containsExactlyInAnyOrder("raw.customers", "raw.customers_delta");
    }
}
