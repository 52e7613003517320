package io.strata.cli.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a new platform, rendered from the plain-text templates beside this class
 * ({@code files.txt} lists them). Substitution is {@code {{key}}} and nothing else, so a template
 * reads as the file it becomes; GitHub's {@code ${{ expr }}} is left alone (it has spaces).
 * Rendering does no I/O beyond reading the templates: writing is {@link PlatformWriter}'s.
 */
public final class PlatformTemplate {

    /** One file of the new platform. */
    public record File(String path, String content) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** Words a Java package segment cannot be. */
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "false",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "null", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "true", "try", "void",
            "volatile", "while", "var", "record", "yield", "sealed", "permits");

    private PlatformTemplate() {}

    /** The files for a platform named {@code name} (already checked to be a valid platform name). */
    public static List<File> render(String name) {
        String javaPackage = "com.example." + packageSegment(name);
        Map<String, String> values = Map.of("name", name, "package", javaPackage,
                "package_path", javaPackage.replace('.', '/'));
        List<File> files = new ArrayList<>();
        for (String line : read("files.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.trim().split("\\s+");
            if (columns.length != 2) {
                throw new IllegalStateException("files.txt: expected `RESOURCE PATH`, got `" + line + "`");
            }
            files.add(new File(substitute(columns[1], values), substitute(read(columns[0]), values)));
        }
        return List.copyOf(files);
    }

    /** The platform name as a Java package segment: {@code sales-eu} becomes {@code saleseu}. */
    static String packageSegment(String name) {
        String segment = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return JAVA_KEYWORDS.contains(segment) ? segment + "_" : segment;
    }

    static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                // A template mistake, caught by the tests rather than shipped as `{{typo}}`.
                throw new IllegalStateException("unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = PlatformTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the CLI's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
