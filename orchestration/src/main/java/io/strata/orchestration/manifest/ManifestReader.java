package io.strata.orchestration.manifest;

import io.strata.core.config.ConfigException;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlTreeReader;
import io.strata.orchestration.cronjob.ConcurrencyPolicy;
import io.strata.orchestration.cronjob.CronJobSchedule;
import io.strata.orchestration.cronjob.InvalidCronJobException;
import io.strata.orchestration.cronjob.RestartPolicy;
import io.strata.orchestration.cronjob.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the standard Kubernetes manifests of a platform's {@code k8s/} folder: every
 * {@code *.yaml} and {@code *.yml} file, several documents per file allowed. {@code batch/v1}
 * CronJobs are read and checked as the API server checks them on create; documents of other
 * kinds are left aside with a note. Errors name the file, line and key.
 */
public final class ManifestReader {

    private static final List<String> TOP_KEYS = List.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final List<String> SPEC_KEYS = List.of("schedule", "timeZone", "startingDeadlineSeconds",
            "concurrencyPolicy", "suspend", "jobTemplate", "successfulJobsHistoryLimit", "failedJobsHistoryLimit");
    /** metadata.name: a DNS subdomain, and at most 52 characters so that Job names fit in 63. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{image:([^}]*)}");
    private static final int MAX_NAME = 52;
    private static final String SCHEDULE_FIELDS_HINT = "see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/";

    private ManifestReader() {}

    /** Every manifest file directly in {@code directory}, in name order; an absent folder holds none. */
    public static Manifests readDirectory(Path directory) {
        List<CronJobManifest> cronJobs = new ArrayList<>();
        List<Manifests.Note> notes = new ArrayList<>();
        for (Path file : files(directory)) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            Manifests read = read(file, content);
            cronJobs.addAll(read.cronJobs());
            notes.addAll(read.notes());
        }
        return new Manifests(cronJobs, notes);
    }

    /**
     * The manifest files directly in {@code directory} ({@code *.yaml}, {@code *.yml}), in name
     * order; an absent folder holds none.
     */
    public static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The documents of one file; {@code file} is how messages name it. */
    public static Manifests read(Path file, byte[] content) {
        List<CronJobManifest> cronJobs = new ArrayList<>();
        List<Manifests.Note> notes = new ArrayList<>();
        for (YamlNode document : YamlTreeReader.readAll(file, content)) {
            Node root = new Node(file, "", document);
            root.mapping();
            String kind = root.required("kind", "every Kubernetes manifest names its kind, e.g. `kind: CronJob`").string();
            String apiVersion = root.required("apiVersion", "e.g. `apiVersion: batch/v1`").string();
            if (!kind.equals("CronJob")) {
                notes.add(new Manifests.Note(root.location(),
                        "left aside: a " + kind + " is not a CronJob, and Strata schedules CronJobs only"));
                continue;
            }
            if (!apiVersion.equals("batch/v1")) {
                throw root.required("apiVersion", "").error("a CronJob is `batch/v1`, not `" + apiVersion + "`",
                        "write `apiVersion: batch/v1` (batch/v1beta1 was removed in Kubernetes 1.25)");
            }
            cronJobs.add(cronJob(root));
        }
        return new Manifests(cronJobs, notes);
    }

    private static CronJobManifest cronJob(Node root) {
        root.onlyKeys(TOP_KEYS);
        Node metadata = root.required("metadata", "give the CronJob a `metadata:` with a `name:`");
        String name = metadata.required("name", "name the CronJob, e.g. `name: customers-enrichment`").string();
        Node nameNode = metadata.required("name", "");
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("`" + name + "` is not a valid name",
                    "use lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit");
        }
        if (name.length() > MAX_NAME) {
            throw nameNode.error("must be no more than 52 characters, not " + name.length(),
                    "Kubernetes adds 11 characters to name each Job and a Job name has at most 63");
        }
        Optional<String> namespace = metadata.child("namespace").map(Node::string);
        if (namespace.isPresent() && !NAMESPACE.matcher(namespace.get()).matches()) {
            throw metadata.required("namespace", "").error("`" + namespace.get() + "` is not a valid namespace",
                    "use lower-case letters, digits and `-`");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        Map<String, Node> annotationNodes = new LinkedHashMap<>();
        metadata.child("annotations").ifPresent(node -> {
            for (String key : node.mapping().entries().keySet()) {
                Node value = node.child(key).orElseThrow(() -> node.error("annotation `" + key + "` has no value",
                        "give it a value, or remove it"));
                annotations.put(key, value.string());
                annotationNodes.put(key, value);
            }
        });

        Node spec = root.required("spec", "a CronJob needs a `spec:` with a `schedule:` and a `jobTemplate:`");
        spec.onlyKeys(SPEC_KEYS);
        CronJobSchedule schedule = schedule(spec);
        Node jobSpec = spec.required("jobTemplate", "give the Job to run under `jobTemplate: spec: template:`")
                .required("spec", "give the Job's `spec:` under `jobTemplate:`");
        Node podSpec = jobSpec.required("template", "give the pod under `jobTemplate: spec: template:`")
                .required("spec", "give the pod's `spec:` with `containers:` and `restartPolicy:`");
        Node restartNode = podSpec.required("restartPolicy",
                "a Job's pod needs `restartPolicy: OnFailure` or `restartPolicy: Never`");
        RestartPolicy restart = RestartPolicy.fromManifest(restartNode.string()).orElseThrow(() -> restartNode.error(
                "a Job's pod restarts `OnFailure` or `Never`, not `" + restartNode.string() + "`",
                "write `restartPolicy: OnFailure` (retry in place) or `restartPolicy: Never` (retry in a new pod)"));
        int backoffLimit = jobSpec.child("backoffLimit").map(n -> n.integer(0, Integer.MAX_VALUE))
                .orElse((long) RetryPolicy.DEFAULT_BACKOFF_LIMIT).intValue();
        Optional<Long> deadline = jobSpec.child("activeDeadlineSeconds").map(n -> n.integer(0, Long.MAX_VALUE));
        RetryPolicy retry = new RetryPolicy(backoffLimit, restart, deadline);

        List<Node> containerNodes = podSpec.required("containers", "list the pipeline's container under `containers:`").items();
        if (containerNodes.isEmpty()) {
            throw podSpec.required("containers", "").error("a pod needs at least one container",
                    "list the pipeline's container, with its `name:` and `image:`");
        }
        List<Container> containers = containerNodes.stream().map(ManifestReader::container).toList();
        return new CronJobManifest(root.location(), name, namespace, annotations, lineage(annotationNodes),
                schedule, retry, containers);
    }

    private static CronJobSchedule schedule(Node spec) {
        Node scheduleNode = spec.required("schedule", "give a cron schedule, e.g. `schedule: \"0 3 * * *\"`");
        String text = scheduleNode.string();
        Optional<String> timeZone = spec.child("timeZone").map(Node::string);
        Optional<Long> deadline = spec.child("startingDeadlineSeconds").map(n -> n.integer(Long.MIN_VALUE, Long.MAX_VALUE));
        ConcurrencyPolicy policy = spec.child("concurrencyPolicy").map(node -> ConcurrencyPolicy.fromManifest(node.string())
                .orElseThrow(() -> node.error("`" + node.string() + "` is not a concurrency policy",
                        "write Allow, Forbid or Replace"))).orElse(ConcurrencyPolicy.ALLOW);
        boolean suspend = spec.child("suspend").map(Node::bool).orElse(false);
        try {
            return new CronJobSchedule(text, timeZone, deadline, policy, suspend);
        } catch (InvalidCronJobException e) {
            String key = e.field().substring("spec.".length());
            Node at = spec.child(key).orElse(spec);
            throw new ConfigException(at.location(), e.problem(), e.hint() == null ? SCHEDULE_FIELDS_HINT : e.hint());
        }
    }

    private static Container container(Node node) {
        String name = node.required("name", "name the container, e.g. `name: customers`").string();
        Node imageNode = node.required("image", "give the image, or `${image:PIPELINE}` for a pipeline's image");
        String image = imageNode.string();
        ImageReference reference;
        var placeholder = PLACEHOLDER.matcher(image);
        if (placeholder.matches()) {
            if (!ImageReference.PIPELINE_NAME.matcher(placeholder.group(1)).matches()) {
                throw imageNode.error("`" + image + "` does not name a pipeline",
                        "write `${image:NAME}` with the name of a folder under pipelines/");
            }
            reference = new ImageReference.Placeholder(placeholder.group(1));
        } else if (image.contains("${")) {
            throw imageNode.error("`" + image + "` has a placeholder Strata does not fill in",
                    "write the whole image as `${image:NAME}` (NAME: the pipeline) and Strata puts in the image it built");
        } else {
            reference = new ImageReference.Literal(image);
        }
        List<EnvFrom> envFrom = node.child("envFrom").map(Node::items).orElse(List.of()).stream()
                .map(ManifestReader::envFrom).toList();
        return new Container(name, reference, envFrom);
    }

    private static EnvFrom envFrom(Node node) {
        Optional<String> prefix = node.child("prefix").map(Node::string);
        Optional<Node> secret = node.child("secretRef");
        Optional<Node> configMap = node.child("configMapRef");
        if (secret.isPresent() == configMap.isPresent()) {
            throw node.error("give exactly one of `secretRef` and `configMapRef`",
                    "e.g. `- secretRef: {name: rds-credentials}`");
        }
        Node ref = secret.or(() -> configMap).get();
        String name = ref.required("name", "name the " + (secret.isPresent() ? "Secret" : "ConfigMap")).string();
        boolean optional = ref.child("optional").map(Node::bool).orElse(false);
        return new EnvFrom(secret.isPresent() ? EnvFrom.Source.SECRET : EnvFrom.Source.CONFIG_MAP, name, prefix, optional);
    }

    private static Lineage lineage(Map<String, Node> annotations) {
        Optional<String> pipeline = Optional.ofNullable(annotations.get(Lineage.PIPELINE)).map(node -> {
            String value = node.string().trim();
            if (!ImageReference.PIPELINE_NAME.matcher(value).matches()) {
                throw node.error("`" + value + "` does not name a pipeline", "give the name of a folder under pipelines/");
            }
            return value;
        });
        return new Lineage(pipeline, tables(annotations.get(Lineage.READS)), tables(annotations.get(Lineage.WRITES)),
                Optional.ofNullable(annotations.get(Lineage.ENGINE)).map(n -> n.string().trim()));
    }

    private static List<String> tables(Node node) {
        if (node == null) {
            return List.of();
        }
        List<String> tables = Arrays.stream(node.string().split(",", -1)).map(String::trim).toList();
        if (tables.stream().anyMatch(String::isEmpty)) {
            throw node.error("`" + node.string() + "` has an empty table name",
                    "list tables separated by commas, e.g. `raw.customers, raw.orders`");
        }
        return tables;
    }
}
