package dev.acr.problems;

import dev.acr.git.Git;
import dev.acr.git.GitException;
import dev.acr.git.Trees;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;

/**
 * A problem as a user's repository: its project files copied to a fresh folder and committed
 * to a new git repository, so acr's live loop sees what it sees in any repository. What an
 * agent must not see stays behind: the reference solution, the metadata, the prompt file (the
 * agent gets the prompt from acr) and build leftovers of earlier manual runs.
 */
public final class ProblemRepo {
  /** Folders never copied, wherever they are. */
  static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "__pycache__", ".pytest_cache", "node_modules");

  /** Fixed identity and no signing: the commit must work on any machine, whatever its git config. */
  private static final Map<String, String> COMMIT_ENV = Map.of(
      "GIT_AUTHOR_NAME", "acr bench", "GIT_AUTHOR_EMAIL", "bench@acr.invalid",
      "GIT_COMMITTER_NAME", "acr bench", "GIT_COMMITTER_EMAIL", "bench@acr.invalid");

  private ProblemRepo() {}

  /**
   * Copies {@code problem} into the new folder {@code target} and commits it on branch main (an
   * empty commit when the problem starts from nothing but its tests' command).
   */
  public static Path create(Problem problem, Path target) throws IOException, GitException {
    Path source = problem.dir();
    Files.createDirectories(target);
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path rel = source.relativize(dir);
        String name = dir.getFileName().toString();
        if (!rel.toString().isEmpty()
            && (SKIPPED_DIRS.contains(name) || rel.toString().equals(Problem.SOLUTION_DIR))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(rel.toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path rel = source.relativize(file);
        if (rel.getNameCount() == 1
            && (rel.toString().equals(ProblemSet.METADATA) || rel.toString().equals(ProblemSet.PROMPT))) {
          return FileVisitResult.CONTINUE;
        }
        Files.copy(file, target.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
    Git.run(target, "init", "-q", "-b", "main");
    Git.run(target, "add", "-A");
    Git.run(target, COMMIT_ENV, "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "--allow-empty", "-m",
        "problem " + problem.id() + " as shipped");
    return target;
  }

  /** Removes a folder made by {@link #create} (and whatever was done in it). */
  public static void delete(Path dir) throws IOException {
    Trees.delete(dir);
  }
}
