package dev.acr.git;

import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worktree lent again is the snapshot again: nothing of the previous attempt is left. */
class GitWorktreePoolTest {
  @TempDir Path tmp;

  @Test
  void aReusedWorktreeIsResetToTheSnapshotAndKeepsItsDependencyLinks() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.txt", "a\n", ".gitignore", "*.log\nnode_modules\n"));
    write(repo, "node_modules/x/index.js", "1\n");
    write(repo, "b.txt", "uncommitted\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path first;
    try (WorktreePool pool = new WorktreePool(iso, s)) {
      first = pool.acquire(tmp.resolve("runs/1/attempt-1/wt"));
      write(first, "a.txt", "changed\n");
      write(first, "new/file.txt", "new\n");
      write(first, "debug.log", "ignored\n");
      Files.delete(first.resolve("b.txt"));
      pool.release(first);

      Path second = pool.acquire(tmp.resolve("runs/1/attempt-2/wt"));
      assertThat(second).isEqualTo(first);
      assertThat(read(second, "a.txt")).isEqualTo("a\n");
      assertThat(read(second, "b.txt")).isEqualTo("uncommitted\n");
      assertThat(second.resolve("new")).doesNotExist();
      assertThat(second.resolve("debug.log")).doesNotExist();
      assertThat(read(second, "node_modules/x/index.js")).isEqualTo("1\n");
      assertThat(iso.capture(second, s, tmp.resolve("p.patch")).empty()).isTrue();

      Path concurrent = pool.acquire(tmp.resolve("runs/1/attempt-3/wt"));
      assertThat(concurrent).isNotEqualTo(second);
      pool.release(second);
      pool.release(concurrent);
    }
    assertThat(first).doesNotExist();
    assertThat(read(repo, "node_modules/x/index.js")).isEqualTo("1\n");
  }
}
