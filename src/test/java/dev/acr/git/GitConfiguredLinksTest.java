package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's {@code "link"} (no-12/minimal_arch_installer: its run_tests.sh downloads shUnit2 into an ignored
 * {@code shunit2/}, which no worktree had, so offline every attempt's tests failed): what it names is in every
 * attempt's worktree, as a link, and never part of a snapshot or a patch.
 */
class GitConfiguredLinksTest {

  @TempDir Path tmp;

  @Test
  void anIgnoredFolderTheConfigNamesIsLinkedIntoEveryWorktree() throws Exception {
    tmp = tmp.toRealPath();
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("run_tests.sh", "#!/bin/sh\n", "src/a.sh", "a\n",
        ".gitignore", "/shunit2/\n/build/\n"));
    write(repo, "shunit2/shunit2", "# the library\n");
    write(repo, "build/cache/data.bin", "data\n");
    write(repo, "notes/todo.txt", "untracked, not ignored\n");
    ConfiguredLinks links = ConfiguredLinks.check(repo, repo, repo.resolve(".acr/config.json"),
        List.of("shunit2", "build/cache", "notes"));
    assertThat(links.paths()).containsExactly("shunit2", "build/cache", "notes");
    assertThat(links.notes()).isEmpty();
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(links);
    assertThat(git(repo, "ls-tree", "-r", "--name-only", s.commit())).doesNotContain("notes/todo.txt");
    for (int attempt = 1; attempt <= 2; attempt++) {
      Path wt = attempt == 1 ? iso.createWorktree(s, tmp.resolve("wt")) : tmp.resolve("wt");
      if (attempt == 2) {
        iso.resetWorktree(s, wt); // a kept worktree, reused by the next attempt: linked again after git clean
      }
      assertThat(Files.isSymbolicLink(wt.resolve("shunit2"))).as("attempt %d", attempt).isTrue();
      assertThat(read(wt, "shunit2/shunit2")).isEqualTo("# the library\n");
      assertThat(Files.isSymbolicLink(wt.resolve("build/cache"))).as("its ignored parent is made").isTrue();
      assertThat(read(wt, "notes/todo.txt")).isEqualTo("untracked, not ignored\n");
      write(wt, "src/a.sh", "fixed " + attempt + "\n");
      assertThat(iso.capture(wt, s, tmp.resolve("p" + attempt + ".patch")).changedFiles()).containsExactly("src/a.sh");
    }
    iso.removeWorktree(tmp.resolve("wt"));
    assertThat(read(repo, "shunit2/shunit2")).as("removing a worktree removes links, not what they lead to")
        .isEqualTo("# the library\n");
    assertThat(read(repo, "notes/todo.txt")).isEqualTo("untracked, not ignored\n");
  }

  @Test
  void aMissingOrTrackedPathIsToldNotLinked() throws Exception {
    tmp = tmp.toRealPath();
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("pkg/test/data/README", "tracked\n", "pkg/a.sh", "a\n"));
    Path config = repo.resolve("pkg/.acr/config.json");
    ConfiguredLinks links = ConfiguredLinks.check(repo, repo.resolve("pkg"), config, List.of("test/data", "shunit2"));
    assertThat(links.paths()).isEmpty();
    assertThat(links.notes()).hasSize(2);
    assertThat(links.notes().get(0)).startsWith(config + " links \"test/data\", which git tracks")
        .contains("name its untracked files or folders instead");
    assertThat(links.notes().get(1)).startsWith(config + " links \"shunit2\", which your tree does not have ("
        + repo.resolve("pkg/shunit2") + ")").contains("remove it from \"link\"");
    write(repo, "pkg/shunit2/shunit2", "lib\n");
    assertThat(ConfiguredLinks.check(repo, repo.resolve("pkg"), config, List.of("shunit2")).paths())
        .as("relative to the config's folder, given root-relative").containsExactly("pkg/shunit2");
  }
  /**
   * A path below a symbolic link the repository tracks (vendor -> ../shared) is beyond git's reach: git ls-files named
   * nothing, so it was linked, and the snapshot's git add then failed ("pathspec 'vendor/big' is beyond a symbolic link"),
   * ending every run with git's error.
   */
  @Test
  void aPathBelowASymbolicLinkIsToldNotLinked() throws Exception {
    tmp = tmp.toRealPath();
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.sh", "a\n"));
    Files.createDirectories(tmp.resolve("shared/big"));
    Files.createSymbolicLink(repo.resolve("vendor"), Path.of("../shared"));
    git(repo, "add", "vendor");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@e.invalid", "commit", "-q", "-m", "vendor");
    Path config = repo.resolve(".acr/config.json");
    ConfiguredLinks links = ConfiguredLinks.check(repo, repo, config, List.of("vendor/big"));
    assertThat(links.paths()).isEmpty();
    assertThat(links.notes()).singleElement().asString()
        .startsWith(config + " links \"vendor/big\", which is inside vendor, a symbolic link");
    assertThat(Isolation.forRepo(repo).snapshot(links).commit()).isNotBlank();
  }
}
