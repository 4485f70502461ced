package dev.acr.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders from where acr was started up to the top of its repository, nearest first: files
 * that configure a project ({@code .acr/config.json}, {@code .acr/tools.json}, a package's
 * manifest) are looked up along this path, so a run from a package folder of a monorepo finds that
 * package's, and one from deeper down still finds them.
 */
public final class Upward {

  private Upward() {}

  /**
   * {@code start}, its parent, ... up to and including {@code top}. When {@code start} is not
   * inside {@code top} (another file system view, a symlink), only {@code start} itself.
   */
  public static List<Path> folders(Path start, Path top) {
    Path from = start.toAbsolutePath().normalize();
    Path to = top.toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    if (!from.startsWith(to)) {
      // /tmp/x and /private/tmp/x, say: compare the real paths, answer in top's spelling.
      Path realFrom = realOrSame(from);
      Path realTo = realOrSame(to);
      if (!realFrom.startsWith(realTo)) {
        out.add(from);
        return out;
      }
      from = to.resolve(realTo.relativize(realFrom));
    }
    for (Path p = from; p != null && p.startsWith(to); p = p.getParent()) {
      out.add(p);
    }
    return out;
  }

  /** The nearest regular file {@code relative} along {@link #folders}, if any. */
  public static Optional<Path> nearest(Path start, Path top, String relative) {
    for (Path dir : folders(start, top)) {
      Path f = dir.resolve(relative);
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The top of the git work tree holding {@code start} as the file system shows it (the nearest
   * folder with a {@code .git} entry), or {@code start} itself when there is none. No git process:
   * the tools config is found before the repository is inspected.
   */
  public static Path gitTop(Path start) {
    Path from = start.toAbsolutePath().normalize();
    for (Path p = from; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
    return from;
  }

  private static Path realOrSame(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      return p;
    }
  }
}
