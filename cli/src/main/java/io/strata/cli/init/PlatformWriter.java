package io.strata.cli.init;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Writes a new platform's files into a folder that is new or empty: it never overwrites anything. */
public final class PlatformWriter {

    /** How many of a non-empty folder's entries the refusal names. */
    private static final int SHOWN = 5;

    private PlatformWriter() {}

    /**
     * Creates {@code dir} if needed and writes {@code files} into it.
     *
     * @throws StrataException when {@code dir} is a file, or a folder holding anything but {@code .git}
     */
    public static void write(Path dir, List<PlatformTemplate.File> files) {
        checkEmpty(dir);
        try {
            Files.createDirectories(dir);
            for (PlatformTemplate.File file : files) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                // CREATE_NEW: even a file that appeared since the check is never overwritten.
                Files.writeString(target, file.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new StrataException("cannot write the new platform into " + dir + ": " + e.getMessage(),
                    "check that the folder is writable", e);
        }
    }

    private static void checkEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new StrataException(dir + " is a file, not a folder", "name a new or empty folder");
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(dir)) {
            // A fresh `git init` (or clone of an empty repository) is a fine place to start.
            entries = list.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(name -> !name.equals(".git/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!entries.isEmpty()) {
            String shown = String.join(", ", entries.subList(0, Math.min(SHOWN, entries.size())))
                    + (entries.size() > SHOWN ? " and " + (entries.size() - SHOWN) + " more" : "");
            throw new StrataException(dir + " is not empty: it holds " + shown,
                    "strata init writes only into a new or empty folder (a .git in it is fine); name another one");
        }
    }
}
