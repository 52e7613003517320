package io.strata.orchestration.layer;

import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import io.strata.orchestration.manifest.ManifestDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CronJob document as an environment with {@code suspend_schedules: true} registers it: the same
 * text with {@code spec.suspend: true}. The text is edited, not re-emitted, so its comments and
 * layout stay as in Git and the registry still shows the file a reviewer knows; the edited text is
 * then parsed and checked again like any manifest.
 */
final class SuspendedDocument {

    static final String MARK = "  # suspend_schedules: true in strata.yaml";

    private SuspendedDocument() {}

    /**
     * {@code document} with {@code spec.suspend: true}: an existing {@code suspend: false} turned
     * true, or a {@code suspend: true} line inserted as the first key of {@code spec}.
     *
     * @param file how errors name the manifest
     * @param tree the document parsed at its lines of the file ({@link ManifestDocuments.Document#textAtItsLines()})
     */
    static String of(Path file, ManifestDocuments.Document document, YamlNode tree) {
        Entry spec = tree instanceof Mapping root ? root.entries().get("spec") : null;
        if (spec == null || !(spec.value() instanceof Mapping specMap) || specMap.entries().isEmpty()) {
            // The manifest reader already refused a CronJob without a spec.
            throw new IllegalStateException("a checked CronJob has a spec");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(document.text().split("\n", -1)));
        Entry suspend = specMap.entries().get("suspend");
        if (suspend != null) {
            Scalar value = (Scalar) suspend.value();
            if ("true".equals(value.text())) {
                return document.text();
            }
            int index = suspend.value().mark().line() - document.firstLine();
            int column = suspend.value().mark().column() - 1;
            String line = lines.get(index);
            // The manifest reader accepted it, so the value is a boolean false written here as it reads.
            lines.set(index, line.substring(0, column) + "true" + line.substring(column + value.text().length()) + MARK);
            return String.join("\n", lines);
        }
        YamlNode.Mark first = specMap.mark();
        if (first.line() == spec.keyMark().line()) {
            throw new ConfigException(new SourceLocation(file, spec.keyMark().line(), spec.keyMark().column(), "spec"),
                    "this environment has `suspend_schedules: true`, and Strata adds `suspend: true` only to a"
                            + " block-style spec", "write `spec:` with its keys on the lines below it");
        }
        lines.add(first.line() - document.firstLine(), " ".repeat(first.column() - 1) + "suspend: true" + MARK);
        return String.join("\n", lines);
    }
}
