package dev.acr.git;

import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What points a worktree back at the user's tree is turned to the worktree, and back for the patch. */
class GitRedirectsTest {
  @TempDir Path tmp;

  @Test
  void absolutePathsIntoTheRepoNameTheWorktreeAndThePatchNamesTheRepo() throws Exception {
    Path repo = tmp.toRealPath().resolve("repo");
    GitFixture.withCommit(repo, Map.of(
        "go.mod", "module a\n\nreplace b => " + repo.resolve("lib") + "\nreplace c => " + repo + "-other/c\n",
        "lib/go.mod", "module b\n"));
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path wt = iso.createWorktree(s, tmp.resolve("runs/1/wt"));
    try {
      assertThat(read(wt, "go.mod")).contains("replace b => " + wt.resolve("lib") + "\n")
          .contains("replace c => " + repo + "-other/c\n");
      write(wt, "lib/x.go", "package b\n");
      Diff d = iso.capture(wt, s, tmp.resolve("p.patch"));
      assertThat(d.changedFiles()).containsExactly("lib/x.go");
      assertThat(read(wt, "go.mod")).contains(wt.resolve("lib").toString()); // the tests still see the worktree
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void editableInstallsAndSearchPathsPointAtTheWorktree() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(
        ".gitignore", ".venv\n", "src/pkg/__init__.py", "", "lib/mod/__init__.py", "", "tools/bin/run", ""));
    Path site = repo.resolve(".venv/lib/python3.11/site-packages");
    // A path line (compat mode, hatchling, poetry) and a finder module (setuptools strict mode).
    write(site, "_pkg.pth", repo.resolve("src") + "\n");
    write(site, "__editable__.mod-1.pth", "import __editable___mod_1_finder; __editable___mod_1_finder.install()\n");
    write(site, "__editable___mod_1_finder.py", "MAPPING = {'mod': '" + repo.resolve("lib/mod") + "'}\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path wt = iso.createWorktree(s, tmp.resolve("runs/1/wt"));
    try {
      Map<String, String> env = iso.environment(s, wt, Map.of(
          "PYTHONPATH", repo.resolve("tools") + ":/usr/lib/x",
          "PATH", repo.resolve("tools/bin") + ":/usr/bin:" + repo.resolve("not-in-git")));
      // The editable installs' folders first (in the order site-packages lists them), then the old entries, moved.
      List<String> python = List.of(env.get("PYTHONPATH").split(":"));
      assertThat(python.subList(0, 2)).containsExactlyInAnyOrder(wt.resolve("src").toString(), wt.resolve("lib").toString());
      assertThat(python.subList(2, 4)).containsExactly(wt.resolve("tools").toString(), "/usr/lib/x");
      assertThat(env.get("PATH")).isEqualTo(wt.resolve("tools/bin") + ":/usr/bin:" + repo.resolve("not-in-git"));
      assertThat(Files.isSymbolicLink(wt.resolve(".venv"))).isTrue();
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void dependencyFoldersAreFoundInPackagesAndTrackedOnesAreSource() throws Exception {
    // A committed vendor folder is source.
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(
        "packages/a/package.json", "{}\n", "vendor/lib/x.go", "package lib\n"));
    Files.createDirectories(repo.resolve("packages/a/node_modules/left-pad"));
    Files.createDirectories(repo.resolve("node_modules"));
    Files.createDirectories(repo.resolve(".tox"));
    assertThat(DependencyDirs.find(repo, Isolation.head(repo)))
        .containsExactlyInAnyOrderElementsOf(List.of("node_modules", ".tox", "packages/a/node_modules"));
  }

  @Test
  void mixFetchedDependenciesBesideAMixExsButNotAnyDepsFolder() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(
        "apps/web/mix.exs", "defmodule Web.MixProject do\nend\n", "tools/Makefile", "all:\n"));
    Files.createDirectories(repo.resolve("apps/web/deps/jason/lib"));
    Files.createDirectories(repo.resolve("tools/deps"));
    assertThat(DependencyDirs.find(repo, Isolation.head(repo))).containsExactly("apps/web/deps");
  }

  /** Crystal's shards install into lib/ beside shard.yml; an untracked lib/ elsewhere, or a committed one, is source. */
  @Test
  void installedShardsBesideAShardYmlButNotAnyLibFolder() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(
        "shard.yml", "name: app\n", "tools/README", "x\n", "web/lib/own.cr", "x = 1\n", "web/shard.yml", "name: web\n"));
    Files.createDirectories(repo.resolve("lib/kemal/src"));
    Files.createDirectories(repo.resolve("tools/lib"));
    assertThat(DependencyDirs.find(repo, Isolation.head(repo))).containsExactly("lib");
  }

  /**
   * A tracked lib/ is source, and packages in it have dependency folders of their own: lib/ being
   * one of the names shards install into must not hide them (it did, for find and for holding).
   */
  @Test
  void packagesInATrackedLibFolderKeepTheirDependencyFolders() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("lib/a/package.json", "{}\n"));
    Files.createDirectories(repo.resolve("lib/a/node_modules/left-pad"));
    write(repo, "lib/a/node_modules/left-pad/index.js", "module.exports = 1\n");
    assertThat(DependencyDirs.find(repo, Isolation.head(repo))).containsExactly("lib/a/node_modules");
    assertThat(DependencyDirs.holding(repo, List.of("lib/a/node_modules/left-pad/index.js", "lib/a/new.js"),
        List.of("lib/a/package.json"))).containsExactly("lib/a/node_modules");
  }

  /**
   * A workspace package's ignored build (main: dist/index.js), which a sibling's tests import: copied into the worktree
   * (without it, npm test stopped on "Cannot find module …/node_modules/b/dist/index.js"), and a build there stays there.
   */
  @Test
  void aWorkspacePackagesIgnoredBuildIsCopiedIntoTheWorktree() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(".gitignore", "dist\nnode_modules\n",
        "packages/b/package.json", "{\"name\": \"b\", \"main\": \"dist/index.js\", \"exports\": {\".\": {\"types\": \"./types/b.d.ts\"}}}\n",
        "packages/b/src/index.js", "exports.twice = (x) => 2 * x;\n", "packages/c/package.json", "{\"main\": \"lib/index.js\"}\n",
        "packages/c/lib/index.js", "module.exports = 1;\n"));
    write(repo, "packages/b/dist/index.js", "exports.twice = (x) => 2 * x;\n");
    write(repo, "packages/b/types/b.d.ts", "export {};\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    assertThat(s.dependencies()).containsExactlyInAnyOrder("packages/b/dist", "packages/b/types");
    Path wt = iso.createWorktree(s, tmp.resolve("runs/1/wt"));
    try {
      assertThat(Files.isSymbolicLink(wt.resolve("packages/b/dist"))).as("a copy, not a link").isFalse();
      assertThat(read(wt, "packages/b/dist/index.js")).isEqualTo("exports.twice = (x) => 2 * x;\n");
      write(wt, "packages/b/dist/index.js", "rebuilt by the attempt\n");
      assertThat(read(repo, "packages/b/dist/index.js")).isEqualTo("exports.twice = (x) => 2 * x;\n");
      assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).changedFiles()).isEmpty();
      // The next run's reset copies the user's build afresh.
      iso.resetWorktree(s, wt);
      assertThat(read(wt, "packages/b/dist/index.js")).isEqualTo("exports.twice = (x) => 2 * x;\n");
    } finally {
      iso.removeWorktree(wt);
    }
  }

  /**
   * python-humanize/humanize: hatch-vcs writes src/humanize/_version.py at install, git ignores it, the package imports
   * it. The user's copy goes into the worktree; a committed version.py, and an untracked one git does not ignore (it is
   * in the snapshot), are left to git.
   */
  @Test
  void anIgnoredVersionFileOfAPythonPackageIsCopiedIntoTheWorktree() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(".gitignore", "src/*/_version.py\n",
        "pyproject.toml", "[project]\nname = \"humanize\"\n", "src/humanize/__init__.py", "from ._version import __version__\n",
        "lib/__init__.py", "", "lib/version.py", "VERSION = '1'\n", "docs/README", "x\n"));
    write(repo, "src/humanize/_version.py", "__version__ = '4.15.0'\n");
    write(repo, "lib/_version.py", "untracked = True\n");
    write(repo, "docs/_version.py", "not a package\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    assertThat(s.dependencies()).containsExactly("src/humanize/_version.py");
    Path wt = iso.createWorktree(s, tmp.resolve("runs/1/wt"));
    try {
      assertThat(read(wt, "src/humanize/_version.py")).isEqualTo("__version__ = '4.15.0'\n");
      assertThat(Files.isSymbolicLink(wt.resolve("src/humanize/_version.py"))).as("a copy").isFalse();
      assertThat(read(wt, "lib/_version.py")).as("in the snapshot").isEqualTo("untracked = True\n");
      assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).changedFiles()).isEmpty();
    } finally {
      iso.removeWorktree(wt);
    }
  }

  /** A linked .venv: uv run in the worktree would sync the user's environment through the link. */
  @Test
  void uvDoesNotSyncTheUsersVenvFromAWorktree() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of(".gitignore", ".venv/\n", "pyproject.toml", "[project]\n"));
    Isolation iso = Isolation.forRepo(repo);
    assertThat(iso.environment(iso.snapshot(Map.of()), tmp.resolve("wt"), Map.of())).doesNotContainKey("UV_NO_SYNC");
    write(repo, ".venv/pyvenv.cfg", "home = /usr/bin\n");
    Snapshot s = iso.snapshot(Map.of());
    assertThat(s.dependencies()).containsExactly(".venv");
    assertThat(iso.environment(s, tmp.resolve("wt"), Map.of())).containsEntry("UV_NO_SYNC", "1");
    assertThat(iso.environment(s, tmp.resolve("wt"), Map.of("UV_NO_SYNC", "0"))).containsEntry("UV_NO_SYNC", "0");
  }
}
