package dev.acr.git;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's installed-dependency folders ({@code node_modules}, {@code .venv}, ...): untracked,
 * so an attempt's worktree lacks them and its tests could not even start without them. They are
 * found by name, at the top and in the package folders of a monorepo ({@code packages/a/node_modules}),
 * whatever {@code .gitignore} says of them: ignored with a trailing slash, without one, or not at all.
 * An untracked, not ignored one is also kept out of the snapshot, so 21,000 files of
 * {@code node_modules} are neither hashed per run nor checked out per attempt. A Yarn
 * Plug'n'Play install's files ({@link YarnPnp}) are found here too, in the same folders.
 */
public final class DependencyDirs {

  /**
   * Folder names that hold installed dependencies, not source. {@code vendor}, {@code deps} and
   * {@code lib} only count where a package manager put them (see {@link #isDependency}); a committed one is
   * source and is never touched, as is any tracked folder of these names.
   */
  static final List<String> NAMES =
      List.of("node_modules", ".venv", "venv", ".tox", ".nox", "__pypackages__", "bower_components", "vendor", "deps", "lib");

  /** The names of {@link #NAMES} that are Python virtual environments. */
  public static final List<String> VENVS = List.of(".venv", "venv");

  /** Whether the dependency folder {@code rel} (root-relative) is a Python virtual environment. */
  public static boolean isVenv(String rel) {
    return VENVS.contains(Path.of(rel).getFileName().toString());
  }

  /**
   * The one of {@link #NAMES} that is more often source: shards install into lib/, but a tracked or
   * unrelated lib/ is the project's code, and packages in it have dependency folders of their own.
   * So a path through it is still looked at below it.
   */
  private static final String OFTEN_SOURCE = "lib";

  /** How deep package folders may sit: {@code packages/@scope/a/node_modules} is three levels down. */
  private static final int MAX_PARENT_DEPTH = 3;

  private DependencyDirs() {}

  /**
   * Root-relative paths (with {@code /}) of the dependency folders in {@code root}: at the top, and
   * in tracked folders up to three levels down. Folders are taken from HEAD's tree, which git lists
   * without walking the disk; a repository without commits only has its top level looked at.
   */
  static List<String> find(Path root, String head) throws GitException {
    Set<String> tracked = new HashSet<>();
    List<String> parents = new ArrayList<>(List.of(""));
    if (head != null) {
      String dirs = Git.run(root, "ls-tree", "-d", "-r", "-z", "--name-only", head);
      for (String d : dirs.split("\0")) {
        if (d.isEmpty()) {
          continue;
        }
        tracked.add(d);
        if (depth(d) <= MAX_PARENT_DEPTH && !insideDependency(d)) {
          parents.add(d);
        }
      }
    }
    Set<String> found = new LinkedHashSet<>();
    List<String> pnp = new ArrayList<>();
    List<String> versionFiles = new ArrayList<>();
    for (String parent : parents) {
      for (String name : NAMES) {
        String rel = parent.isEmpty() ? name : parent + "/" + name;
        if (!tracked.contains(rel) && isDependency(root.resolve(rel), name)) {
          found.add(rel);
        }
      }
      // A workspace package's ignored build (its package.json's main in dist/): copied, not linked (DependencyLinks).
      for (String out : parent.isEmpty() ? Set.<String>of() : BuildOutputs.of(root.resolve(parent))) {
        String rel = parent + "/" + out;
        if (!NAMES.contains(out) && !tracked.contains(rel) && Files.isDirectory(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
          found.add(rel);
        }
      }
      versionFiles.addAll(PythonVersionFiles.in(root, parent)); // ignored ones copied (DependencyLinks)
      if (YarnPnp.installedIn(root, parent)) {
        for (String name : YarnPnp.FILES) {
          String rel = parent.isEmpty() ? name : parent + "/" + name;
          if (Files.isRegularFile(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
            pnp.add(rel);
          }
        }
        for (String name : YarnPnp.FOLDERS) {
          String rel = parent.isEmpty() ? name : parent + "/" + name;
          if (!tracked.contains(rel) && Files.isDirectory(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
            found.add(rel);
          }
        }
      }
    }
    found.addAll(untrackedAt(root, head, pnp));
    if (!versionFiles.isEmpty()) {
      versionFiles.stream().filter(ignored(root, versionFiles)::contains).forEach(found::add);
    }
    return List.copyOf(found);
  }

  /**
   * Those of {@code files} that HEAD does not hold: a committed {@code .pnp.cjs} (Yarn's
   * zero-installs) is the user's source, checked out like any other file.
   */
  private static List<String> untrackedAt(Path root, String head, List<String> files) throws GitException {
    if (files.isEmpty() || head == null) {
      return files;
    }
    List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "ls-tree", "-r", "--name-only", head, "--"));
    args.addAll(files);
    Set<String> committed = Set.copyOf(Git.run(root, args.toArray(String[]::new)).lines().toList());
    return files.stream().filter(f -> !committed.contains(f)).toList();
  }

  /**
   * The dependency folders that hold some of {@code untracked} (root-relative files, as {@code git
   * status -uall} lists them), by the rules of {@link #find}, with the folders of {@code
   * trackedFiles} ({@code git ls-files}) for the tracked ones. A status that counts an unignored
   * {@code .venv}'s 5,000 files as the user's uncommitted changes is wrong: acr neither snapshots
   * nor copies them. Only paths through a folder of one of the {@link #NAMES} cost a look at the disk.
   */
  public static List<String> holding(Path root, Collection<String> untracked, Collection<String> trackedFiles) {
    Map<String, String> candidates = new LinkedHashMap<>();
    for (String path : untracked) {
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length - 1; i++) {
        if (NAMES.contains(parts[i])) {
          candidates.putIfAbsent(String.join("/", Arrays.asList(parts).subList(0, i + 1)), parts[i]);
          if (!parts[i].equals(OFTEN_SOURCE)) {
            break;
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> tracked = new HashSet<>();
    for (String f : trackedFiles) {
      for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
        tracked.add(f.substring(0, slash));
      }
    }
    List<String> found = new ArrayList<>();
    candidates.forEach((rel, name) -> {
      int slash = rel.lastIndexOf('/');
      String parent = slash < 0 ? "" : rel.substring(0, slash);
      boolean packageFolder = parent.isEmpty() || (tracked.contains(parent) && depth(parent) <= MAX_PARENT_DEPTH);
      if (packageFolder && !tracked.contains(rel) && isDependency(root.resolve(rel), name)) {
        found.add(rel);
      }
    });
    return List.copyOf(found);
  }

  /**
   * A real folder (a link the user made stays theirs), for {@code vendor} only Composer's,
   * Bundler's or an uncommitted {@code go mod vendor}: elsewhere {@code vendor} is often source;
   * and for {@code deps} only what {@code mix deps.get} fetched beside a mix.exs (without it, an
   * attempt's {@code mix test} stops on "Unchecked dependencies", though the user fetched them),
   * and for {@code lib} only what {@code shards install} put beside a shard.yml (an untracked lib/
   * elsewhere is the user's unfinished source).
   */
  static boolean isDependency(Path dir, String name) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Path parent = dir.getParent();
    if (name.equals("deps")) {
      return Files.isRegularFile(parent.resolve("mix.exs"));
    }
    if (name.equals("lib")) {
      return Files.isRegularFile(parent.resolve("shard.yml"));
    }
    if (!name.equals("vendor")) {
      return true;
    }
    return Files.isRegularFile(parent.resolve("composer.json"))
        || Files.isRegularFile(parent.resolve("Gemfile"))
        || Files.isRegularFile(dir.resolve("modules.txt"));
  }

  /**
   * {@code git add} pathspecs that keep {@code paths} out of what is staged in {@code tree}. Only
   * for those git does not already ignore there: naming an ignored path in a pathspec, even an
   * exclusion, makes {@code git add} exit 1 ("paths are ignored by one of your .gitignore files").
   * A link is ignored by {@code node_modules} but not by {@code node_modules/}, so this is asked
   * of the tree as it is, after the agent may have edited its {@code .gitignore}.
   */
  static List<String> excludes(Path tree, List<String> paths) throws GitException {
    List<String> present = new ArrayList<>();
    for (String p : paths) {
      if (Files.exists(tree.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
        present.add(p);
      }
    }
    if (present.isEmpty()) {
      return List.of();
    }
    Set<String> ignored = ignored(tree, present);
    List<String> out = new ArrayList<>();
    for (String p : present) {
      if (!ignored.contains(p)) {
        out.add(":(exclude,literal)" + p);
      }
    }
    return out;
  }

  /** Those of {@code paths} (relative to {@code tree}, present there) that git ignores in {@code tree}. */
  private static Set<String> ignored(Path tree, List<String> paths) throws GitException {
    // Newline-separated (-z needs --stdin); unquoted, so a package folder's name reads back as given.
    List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "check-ignore", "--"));
    args.addAll(paths);
    // Exit 1 means none is ignored: an answer, not an error.
    Git.Result r = Git.tryRun(tree, Map.of(), args.toArray(String[]::new));
    if (r.exitCode() > 1) {
      throw Git.failure(tree, args.toArray(String[]::new), r);
    }
    return Set.copyOf(r.stdout().lines().toList());
  }

  private static int depth(String rel) {
    return (int) rel.chars().filter(c -> c == '/').count() + 1;
  }

  /** A tracked folder inside a dependency folder (a committed {@code vendor/x}) is not a package. */
  private static boolean insideDependency(String rel) {
    for (String part : rel.split("/")) {
      if (NAMES.contains(part) && !part.equals(OFTEN_SOURCE)) {
        return true;
      }
    }
    return false;
  }
}
