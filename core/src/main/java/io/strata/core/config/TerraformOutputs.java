package io.strata.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The root module outputs of one Terraform configuration, read from one of Terraform's two
 * documented JSON forms:
 * <ul>
 *   <li>{@code terraform output -json}: {@code {"NAME": {"sensitive": BOOL, "type": TYPE, "value": VALUE}}}
 *       (developer.hashicorp.com/terraform/cli/commands/output);</li>
 *   <li>a state file, format version 4 (Terraform 0.12 and later): {@code {"version": 4, ...,
 *       "outputs": {"NAME": {"value": VALUE, "type": TYPE, "sensitive": true}}}}, where
 *       {@code sensitive} is left out when false.</li>
 * </ul>
 * Parsing errors never quote the document: it holds sensitive values.
 *
 * @param outputs by name, in the document's order
 */
record TerraformOutputs(Map<String, Output> outputs) {

    /**
     * One output.
     *
     * @param name as declared in the configuration
     * @param value as Terraform wrote it (a string, number, bool, null, list or object)
     * @param sensitive declared {@code sensitive = true}: a secret, whatever key reads it
     */
    record Output(String name, JsonNode value, boolean sensitive) {

        Output {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /**
         * The value as text, for a string, number or bool; empty for null, lists and objects,
         * which no single setting can hold.
         */
        Optional<String> text() {
            if (value.isTextual()) {
                return Optional.of(value.textValue());
            }
            if (value.isNumber()) {
                // Terraform numbers are arbitrary precision: never through a double.
                return Optional.of(value.isIntegralNumber() ? value.bigIntegerValue().toString()
                        : value.decimalValue().stripTrailingZeros().toPlainString());
            }
            if (value.isBoolean()) {
                return Optional.of(Boolean.toString(value.booleanValue()));
            }
            return Optional.empty();
        }

        /** What kind of value it is, for messages that must not show it. */
        String kind() {
            if (value.isNull()) {
                return "null";
            }
            if (value.isArray()) {
                return "a list";
            }
            return value.isObject() ? "an object" : "a string, number or bool";
        }

        @Override
        public String toString() {
            return "Output[" + name + (sensitive ? ", sensitive" : "") + "]";
        }
    }

    /** Thrown for a document that is not in the expected form; the message never quotes it. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    TerraformOutputs {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    Optional<Output> get(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    /** Parses what {@code terraform output -json} prints. */
    static TerraformOutputs fromOutputCommand(byte[] json) throws FormatException {
        return new TerraformOutputs(outputs(tree(json), "the output of `terraform output -json`"));
    }

    /** Parses a state file; only format version 4 has this shape. */
    static TerraformOutputs fromStateFile(byte[] json) throws FormatException {
        JsonNode root = tree(json);
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new FormatException("it is not a Terraform state file (no `version`)");
        }
        if (version.intValue() != 4) {
            throw new FormatException("it is a version " + version.intValue()
                    + " state file; Strata reads version 4, written by Terraform 0.12 and later");
        }
        JsonNode outputs = root.get("outputs");
        // A state with no outputs may leave the key out.
        return new TerraformOutputs(outputs == null ? Map.of() : outputs(outputs, "its `outputs`"));
    }

    private static JsonNode tree(byte[] json) throws FormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the document, which may quote a secret.
            throw new FormatException("it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (java.io.IOException e) {
            throw new FormatException("it cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new FormatException("it is not a JSON object");
        }
        return root;
    }

    private static Map<String, Output> outputs(JsonNode node, String what) throws FormatException {
        if (!node.isObject()) {
            throw new FormatException(what + " is not a JSON object");
        }
        Map<String, Output> outputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode output = field.getValue();
            if (!output.isObject() || !output.has("value")) {
                throw new FormatException("output `" + field.getKey() + "` in " + what + " has no `value`");
            }
            JsonNode sensitive = output.get("sensitive");
            outputs.put(field.getKey(), new Output(field.getKey(), output.get("value"),
                    sensitive != null && sensitive.asBoolean(false)));
        }
        return outputs;
    }
}
