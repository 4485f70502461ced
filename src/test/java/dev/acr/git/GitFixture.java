package dev.acr.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Real git repositories in temp dirs, configured locally so no global config is needed. */
public final class GitFixture {
  private GitFixture() {}

  /** An empty repository on branch main with a local identity. */
  public static Path init(Path dir) throws IOException {
    Files.createDirectories(dir);
    git(dir, "init", "-q");
    git(dir, "symbolic-ref", "HEAD", "refs/heads/main");
    git(dir, "config", "user.name", "Test User");
    git(dir, "config", "user.email", "test@example.com");
    git(dir, "config", "commit.gpgsign", "false");
    git(dir, "config", "core.autocrlf", "false");
    return dir.toRealPath();
  }

  /** A repository with {@code files} committed on main. */
  public static Path withCommit(Path dir, Map<String, String> files) throws IOException {
    Path repo = init(dir);
    files.forEach((name, content) -> write(repo, name, content));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
    return repo;
  }

  public static String git(Path dir, String... args) throws GitException {
    return Git.run(dir, args);
  }

  public static void write(Path root, String rel, String content) {
    write(root, rel, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path root, String rel, byte[] content) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path root, String rel) throws IOException {
    return Files.readString(root.resolve(rel));
  }

  /** Every file under {@code root} (outside .git) with its bytes, for before/after comparison. */
  public static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Files.isRegularFile(p) && !rel.startsWith(".git/") && !rel.equals(".git")) {
          out.put(rel, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  public static String status(Path repo) throws GitException {
    return git(repo, "status", "--porcelain", "--untracked-files=all");
  }
}
