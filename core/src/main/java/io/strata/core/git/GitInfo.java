package io.strata.core.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** What the platform repository's git history says about the files being applied. */
public final class GitInfo {

    /** Recorded when the platform directory is not inside a git repository. */
    public static final String NO_COMMIT = "none";

    private GitInfo() {}

    /** The HEAD commit id of the repository containing {@code dir}, or {@link #NO_COMMIT}. */
    public static String headCommit(Path dir) {
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
