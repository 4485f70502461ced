package dev.acr.git;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The untracked files and folders a project's {@code .acr/config.json} asks to have in every
 * attempt's worktree ({@code "link": ["shunit2"]}): a test library its script downloads once, test
 * data too large to commit. A worktree gets the user's tracked and untracked files, but of the
 * ignored ones only dependency folders acr knows ({@link DependencyDirs}), so without this the
 * attempts' tests lack them, or try to download them again. Each is linked like a dependency
 * folder ({@link DependencyLinks}), left out of the snapshot and of every patch.
 *
 * @param paths root-relative paths to link: present in the user's tree and not tracked by git
 * @param notes what to tell the user of the others, one line each
 */
public record ConfiguredLinks(List<String> paths, List<String> notes) {

  public static final ConfiguredLinks NONE = new ConfiguredLinks(List.of(), List.of());

  public ConfiguredLinks {
    paths = List.copyOf(paths);
    notes = List.copyOf(notes);
  }

  /**
   * Checks {@code link} (paths relative to {@code folder}, the folder holding {@code config}'s
   * {@code .acr/}) against the repository at {@code root}: a path missing from the user's tree
   * has nothing to link, and a tracked one (in whole or in part) is checked out in every worktree
   * already, where a link could not go.
   */
  public static ConfiguredLinks check(Path root, Path folder, Path config, List<String> link) throws GitException {
    if (link.isEmpty()) {
      return NONE;
    }
    List<String> paths = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Path top = root.toAbsolutePath().normalize();
    for (String entry : link) {
      Path abs = folder.toAbsolutePath().normalize().resolve(entry).normalize();
      String rel = top.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
      Optional<String> above = symbolicLinkAbove(top, rel);
      if (!abs.startsWith(top) || rel.isEmpty()) {
        notes.add(config + " links \"" + entry + "\", which is not inside the repository " + top + "; it is not linked");
      } else if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        notes.add(config + " links \"" + entry + "\", which your tree does not have (" + abs + "): the attempts run"
            + " without it; make it (run the step that downloads or builds it) or remove it from \"link\"");
      } else if (above.isPresent()) {
        // Beyond git's reach: ls-files names nothing in it, and the snapshot's git add fails on it.
        notes.add(config + " links \"" + entry + "\", which is inside " + above.get() + ", a symbolic link; it is not"
            + " linked: link " + above.get() + " itself if git does not track it");
      } else if (tracked(top, rel)) {
        notes.add(config + " links \"" + entry + "\", which git tracks (in whole or in part), so every attempt's"
            + " worktree has its tracked files already; it is not linked: name its untracked files or folders instead");
      } else {
        paths.add(rel);
      }
    }
    return new ConfiguredLinks(paths, notes);
  }

  /**
   * The shallowest of {@code rel} (root-relative) and its folders that git ignores in {@code root}:
   * what a project would link to give the worktrees {@code rel}. Empty when none is, or git cannot say.
   */
  public static Optional<String> ignoredUnit(Path root, String rel) {
    String[] parts = rel.split("/");
    for (int i = 1; i <= parts.length; i++) {
      String prefix = String.join("/", Arrays.asList(parts).subList(0, i));
      try {
        if (Git.tryRun(root, Map.of(), "check-ignore", "-q", "--", prefix).exitCode() == 0) {
          return Optional.of(prefix);
        }
      } catch (GitException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The first of {@code rel}'s folders (root-relative) that is a symbolic link in {@code root}, if any. */
  private static Optional<String> symbolicLinkAbove(Path root, String rel) {
    String[] parts = rel.split("/");
    for (int i = 1; i < parts.length; i++) {
      String prefix = String.join("/", Arrays.asList(parts).subList(0, i));
      if (Files.isSymbolicLink(root.resolve(prefix))) {
        return Optional.of(prefix);
      }
    }
    return Optional.empty();
  }

  private static boolean tracked(Path root, String rel) throws GitException {
    return !Git.run(root, "-c", "core.quotePath=false", "ls-files", "-z", "--", ":(literal)" + rel).isEmpty();
  }
}
