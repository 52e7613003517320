package io.strata.storage.migration;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Workspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code migrations/} folder. A migration file is {@code <version>_<name>.sql}: the
 * version is the leading number, so {@code 0012_add_segment.sql}, timestamped
 * {@code 20240101120000_add_segment.sql} and golang-migrate's {@code 000012_add_segment.up.sql}
 * are all read as they are; {@code .down.sql} files are skipped, because Strata only moves forward.
 */
public final class MigrationFiles {

    public static final String DIRECTORY = "migrations";

    private static final Pattern NAME = Pattern.compile("(\\d+)_([^/\\\\]+?)(\\.up)?\\.sql");
    private static final Pattern DOWN = Pattern.compile("\\d+_.+\\.down\\.sql");

    private static final String TIMESTAMP = "yyyyMMddHHmmss";
    private static final DateTimeFormatter TIMESTAMP_FORMAT = DateTimeFormatter.ofPattern(TIMESTAMP, Locale.ROOT);

    private MigrationFiles() {}

    public static MigrationSet read(Workspace workspace) {
        Path dir = workspace.resolve(DIRECTORY);
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            warnings.add("no " + DIRECTORY + "/ folder: the storage layer has nothing to apply");
            return new MigrationSet(DIRECTORY, List.of(), warnings);
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new StrataException("cannot list " + DIRECTORY + "/: " + e.getMessage());
        }
        List<Migration> migrations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Long, Migration> byVersion = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Path path : entries) {
            String fileName = path.getFileName().toString();
            String shown = DIRECTORY + "/" + fileName;
            if (!fileName.endsWith(".sql")) {
                if (Files.isDirectory(path)) {
                    warnings.add(shown + "/ is a folder and is ignored: migrations are the .sql files directly in "
                            + DIRECTORY + "/");
                }
                continue;
            }
            if (DOWN.matcher(fileName).matches()) {
                warnings.add(shown + " is ignored: Strata applies forward only (write a new migration to undo)");
                continue;
            }
            Matcher m = NAME.matcher(fileName);
            if (!m.matches()) {
                problems.add(shown + ": a migration file name is <version>_<name>.sql, e.g. 0012_add_customer_segment.sql"
                        + " (rename it, or `strata migrations new NAME` to create one)");
                continue;
            }
            try {
                candidates.add(new Candidate(path, Long.parseLong(m.group(1)), m.group(2), shown));
            } catch (NumberFormatException e) {
                problems.add(shown + ": version " + m.group(1) + " is too large (at most 19 digits)");
            }
        }
        // Reading and checksumming is most of the cost with thousands of files: spread it over the cores.
        List<Migration> read = candidates.parallelStream().map(Candidate::read).toList();
        for (Migration migration : read) {
            Migration other = byVersion.putIfAbsent(migration.version(), migration);
            if (other != null) {
                problems.add(other.file() + " and " + migration.file() + " share version " + migration.version()
                        + ": renumber one of them (the one not yet applied) above the latest version");
                continue;
            }
            migrations.add(migration);
        }
        if (!problems.isEmpty()) {
            throw new StrataException(String.join("\n", problems));
        }
        migrations.sort(Comparator.comparingLong(Migration::version));
        return new MigrationSet(DIRECTORY, migrations, warnings);
    }

    /**
     * The next version number for a new migration, in the folder's style: the latest version plus
     * one with the same zero-padding, or the current UTC time for a folder of timestamped versions
     * ({@code 20240101120000_x.sql}).
     */
    public static String nextVersion(MigrationSet set, Instant now) {
        if (set.migrations().isEmpty()) {
            return "0001";
        }
        Migration last = set.migrations().get(set.migrations().size() - 1);
        String digits = last.fileName().substring(0, last.fileName().indexOf('_'));
        if (digits.length() == TIMESTAMP.length() && (digits.startsWith("19") || digits.startsWith("20"))) {
            long stamp = Long.parseLong(TIMESTAMP_FORMAT.format(now.atOffset(ZoneOffset.UTC)));
            return Long.toString(Math.max(stamp, last.version() + 1));
        }
        String next = Long.toString(last.version() + 1);
        return next.length() >= digits.length() ? next : "0".repeat(digits.length() - next.length()) + next;
    }

    /** A file whose name is a migration's, not read yet. */
    private record Candidate(Path path, long version, String name, String shown) {
        Migration read() {
            byte[] bytes = readBytes(path, shown);
            return new Migration(version, name, shown, decode(bytes, shown), Checksum.of(bytes));
        }
    }

    private static byte[] readBytes(Path path, String shown) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new StrataException("cannot read " + shown + ": " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String shown) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new StrataException(shown + " is not valid UTF-8", "save the file as UTF-8");
        }
    }
}
