package io.strata.orchestration.layer;

import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.layer.Workspace;
import io.strata.orchestration.local.PipelineModule;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.Lineage;
import io.strata.orchestration.manifest.ManifestDocuments;
import io.strata.orchestration.manifest.ManifestReader;
import io.strata.orchestration.manifest.Manifests;
import io.strata.orchestration.manifest.NormalizedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks what the orchestration layer declares: the CronJobs in {@code k8s/} that name a
 * pipeline, each with its own document's text. Errors name the file and line: a manifest the
 * Kubernetes API server would refuse, a pipeline without its folder, two CronJobs of one name.
 */
public final class ScheduleFiles {

    private ScheduleFiles() {}

    /**
     * @param suspend register every CronJob with {@code spec.suspend: true}: the environment has
     *     {@code suspend_schedules: true}
     */
    public static DeclaredSchedules read(Workspace workspace, boolean suspend) {
        Set<String> pipelines = new TreeSet<>(PipelineModule.list(workspace.root()));
        List<DeclaredCronJob> declared = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        for (Path file : ManifestReader.files(workspace.resolve("k8s"))) {
            Path shown = Path.of(workspace.display(file));
            byte[] content = read(file);
            Manifests manifests = ManifestReader.read(shown, content);
            String text = new String(content, StandardCharsets.UTF_8);
            manifests.notes().forEach(note -> warnings.add(note.toString()));
            List<ManifestDocuments.Document> documents = ManifestDocuments.split(text);
            for (CronJobManifest cronJob : manifests.cronJobs()) {
                ManifestDocuments.Document document = documents.stream()
                        .filter(d -> d.contains(cronJob.location().line())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no document holds " + cronJob.location()));
                YamlNode tree = ManifestDocuments.parse(shown, document.textAtItsLines());
                SourceLocation name = at(shown, tree, "metadata", "name");
                SourceLocation first = names.putIfAbsent(cronJob.name(), name);
                if (first != null) {
                    throw new ConfigException(name, "a second CronJob named `" + cronJob.name() + "`; the first is at "
                            + first.file() + ":" + first.line(),
                            "give each CronJob its own metadata.name: the local scheduler knows CronJobs by name,"
                                    + " whatever their namespace");
                }
                if (cronJob.lineage().pipeline().isEmpty()) {
                    warnings.add(shown + ":" + cronJob.location().line() + ": CronJob `" + cronJob.name() + "` has no "
                            + Lineage.PIPELINE + " annotation: not scheduled by Strata");
                    continue;
                }
                String pipeline = cronJob.lineage().pipeline().get();
                if (!pipelines.contains(pipeline)) {
                    throw new ConfigException(at(shown, tree, "metadata", "annotations", Lineage.PIPELINE),
                            "pipeline `" + pipeline + "` has no folder: expected pipelines/" + pipeline
                                    + "/ with a pom.xml",
                            "create the pipeline's Maven module there, or name an existing one"
                                    + (pipelines.isEmpty() ? "" : " (" + String.join(", ", pipelines) + ")"));
                }
                declared.add(suspend ? suspended(shown, document, tree)
                        : new DeclaredCronJob(cronJob, shown.toString(), document.text(), tree, NormalizedManifest.hash(tree)));
            }
        }
        boolean orchestrated = Files.isDirectory(workspace.resolve("k8s"))
                || Files.isDirectory(workspace.resolve("pipelines"));
        return new DeclaredSchedules(declared, pipelines, warnings, orchestrated);
    }

    /** The CronJob of {@code document} with {@code suspend: true}, read and checked again from the edited text. */
    private static DeclaredCronJob suspended(Path shown, ManifestDocuments.Document document, YamlNode tree) {
        String text = SuspendedDocument.of(shown, document, tree);
        String atItsLines = "\n".repeat(document.firstLine() - 1) + text;
        CronJobManifest cronJob = ManifestReader.read(shown, atItsLines.getBytes(StandardCharsets.UTF_8)).cronJobs().get(0);
        YamlNode edited = ManifestDocuments.parse(shown, atItsLines);
        return new DeclaredCronJob(cronJob, shown.toString(), text, edited, NormalizedManifest.hash(edited));
    }

    /** Where the value at {@code keys} starts; the document's start when a key is missing. */
    private static SourceLocation at(Path file, YamlNode root, String... keys) {
        YamlNode node = root;
        for (String key : keys) {
            if (!(node instanceof YamlNode.Mapping map) || !map.entries().containsKey(key)) {
                break;
            }
            node = map.entries().get(key).value();
        }
        return new SourceLocation(file, node.mark().line(), node.mark().column(), String.join(".", keys));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
