package io.strata.storage.migration;

import java.util.Objects;

/**
 * One migration file as declared in the platform repository.
 *
 * @param version the number its name starts with; applied in ascending order
 * @param name the descriptive part of the name
 * @param file the path relative to the platform root, as shown to people
 * @param sql the file's text (UTF-8, without a byte-order mark)
 * @param checksum see {@link Checksum}
 */
public record Migration(long version, String name, String file, String sql, String checksum) {
    public Migration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** The file name without its folder. */
    public String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
