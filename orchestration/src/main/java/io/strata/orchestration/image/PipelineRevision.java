package io.strata.orchestration.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.lib.Repository;

/**
 * The git commit an image's {@code org.opencontainers.image.revision} label names: the last
 * commit that changed the pipeline's folder, not HEAD. HEAD moves with every commit to the
 * platform repository, and a label that moved with it would change every image's content hash,
 * so every pipeline would be rebuilt and redeployed on every commit; the last change to the
 * folder moves only when the pipeline does. Uncommitted changes in the folder add {@code -dirty}:
 * such an image is not reproducible from any commit, and says so.
 */
final class PipelineRevision {

    static final String NONE = "none";

    private PipelineRevision() {}

    /** The revision of {@code folder}, or {@link #NONE} outside a git repository or before its first commit. */
    static String of(Path folder) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        try (Repository repository = builder.build(); Git git = new Git(repository)) {
            if (repository.isBare() || repository.resolve("HEAD") == null) {
                return NONE;
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            String path = workTree.relativize(folder.toRealPath()).toString().replace('\\', '/');
            Iterator<RevCommit> last = git.log().addPath(path).setMaxCount(1).call().iterator();
            if (!last.hasNext()) {
                return NONE + "-dirty";
            }
            String commit = last.next().getName();
            boolean clean = git.status().addPath(path).call().isClean();
            return clean ? commit : commit + "-dirty";
        } catch (IOException | GitAPIException e) {
            return NONE;
        }
    }
}
