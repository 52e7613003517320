package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.RunHistory;
import io.strata.orchestration.lineage.TableNames;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lineage page at the size of the observe benchmark: 50 pipelines over 150 tables, in chains
 * (each stage reads the previous stage's tables). Prints how long a render takes once warm; the
 * test itself checks the shape only, since timings depend on the machine.
 */
class LineagePageScaleTest {

    static Snapshot fiftyPipelines() {
        Instant t0 = Instant.parse("2026-11-20T03:00:00Z");
        Map<String, RunHistory.PipelineRuns> runs = new LinkedHashMap<>();
        for (int p = 0; p < 50; p++) {
            Map<String, Long> reads = new LinkedHashMap<>();
            Map<String, Long> writes = new LinkedHashMap<>();
            int stage = p % 5;
            int chain = p / 5;
            // Stage 0 reads three raw tables; later stages read the previous stage's outputs.
            for (int r = 0; r < 3; r++) {
                reads.put(stage == 0 ? "raw.c" + chain + "_source_" + r : "s" + (stage - 1) + ".c" + chain + "_" + r, 1_000L);
            }
            for (int w = 0; w < 3; w++) {
                writes.put("s" + stage + ".c" + chain + "_" + w, 900L);
            }
            ObservedRun run = new ObservedRun("run-" + p, "succeeded", t0, t0.plusSeconds(30 + p), reads, writes);
            runs.put("pipeline_" + p, new RunHistory.PipelineRuns("pipeline_" + p, run, List.of(run)));
        }
        LineageGraph graph = LineageGraph.build(List.of(), new RunHistory(new TableNames("public", false), runs, 1));
        return new Snapshot("bench", "jdbc:postgresql://127.0.0.1/bench", null, List.of(), List.of(), graph, t0);
    }

    @Test
    void rendersFiftyPipelinesAndPrintsTheTime() {
        Snapshot snapshot = fiftyPipelines();
        assertThat(snapshot.lineage().tables()).hasSize(180);
        String page = "";
        for (int i = 0; i < 10; i++) {
            page = render(snapshot); // warm-up: class loading, ELK's meta data, the JIT
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int runs = 20;
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            page = render(snapshot);
        }
        long wall = (System.nanoTime() - start) / runs / 1_000_000;
        long used = (threads.getCurrentThreadCpuTime() - cpu) / runs / 1_000_000;
        System.out.println("lineage page, 50 pipelines / " + snapshot.lineage().tables().size() + " tables / "
                + snapshot.lineage().edges().size() + " edges, after warm-up: " + wall + " ms wall, " + used
                + " ms CPU per render; " + page.length() / 1024 + " KiB");

        assertThat(Pattern.compile("<g class=\"node node-pipeline").matcher(page).results().count()).isEqualTo(50);
        assertThat(Pattern.compile("<g class=\"node node-table").matcher(page).results().count()).isEqualTo(180);
        assertThat(Pattern.compile("<g class=\"edge ").matcher(page).results().count()).isEqualTo(300);
        assertThat(Pattern.compile("<article class=\"details ").matcher(page).results().count()).isEqualTo(230);
    }

    private static String render(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        new LineagePage().body(out, snapshot, Links.EXPORTED);
        return out.toString();
    }
}
