package io.strata.storage.migration;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Maps another tool's migration folder onto Strata's {@code <version>_<name>.sql} names without
 * changing a byte of any file, so checksums and history stay meaningful. Understands:
 * <ul>
 *   <li>numbered and timestamped files ({@code 0012_x.sql}, {@code 20240101120000_x.sql}): kept;
 *   <li>golang-migrate ({@code 000012_x.up.sql}; {@code .down.sql} skipped);
 *   <li>folders holding one script ({@code 20240101120000_x/up.sql}, Prisma's {@code .../migration.sql});
 *   <li>Flyway versioned files ({@code V1.2__x.sql}; repeatable {@code R__} and undo {@code U} skipped).
 * </ul>
 * When every version is a whole number the numbers are kept; otherwise (Flyway's dotted versions)
 * the files are renumbered 1, 2, 3... in the source tool's own order.
 */
public final class MigrationImport {

    /** One source file and what becomes of it; {@code target} is null for a skipped file. */
    public record Step(Path source, String target, String note) {}

    private record Candidate(Path source, List<Long> version, String name) {}

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_(.+?)(\\.up)?\\.sql");
    private static final Pattern FLYWAY = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern FOLDER = Pattern.compile("(\\d+)_(.+)");
    private static final List<String> FOLDER_SCRIPTS = List.of("up.sql", "migration.sql");

    private MigrationImport() {}

    /** Plans the import of {@code sourceDir}. Pure: reads names, writes nothing. */
    public static List<Step> plan(Path sourceDir) {
        if (!Files.isDirectory(sourceDir)) {
            throw new StrataException(sourceDir + " is not a folder", "pass the folder that holds the existing migrations");
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Step> skipped = new ArrayList<>();
        for (Path entry : list(sourceDir)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                Matcher m = FOLDER.matcher(name);
                Path script = FOLDER_SCRIPTS.stream().map(entry::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
                if (m.matches() && script != null) {
                    candidates.add(new Candidate(script, List.of(Long.parseLong(m.group(1))), m.group(2)));
                } else {
                    skipped.add(new Step(entry, null, "skipped: a folder without a version and an up.sql or migration.sql"));
                }
                continue;
            }
            if (!name.endsWith(".sql")) {
                continue;
            }
            Matcher numbered = NUMBERED.matcher(name);
            Matcher flyway = FLYWAY.matcher(name);
            if (name.endsWith(".down.sql")) {
                skipped.add(new Step(entry, null, "skipped: Strata applies forward only"));
            } else if (numbered.matches()) {
                candidates.add(new Candidate(entry, List.of(Long.parseLong(numbered.group(1))), numbered.group(2)));
            } else if (flyway.matches()) {
                List<Long> parts = new ArrayList<>();
                for (String part : flyway.group(1).split("[._]")) {
                    parts.add(Long.parseLong(part));
                }
                candidates.add(new Candidate(entry, parts, flyway.group(2)));
            } else if (name.startsWith("R__") || name.matches("U\\d.*__.*\\.sql")) {
                skipped.add(new Step(entry, null, "skipped: Flyway repeatable and undo scripts have no Strata equivalent;"
                        + " copy the statements into a new migration when they change"));
            } else {
                skipped.add(new Step(entry, null, "skipped: no version in its name"));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::version, MigrationImport::compareVersions));
        boolean keepNumbers = candidates.stream().allMatch(c -> c.version().size() == 1);
        int width = Math.max(4, Integer.toString(candidates.size()).length());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (i > 0 && compareVersions(candidates.get(i - 1).version(), c.version()) == 0) {
                throw new StrataException(candidates.get(i - 1).source() + " and " + c.source() + " have the same version",
                        "rename one of them in the source folder before importing");
            }
            String version = keepNumbers ? sourceDigits(c) : String.format(Locale.ROOT, "%0" + width + "d", i + 1);
            String fileName = c.source().getFileName().toString();
            Matcher plain = NUMBERED.matcher(fileName);
            String target = keepNumbers && plain.matches() && plain.group(3) == null
                    ? fileName : version + "_" + slug(c.name()) + ".sql";
            String note = target.equals(fileName) ? "copied as it is" : "renamed, content unchanged";
            steps.add(new Step(c.source(), target, note));
        }
        steps.addAll(skipped);
        return steps;
    }

    /** Copies the planned files into {@code migrationsDir}, which must hold no migrations yet. */
    public static void copy(List<Step> steps, Path migrationsDir) {
        try {
            Files.createDirectories(migrationsDir);
            try (Stream<Path> existing = Files.list(migrationsDir)) {
                if (existing.anyMatch(p -> p.getFileName().toString().endsWith(".sql"))) {
                    throw new StrataException(migrationsDir + " already holds migrations; nothing was imported",
                            "import into a platform whose migrations/ folder is empty");
                }
            }
            for (Step step : steps) {
                if (step.target() != null) {
                    Files.copy(step.source(), migrationsDir.resolve(step.target()));
                }
            }
        } catch (IOException e) {
            throw new StrataException("cannot import into " + migrationsDir + ": " + e.getMessage());
        }
    }

    private static String sourceDigits(Candidate c) {
        String name = c.source().getFileName().toString();
        String folder = c.source().getParent().getFileName().toString();
        String digitsOf = FOLDER_SCRIPTS.contains(name) ? folder : name;
        return digitsOf.substring(0, digitsOf.indexOf('_'));
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "migration" : slug;
    }

    private static int compareVersions(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new StrataException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
