package dev.acr.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts the user's dependency folders ({@link DependencyDirs}) into an attempt's worktree without
 * copying them: a symlink each, so a 500 MB {@code node_modules} costs one link per attempt, and
 * removing the worktree removes links, never what they point to. A Yarn Plug'n'Play install's
 * files are copied instead, its package map pointed back at the user's packages ({@link YarnPnp}), and
 * so is a workspace package's ignored build ({@link BuildOutputs}), a Python package's ignored version file
 * ({@link PythonVersionFiles}), and Composer's autoloader ({@link ComposerVendor}).
 *
 * <p>A {@code node_modules} with workspace links gets an overlay instead of one link: a real
 * folder of links, one per entry. npm, yarn and pnpm workspaces link a workspace's own packages there
 * ({@code node_modules/a -> ../packages/a}); through a single link to the user's folder such a link
 * resolves from the user's tree, and the attempt's tests would import the user's {@code packages/a},
 * not the attempt's. In the overlay each link is remade at the same place relative to the
 * worktree, so it lands on the worktree's own package; links to anything else (third-party
 * packages) land where they did.
 */
final class DependencyLinks {
  private DependencyLinks() {}

  /**
   * Links each of {@code deps} (root-relative) from {@code root} into {@code wt}; those of them in
   * {@code configured} (the project's {@code "link"}) as they are, their folders made as needed.
   */
  static void link(Path root, Path wt, List<String> deps, List<String> configured) throws GitException {
    for (String rel : deps) {
      Path from = root.resolve(rel);
      Path to = wt.resolve(rel);
      if (configured.contains(rel)) {
        linkConfigured(from, to);
        continue;
      }
      if (YarnPnp.isPnpFile(rel)) {
        try {
          YarnPnp.copy(root, wt, rel);
        } catch (IOException e) {
          throw new GitException("cannot copy " + from + " into " + wt + ": " + e.getMessage(), e);
        }
        continue;
      }
      if (YarnPnp.isPnpFolder(rel)) {
        continue; // the copied package map leads to the user's
      }
      // A package folder the snapshot does not hold, or one the attempt has already: leave it.
      if (!Files.isDirectory(to.getParent(), LinkOption.NOFOLLOW_LINKS)
          || Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        if (!DependencyDirs.NAMES.contains(to.getFileName().toString())) {
          BuildOutputs.copy(from, to); // a workspace package's build, a version file: the attempt's own copy
        } else if (to.getFileName().toString().equals("vendor") && ComposerVendor.isComposers(from)) {
          ComposerVendor.overlay(from, to); // its autoloader finds the project's classes from where it lies
        } else if (to.getFileName().toString().equals("node_modules") && linksIntoTree(from, from, root)) {
          overlay(from, to, root, wt);
        } else {
          Files.createSymbolicLink(to, from);
        }
      } catch (IOException e) {
        throw new GitException("cannot link " + from + " into " + wt + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * A path the project asked for: its folders are made if the snapshot has none (an ignored
   * {@code build/} that holds it), and left alone when the attempt's tree already has the path.
   */
  private static void linkConfigured(Path from, Path to) throws GitException {
    try {
      if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(to.getParent());
        Files.createSymbolicLink(to, from);
      }
    } catch (IOException e) {
      throw new GitException("cannot link " + from + " into " + to.getParent() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code dir} (a node_modules, or an {@code @scope} in it) links into the user's tree
   * outside {@code modules}: a workspace package. Without any, one link does, and costs one link
   * instead of one per installed package.
   */
  private static boolean linksIntoTree(Path dir, Path modules, Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (Files.isSymbolicLink(e)) {
          Path resolved = e.getParent().resolve(Files.readSymbolicLink(e)).normalize();
          if (resolved.startsWith(root) && !resolved.startsWith(modules)) {
            return true;
          }
        } else if (e.getFileName().toString().startsWith("@") && Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)
            && linksIntoTree(e, modules, root)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code to} as a folder mirroring {@code from}: links for entries, folders only for
   * {@code @scope} groups and {@code .bin}, whose entries are workspace packages and their commands.
   */
  private static void overlay(Path from, Path to, Path root, Path wt) throws IOException {
    Files.createDirectory(to);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        Path mirror = to.resolve(name);
        if (Files.isSymbolicLink(e)) {
          Files.createSymbolicLink(mirror, relinked(e, root, wt));
        } else if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) && (name.startsWith("@") || name.equals(".bin"))) {
          overlay(e, mirror, root, wt);
        } else {
          Files.createSymbolicLink(mirror, e);
        }
      }
    }
  }

  /**
   * Where the mirror of link {@code link} should point. A relative target inside the user's tree
   * is kept as written: the overlay mirrors the layout, so it resolves to the same place in the
   * worktree (a workspace package) or, through the overlay's own links, to the user's third-party
   * package. An absolute one inside the tree is moved to the worktree; one outside stays.
   */
  private static Path relinked(Path link, Path root, Path wt) throws IOException {
    Path target = Files.readSymbolicLink(link);
    Path resolved = link.getParent().resolve(target).normalize();
    if (!resolved.startsWith(root)) {
      return resolved;
    }
    return target.isAbsolute() ? wt.resolve(root.relativize(resolved)) : target;
  }
}
