package io.strata.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan's JSON form: what {@code strata plan --out FILE} writes, {@code --format json} prints and
 * {@code strata apply FILE} reads. The field names are a contract (docs/plan-format.md); a change
 * that breaks readers bumps {@link #FORMAT_VERSION}.
 */
public final class PlanFile {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFile() {}

    public static String toJson(Plan plan) {
        try {
            return JSON.writeValueAsString(toTree(plan, true)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan serialisation failed", e);
        }
    }

    public static void write(Plan plan, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(plan), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException("cannot write plan file " + file + ": " + e.getMessage(), null, e);
        }
    }

    public static Plan read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StrataException(
                    "cannot read plan file " + file + ": " + e.getMessage(),
                    "pass a file written by `strata plan --out FILE`");
        }
        try {
            return fromTree(root, file);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StrataException(
                    "plan file " + file + " is not a Strata plan: " + e.getMessage(),
                    "pass a file written by `strata plan --out FILE`, unedited");
        }
    }

    /** SHA-256 over what the plan would do: environment, live fingerprints and changes. */
    static String hashOf(Plan plan) {
        ObjectNode tree = toTree(plan, false);
        try {
            byte[] canonical = new ObjectMapper().writeValueAsBytes(tree);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode toTree(Plan plan, boolean full) {
        ObjectNode root = JSON.createObjectNode();
        if (full) {
            root.put("format_version", plan.formatVersion());
            root.put("strata_version", plan.strataVersion());
        }
        root.put("environment", plan.environment());
        if (full) {
            root.put("git_commit", plan.gitCommit());
            root.put("created_at", plan.createdAt());
            root.put("plan_hash", plan.hash());
            ObjectNode summary = root.putObject("summary");
            for (Action action : Action.values()) {
                summary.put(action.name().toLowerCase(Locale.ROOT),
                        plan.changes().stream().filter(c -> c.action() == action).count());
            }
            summary.put("unsafe", plan.unsafeChanges().size());
        }
        ArrayNode layers = root.putArray("layers");
        for (LayerPlan layer : plan.layers()) {
            ObjectNode l = layers.addObject();
            l.put("layer", layer.layer());
            l.put("fingerprint", layer.fingerprint());
            ArrayNode warnings = l.putArray("warnings");
            layer.warnings().forEach(warnings::add);
            ArrayNode drift = l.putArray("drift");
            layer.drift().forEach(drift::add);
            ArrayNode changes = l.putArray("changes");
            for (Change c : layer.changes()) {
                ObjectNode n = changes.addObject();
                n.put("action", c.action().name().toLowerCase(Locale.ROOT));
                n.put("symbol", c.action().symbol());
                n.put("object", c.object());
                n.put("summary", c.summary());
                n.put("destructive", c.destructive());
                n.put("unsafe", c.unsafe());
                ObjectNode attributes = n.putObject("attributes");
                c.attributes().forEach(attributes::put);
                n.put("body", c.body());
            }
        }
        return root;
    }

    private static Plan fromTree(JsonNode root, Path file) {
        int format = required(root, "format_version").asInt();
        if (format != FORMAT_VERSION) {
            throw new StrataException(
                    "plan file " + file + " has format version " + format + "; this Strata reads version "
                            + FORMAT_VERSION,
                    "re-run `strata plan --out FILE` with this version of Strata");
        }
        List<LayerPlan> layers = new ArrayList<>();
        for (JsonNode l : required(root, "layers")) {
            String layer = required(l, "layer").asText();
            List<Change> changes = new ArrayList<>();
            for (JsonNode n : required(l, "changes")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                required(n, "attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
                changes.add(new Change(
                        layer,
                        Action.valueOf(required(n, "action").asText().toUpperCase(Locale.ROOT)),
                        required(n, "object").asText(),
                        required(n, "summary").asText(),
                        required(n, "body").asText(),
                        required(n, "destructive").asBoolean(),
                        required(n, "unsafe").asBoolean(),
                        attributes));
            }
            List<String> warnings = new ArrayList<>();
            required(l, "warnings").forEach(w -> warnings.add(w.asText()));
            List<String> drift = new ArrayList<>();
            required(l, "drift").forEach(d -> drift.add(d.asText()));
            layers.add(new LayerPlan(layer, required(l, "fingerprint").asText(), changes, warnings, drift));
        }
        Plan plan = new Plan(
                format,
                required(root, "strata_version").asText(),
                required(root, "environment").asText(),
                required(root, "git_commit").asText(),
                required(root, "created_at").asText(),
                layers);
        String recorded = required(root, "plan_hash").asText();
        if (!recorded.equals(plan.hash())) {
            throw new StrataException(
                    "plan file " + file + " was modified after it was written (plan_hash does not match its content)",
                    "a reviewed plan must be applied as written: re-run `strata plan --out FILE`");
        }
        return plan;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field `" + field + "`");
        }
        return value;
    }
}
