package dev.acr.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.git.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem becomes a clean one-commit repository without its solution, metadata or prompt. */
class ProblemRepoTest {
  @TempDir Path tmp;

  @Test
  void copiesTheProjectButNotWhatTheAgentMustNotSee() throws Exception {
    Path dir = tmp.resolve("problems/demo");
    write(dir, "problem.json", "{}");
    write(dir, "prompt.txt", "fix it");
    write(dir, "solution/src/app.py", "fixed");
    write(dir, "src/app.py", "broken");
    write(dir, "src/solution/keep.txt", "a folder named solution deeper down is project code");
    write(dir, "tests/test_app.py", "def test(): pass");
    write(dir, "tests/__pycache__/x.pyc", "junk");
    write(dir, "target/classes/X.class", "junk");
    write(dir, ".mvn/jvm.config", "-Xshare:auto");
    Problem p = new Problem("demo", dir, "fix it", "python", Dimension.BUG_FIXING, "true", null);

    Path repo = ProblemRepo.create(p, tmp.resolve("scratch/demo-1"));

    assertThat(files(repo)).containsExactlyInAnyOrder(
        ".mvn/jvm.config", "src/app.py", "src/solution/keep.txt", "tests/test_app.py");
    assertThat(Git.run(repo, "status", "--porcelain")).isEmpty();
    assertThat(Git.run(repo, "log", "--format=%s")).isEqualTo("problem demo as shipped\n");
    assertThat(Git.run(repo, "branch", "--show-current").strip()).isEqualTo("main");
    assertThat(Files.readString(repo.resolve("src/app.py"))).isEqualTo("broken");

    ProblemRepo.delete(repo);
    assertThat(repo).doesNotExist();
    assertThat(dir.resolve("solution/src/app.py")).exists();
  }

  private static List<String> files(Path repo) throws IOException {
    try (Stream<Path> s = Files.walk(repo)) {
      return s.filter(Files::isRegularFile).map(f -> repo.relativize(f).toString())
          .filter(f -> !f.startsWith(".git/")).toList();
    }
  }

  private static void write(Path dir, String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
