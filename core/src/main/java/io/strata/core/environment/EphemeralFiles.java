package io.strata.core.environment;

import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import io.strata.core.config.YamlNode.Sequence;
import io.strata.core.config.YamlTreeReader;
import io.strata.core.environment.EphemeralEnvironment.Data;
import io.strata.core.environment.EphemeralEnvironment.Step;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local files of ephemeral environments: {@code <platform>/.strata/environments/NAME.yaml}.
 * Written whole to a temporary file and renamed, so a crash never leaves half a file.
 */
public final class EphemeralFiles {

    /** The first key of every such file: what tells {@code env down} that {@code env up} made it. */
    static final String MARKER = "strata_ephemeral_environment";

    private EphemeralFiles() {}

    public static Path directory(Path root) {
        return root.resolve(".strata").resolve("environments");
    }

    public static Path file(Path root, String name) {
        return directory(root).resolve(name + ".yaml");
    }

    /** The environment {@code env up} made under this name, if any. */
    public static Optional<EphemeralEnvironment> read(Path root, String name) {
        Path file = file(root, name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(file, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every ephemeral environment of the platform, by name. */
    public static List<EphemeralEnvironment> list(Path root) {
        Path dir = directory(root);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            List<EphemeralEnvironment> all = new ArrayList<>();
            names.forEach(n -> read(root, n).ifPresent(all::add));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static void write(Path root, EphemeralEnvironment env) {
        Path file = file(root, env.name());
        String text = "# Made by `strata env up " + env.requested() + "`; `strata env down " + env.name()
                + "` removes it and this file.\n"
                + "# Local and git-ignored: strata.yaml is the reviewed file. The settings are `" + env.from()
                + "`'s, with this database.\n"
                + MARKER + ": 1\n"
                + "name: " + env.name() + "\n"
                + "requested: " + quoted(env.requested()) + "\n"
                + "from: " + env.from() + "\n"
                + "database: " + env.database() + "\n"
                + "data: " + env.data().word() + "\n"
                + "sample_rows: " + env.sampleRows() + "\n"
                + "created_at: " + env.createdAt() + "\n"
                + "step: " + env.step().word() + "\n"
                + "roles_created: [" + env.rolesCreated().stream().map(EphemeralFiles::quoted)
                        .collect(Collectors.joining(", ")) + "]\n";
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + env.name(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void delete(Path root, String name) {
        try {
            Files.deleteIfExists(file(root, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(root, name), e);
        }
    }

    static EphemeralEnvironment parse(Path file, byte[] content) {
        YamlNode tree = YamlTreeReader.read(file, content, "run `strata env down` to remove what it names");
        if (!(tree instanceof Mapping map) || !map.entries().containsKey(MARKER)) {
            throw new StrataException(file + " was not written by `strata env up` (no `" + MARKER + "` key)",
                    "remove the file; `strata env up` writes the files of this folder");
        }
        try {
            List<String> roles = new ArrayList<>();
            Entry rolesEntry = map.entries().get("roles_created");
            if (rolesEntry != null && rolesEntry.value() instanceof Sequence list) {
                list.items().forEach(item -> roles.add(((Scalar) item).text()));
            }
            Data data = byWord(Data.values(), Data::word, text(file, map, "data"));
            Step step = byWord(Step.values(), Step::word, text(file, map, "step"));
            if (data == null || step == null) {
                throw new ConfigException(new SourceLocation(file, 1, 1, data == null ? "data" : "step"),
                        "unknown value", "the file was edited by hand: run `strata env down` and `env up` again");
            }
            return new EphemeralEnvironment(text(file, map, "name"), text(file, map, "requested"),
                    text(file, map, "from"), text(file, map, "database"), data,
                    Integer.parseInt(text(file, map, "sample_rows")), Instant.parse(text(file, map, "created_at")),
                    step, roles);
        } catch (ClassCastException | NumberFormatException | DateTimeParseException e) {
            throw new StrataException(file + " is malformed (" + e.getClass().getSimpleName() + ")",
                    "the file was edited by hand: restore it, or drop the database it names yourself and delete it");
        }
    }

    private static <E> E byWord(E[] values, Function<E, String> word, String text) {
        return Arrays.stream(values).filter(v -> word.apply(v).equals(text)).findFirst().orElse(null);
    }

    private static String text(Path file, Mapping map, String key) {
        Entry entry = map.entries().get(key);
        if (entry == null || !(entry.value() instanceof Scalar s) || s.text() == null) {
            throw new ConfigException(new SourceLocation(file, 1, 1, key), "required key `" + key + "` is missing",
                    "the file was edited by hand: restore it, or drop the database it names yourself and delete it");
        }
        return s.text();
    }

    /** A YAML double-quoted string: names from branches may hold any character. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
