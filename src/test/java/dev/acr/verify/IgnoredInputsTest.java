package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline that fails for a file only the user's tree has, ignored by git: acr's setup, not any agent's doing. */
class IgnoredInputsTest {
  @TempDir Path tmp;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = tmp.toRealPath().resolve("repo");
    write("run_tests.sh", "#!/bin/sh\n");
    write(".gitignore", "/testlib/\n/pkg/data/\nnode_modules/\nbuild/\n.env\n");
    write("pkg/tracked.csv", "a\n");
    run("git", "init", "-q", "-b", "main");
    run("git", "add", "-A");
    run("git", "-c", "user.name=t", "-c", "user.email=t@e.invalid", "commit", "-q", "-m", "i");
    write("testlib/lib.sh", "check() { :; }\n");
    write("pkg/data/big.csv", "1,2\n");
    write("node_modules/x/index.js", "\n");
    write("build/gen/config.h", "#define X 1\n");
    write(".env", "DATABASE_URL=sqlite://\n");
  }

  /** What acr says of a baseline that printed {@code line}: problem and remedy, empty when it makes no claim. */
  private String check(String line, Path pkg, Path configFolder, String prompt) {
    return check(line, pkg, configFolder, null, prompt);
  }

  private String check(String line, Path pkg, Path configFolder, Path worktree, String prompt) {
    return IgnoredInputs.check(List.of("running", line), repo, pkg, configFolder, List.of("node_modules"), worktree, prompt)
        .map(w -> w.problem() + " | " + w.todo()).orElse("");
  }

  @Test
  void aMissingFileTheUsersTreeHasIgnoredIsSetupWithTheLinkToAdd() {
    for (String line : new String[] {"testlib/lib.sh: not found", "sh: 3: .: cannot open testlib/lib.sh: No such file",
        "run_tests.sh: line 2: testlib/lib.sh: No such file or directory"}) {
      assertThat(check(line, repo, repo, "fix value.txt")).as(line)
          .startsWith("it needs testlib/lib.sh, which your tree has but git ignores")
          .contains("add {\"link\": [\"testlib\"]} to " + repo.resolve(".acr/config.json"))
          .contains("name lib.sh in the prompt");
    }
    // From a package folder, named relative to the config's folder (the package's own .acr/).
    assertThat(check("FileNotFoundError: [Errno 2] No such file or directory: 'data/big.csv'", repo.resolve("pkg"),
        repo.resolve("pkg"), "fix the loader"))
        .contains("it needs data/big.csv").contains("add {\"link\": [\"data\"]} to " + repo.resolve("pkg/.acr/config.json"));
  }

  @Test
  void aDotfileToo() {
    assertThat(check("Error: ENOENT: no such file or directory, open '.env'", repo, repo, "fix the signup test"))
        .contains("it needs .env").contains("add {\"link\": [\".env\"]}");
  }

  @Test
  void aFileInABuildFolderAsksForATestCommandThatBuildsItNotALink() {
    assertThat(check("tests/t.c:1:10: fatal error: build/gen/config.h: No such file or directory", repo, repo, "fix t"))
        .contains("it needs build/gen/config.h").contains("name a test command that builds it first")
        .doesNotContain("\"link\"");
  }

  @Test
  void anythingElseIsNoClaim() {
    assertThat(check("testlib/lib.sh: 3 tests passed, 1 failed", repo, repo, "fix it")).as("no missing words").isEmpty();
    assertThat(check("cannot open pkg/tracked.csv", repo, repo, "fix it")).as("tracked").isEmpty();
    assertThat(check("cannot open testlib/other.sh", repo, repo, "fix it")).as("not in the user's tree either").isEmpty();
    assertThat(check("Error: Cannot find module 'node_modules/x/index.js'", repo, repo, "fix it"))
        .as("a dependency folder every worktree links").isEmpty();
    assertThat(check("testlib/lib.sh: not found", repo, repo, "make run_tests.sh work without lib.sh"))
        .as("the prompt names it: the task").isEmpty();
  }

  /**
   * A file the tests make when they find none (a cache, a log) is named missing in a baseline that fails for the task's
   * bug: not what the tests lacked, though the user's tree has it from an earlier run.
   */
  @Test
  void notAFileTheTestsMadeThemselves() throws IOException {
    Path wt = tmp.resolve("wt");
    Files.createDirectories(wt.resolve("pkg/data"));
    Files.writeString(wt.resolve("pkg/data/big.csv"), "made by the tests\n");
    String line = "WARNING loader: data/big.csv not found, building it";
    assertThat(check(line, repo.resolve("pkg"), repo, null, "fix the loader")).contains("it needs data/big.csv");
    assertThat(check(line, repo.resolve("pkg"), repo, wt, "fix the loader")).isEmpty();
    assertThat(check(line, repo.resolve("pkg"), repo, tmp.resolve("other"), "fix the loader"))
        .as("a worktree without it still lacks it").contains("it needs data/big.csv");
  }

  /** A project that ignores every dotfile (".*", "!.gitignore") ignores .git too, as git check-ignore says. */
  @Test
  void neverGitsOwnFolder() throws IOException {
    Files.writeString(repo.resolve(".gitignore"), ".*\n!.gitignore\n", java.nio.file.StandardOpenOption.APPEND);
    // A tool that reads the branch from .git/HEAD, run by a test in a folder that is no repository.
    assertThat(check("Error: ENOENT: no such file or directory, open '.git/HEAD'", repo, repo, "fix it")).isEmpty();
    assertThat(check("Error: Could not find .git", repo, repo, "fix it")).isEmpty();
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(repo.toFile()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
