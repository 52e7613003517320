package io.strata.access.audit;

import io.strata.access.spec.AccessSpecReader;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The access spec over the platform repository's history, read with JGit: which commit was in
 * force at a date (the newest commit on HEAD's first-parent line committed at or before it), and
 * what its {@code access/} folder held. The platform may live in a subfolder of the repository.
 */
public final class SpecHistory implements AutoCloseable {

    private final Repository repository;
    private final String prefix;
    private final AccessSpecReader reader;

    private SpecHistory(Repository repository, String prefix, AccessSpecReader reader) {
        this.repository = repository;
        this.prefix = prefix;
        this.reader = reader;
    }

    /** Opens the repository that contains {@code platformRoot}. */
    public static SpecHistory open(Path platformRoot, String dialect) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(platformRoot.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new StrataException(platformRoot + " is not in a git repository, so it has no history to read",
                    "commit the platform to git; without --at, the files as they are now are used");
        }
        try {
            Repository repository = builder.build();
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize().toRealPath();
            Path root = platformRoot.toAbsolutePath().normalize().toRealPath();
            String prefix = workTree.relativize(root).toString().replace('\\', '/');
            return new SpecHistory(repository, prefix.isEmpty() ? "" : prefix + "/", new AccessSpecReader(dialect));
        } catch (IOException e) {
            throw new StrataException("cannot open the git repository of " + platformRoot + ": " + e.getMessage());
        }
    }

    /** The spec in force at {@code at}; empty when the first commit is younger. */
    public Optional<SpecVersion> inForceAt(Instant at) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            RevCommit best = null;
            for (RevCommit commit : walk) {
                Instant committed = Instant.ofEpochSecond(commit.getCommitTime());
                if (!committed.isAfter(at) && (best == null || commit.getCommitTime() > best.getCommitTime())) {
                    best = commit;
                }
            }
            return best == null ? Optional.empty() : Optional.of(version(best));
        } catch (IOException e) {
            throw new StrataException("cannot read the git history: " + e.getMessage());
        }
    }

    /** The spec at one commit (for journal entries, which name the commit they applied). */
    public Optional<SpecVersion> at(String commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(commit + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(version(walk.parseCommit(id)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The id of the commit's {@code access/} folder, empty when it has none or the commit is unknown. */
    public String accessTreeOf(String commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(commit + "^{commit}");
            if (id == null) {
                return "";
            }
            try (TreeWalk tree = TreeWalk.forPath(repository, prefix + AccessSpecReader.DIRECTORY,
                    walk.parseCommit(id).getTree())) {
                return tree == null ? "" : tree.getObjectId(0).name();
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private SpecVersion version(RevCommit commit) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        String tree = "";
        try (TreeWalk dir = TreeWalk.forPath(repository, prefix + AccessSpecReader.DIRECTORY, commit.getTree())) {
            if (dir != null) {
                tree = dir.getObjectId(0).name();
                try (TreeWalk walk = new TreeWalk(repository)) {
                    walk.addTree(dir.getObjectId(0));
                    walk.setRecursive(false);
                    while (walk.next()) {
                        String name = walk.getNameString();
                        if (!walk.isSubtree() && name.matches(".*\\.ya?ml")) {
                            files.put(AccessSpecReader.DIRECTORY + "/" + name,
                                    repository.open(walk.getObjectId(0)).getBytes());
                        }
                    }
                }
            }
        }
        return new SpecVersion(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                commit.getShortMessage(), commit.getAuthorIdent().getName(), tree,
                reader.parse(new LinkedHashMap<>(files)));
    }

    @Override
    public void close() {
        repository.close();
    }
}
