package io.strata.orchestration.manifest;

import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlTreeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cuts a manifest file's text into its YAML documents, as text: the registry keeps the text of the
 * one CronJob document that was applied, comments included, so the scheduler parses exactly that.
 * Documents are separated by a {@code ---} line (anything after it on the line belongs to the next
 * document) or ended by a {@code ...} line, as YAML defines them; the parser decides what each
 * piece means, this only finds where it lies.
 */
public final class ManifestDocuments {

    private static final Pattern START = Pattern.compile("---(?=[ \\t]|$).*");
    private static final Pattern END = Pattern.compile("\\.\\.\\.[ \\t]*(#.*)?");

    /**
     * One document's text.
     *
     * @param firstLine the 1-based line of the file where the text starts
     * @param lastLine the last line of the file that belongs to it
     * @param text its lines, each ended by a newline; empty lines at the end left out
     */
    public record Document(int firstLine, int lastLine, String text) {
        public Document {
            Objects.requireNonNull(text, "text");
        }

        public boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }

        /**
         * The text with {@code firstLine - 1} empty lines before it, so that a parser reports the
         * lines of the file.
         */
        public String textAtItsLines() {
            return "\n".repeat(firstLine - 1) + text;
        }
    }

    private ManifestDocuments() {}

    /** The documents of {@code text}, in order; pieces with no content are kept (the parser skips them). */
    public static List<Document> split(String text) {
        String normalized = text.replace("\r\n", "\n");
        // A final newline ends the last line; it does not start another.
        String[] lines = (normalized.endsWith("\n") ? normalized.substring(0, normalized.length() - 1) : normalized)
                .split("\n", -1);
        List<Document> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int first = 1;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String content = lines[i];
            if (START.matcher(content).matches()) {
                documents.add(document(first, line - 1, current));
                current.setLength(0);
                String rest = content.substring(3);
                first = rest.isBlank() ? line + 1 : line;
                if (!rest.isBlank()) {
                    current.append(" ".repeat(3)).append(rest).append('\n');
                }
            } else if (END.matcher(content).matches()) {
                documents.add(document(first, line - 1, current));
                current.setLength(0);
                first = line + 1;
            } else {
                current.append(content).append('\n');
            }
        }
        documents.add(document(first, lines.length, current));
        return documents.stream().filter(d -> !d.text().isBlank()).toList();
    }

    /**
     * Parses the text of one document; {@code file} is how errors name it.
     *
     * @throws ConfigException on a syntax error, or when the text holds no document or several
     */
    public static YamlNode parse(Path file, String text) {
        List<YamlNode> documents = YamlTreeReader.readAll(file, text.getBytes(StandardCharsets.UTF_8));
        if (documents.size() != 1) {
            throw new ConfigException(new SourceLocation(file, 1, 1, ""), "holds " + documents.size()
                    + " YAML documents where one was expected", "keep exactly one manifest document");
        }
        return documents.get(0);
    }

    private static Document document(int first, int last, StringBuilder text) {
        String trimmed = text.toString().replaceAll("(?s)\\n[ \\t\\n]*$", "\n");
        return new Document(first, Math.max(first, last), trimmed.isBlank() ? "" : trimmed);
    }
}
