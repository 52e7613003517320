package io.strata.core.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** What the platform repository's git history says about the files being applied. */
public final class GitInfo {

    /** Recorded when the platform directory is not inside a git repository. */
    public static final String NO_COMMIT = "none";

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private GitInfo() {}

    /**
     * The HEAD commit id of the repository containing {@code dir}, or {@link #NO_COMMIT}.
     *
     * <p>Every command asks, so the common layouts (a {@code .git} folder or file, loose or packed
     * refs, linked worktrees, a detached HEAD) are read directly: opening a JGit repository costs
     * about 200 ms of a command's start (it runs {@code git} to find the system configuration).
     * Anything else (GIT_DIR set, symbolic refs to refs) goes through JGit.
     */
    public static String headCommit(Path dir) {
        if (System.getenv("GIT_DIR") != null) {
            return viaJGit(dir);
        }
        Optional<Path> gitDir = findGitDir(dir.toAbsolutePath().normalize());
        if (gitDir.isEmpty()) {
            return NO_COMMIT;
        }
        try {
            return resolveHead(gitDir.get()).orElseGet(() -> viaJGit(dir));
        } catch (IOException e) {
            return viaJGit(dir);
        }
    }

    /** Empty when the layout is not one read here; {@link #NO_COMMIT} for a branch without commits. */
    private static Optional<String> resolveHead(Path gitDir) throws IOException {
        String head = read(gitDir.resolve("HEAD"));
        if (OBJECT_ID.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (!head.startsWith("ref: ")) {
            return Optional.empty();
        }
        String ref = head.substring("ref: ".length()).trim();
        Path common = commonDir(gitDir);
        for (Path base : List.of(gitDir, common)) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String id = read(loose);
                return OBJECT_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(space + 1).equals(ref) && OBJECT_ID.matcher(line.substring(0, space)).matches()) {
                    return Optional.of(line.substring(0, space));
                }
            }
        }
        return Optional.of(NO_COMMIT);
    }

    private static Optional<Path> findGitDir(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                try {
                    String line = read(dotGit);
                    if (line.startsWith("gitdir: ")) {
                        return Optional.of(d.resolve(line.substring("gitdir: ".length()).trim()).normalize());
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A linked worktree keeps its HEAD apart and shares the refs of the main repository. */
    private static Path commonDir(Path gitDir) throws IOException {
        Path file = gitDir.resolve("commondir");
        return Files.isRegularFile(file) ? gitDir.resolve(read(file)).normalize() : gitDir;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static String viaJGit(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return NO_COMMIT;
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD");
            return head == null ? NO_COMMIT : head.name();
        } catch (IOException e) {
            return NO_COMMIT;
        }
    }
}
