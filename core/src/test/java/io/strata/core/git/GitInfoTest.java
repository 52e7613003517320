package io.strata.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD read directly agrees with JGit on real repositories made by the git command line. */
class GitInfoTest {

    @TempDir
    Path tmp;

    private void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=T", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static String jgitHead(Path dir) throws IOException {
        try (Repository r = new FileRepositoryBuilder().findGitDir(dir.toFile()).build()) {
            return r.resolve("HEAD").name();
        }
    }

    private Path repoWithTwoCommits() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "a");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "one");
        Files.writeString(repo.resolve("a.txt"), "b");
        git(repo, "commit", "-q", "-am", "two");
        Files.createDirectories(repo.resolve("platform/migrations"));
        return repo;
    }

    @Test
    void looseRefsFromASubfolder() throws Exception {
        Path repo = repoWithTwoCommits();
        assertThat(GitInfo.headCommit(repo.resolve("platform"))).isEqualTo(jgitHead(repo)).hasSize(40);
    }

    @Test
    void packedRefsAndADetachedHead() throws Exception {
        Path repo = repoWithTwoCommits();
        git(repo, "pack-refs", "--all");
        assertThat(Files.exists(repo.resolve(".git/refs/heads/main"))).isFalse();
        assertThat(GitInfo.headCommit(repo)).isEqualTo(jgitHead(repo));
        git(repo, "checkout", "-q", "HEAD~1");
        assertThat(GitInfo.headCommit(repo)).isEqualTo(jgitHead(repo));
    }

    @Test
    void aLinkedWorktreeHasItsOwnHead() throws Exception {
        Path repo = repoWithTwoCommits();
        Path worktree = tmp.resolve("wt");
        git(repo, "worktree", "add", "-q", "-b", "other", worktree.toString(), "HEAD~1");
        assertThat(GitInfo.headCommit(worktree)).isEqualTo(jgitHead(worktree)).isNotEqualTo(GitInfo.headCommit(repo));
    }

    @Test
    void noRepositoryAndNoCommitsYet() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThat(GitInfo.headCommit(plain)).isEqualTo(GitInfo.NO_COMMIT);
        git(plain, "init", "-q");
        assertThat(GitInfo.headCommit(plain)).isEqualTo(GitInfo.NO_COMMIT);
    }
}
