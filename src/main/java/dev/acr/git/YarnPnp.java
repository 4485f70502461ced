package dev.acr.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Yarn Plug'n'Play install ({@code nodeLinker: pnp}, Yarn's default): no {@code node_modules},
 * but a {@code .pnp.cjs} (and {@code .pnp.data.json}, {@code .pnp.loader.mjs}) at the project's top
 * that maps every package to where it is: a zip in {@code .yarn/cache} or Yarn's global cache,
 * or a folder in {@code .yarn/unplugged}. These are usually ignored, so an attempt's worktree
 * lacks them and {@code yarn test} says the project was never installed.
 *
 * <p>They are copied, not linked: Node loads {@code .pnp.cjs} by its real path, and the map's
 * locations are relative to the folder it is in. A link would make the user's folder the project,
 * so the attempt's tests would import the user's files. In the copy, the locations of installed
 * packages ({@code .yarn/cache}, {@code .yarn/unplugged}, the global cache: anything but the
 * project's own workspaces) are rewritten to lead from the worktree to the same files in the
 * user's tree. Those are what Node's real paths name too, so Yarn finds a package's own
 * dependencies from them; and the worktree gets no {@code .yarn/cache} that a {@code yarn
 * install} run by an agent could prune or add to: only the user's own install reaches them.
 */
final class YarnPnp {
  /** Files of a PnP install, copied into each worktree when present and not committed. */
  static final List<String> FILES = List.of(".pnp.cjs", ".pnp.data.json", ".pnp.loader.mjs", ".yarn/install-state.gz");

  /**
   * Folders of installed packages, found like {@link #FILES} but neither linked nor copied: the
   * copied map leads to the user's. Found so that, when not ignored, they are left out of the
   * snapshot like {@code node_modules}, not hashed per run and checked out per attempt.
   */
  static final List<String> FOLDERS = List.of(".yarn/cache", ".yarn/unplugged");

  /** The files holding the package map, whose locations are rewritten. */
  private static final List<String> MAPS = List.of(".pnp.cjs", ".pnp.data.json");

  private static final Pattern LOCATION = Pattern.compile("(\"packageLocation\":\\s*\")([^\"]*)(\")");

  /** A virtual package's location: {@code ./.yarn/__virtual__/<name>-virtual-<hash>/<ups>/<path>}. */
  private static final Pattern VIRTUAL = Pattern.compile("((?:\\./)?(?:[^/]+/)*?(?:__virtual__|\\$\\$virtual)/[^/]+/)(\\d+)/(.*)");

  private YarnPnp() {}

  /** Whether {@code rel} (root-relative) names one of the {@link #FILES} of a project folder. */
  static boolean isPnpFile(String rel) {
    return endsWithOneOf(rel, FILES);
  }

  /** Whether {@code rel} (root-relative) names one of the {@link #FOLDERS} of a project folder. */
  static boolean isPnpFolder(String rel) {
    return endsWithOneOf(rel, FOLDERS);
  }

  private static boolean endsWithOneOf(String rel, List<String> names) {
    for (String f : names) {
      if (rel.equals(f) || rel.endsWith("/" + f)) {
        return true;
      }
    }
    return false;
  }

  /** The project folder ({@code parent}, root-relative, "" for the top) has a PnP install. */
  static boolean installedIn(Path root, String parent) {
    return Files.isRegularFile(root.resolve(parent).resolve(".pnp.cjs"), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Copies {@code rel} from the user's {@code root} into worktree {@code wt}; the package maps
   * with their installed packages' locations leading back to the user's tree.
   */
  static void copy(Path root, Path wt, String rel) throws IOException {
    Path from = root.resolve(rel);
    Path to = wt.resolve(rel);
    String file = from.getFileName().toString();
    String project = projectOf(rel);
    if (!Files.isDirectory(wt.resolve(project), LinkOption.NOFOLLOW_LINKS)) {
      return; // a project folder the snapshot does not hold
    }
    Files.createDirectories(to.getParent());
    if (MAPS.contains(file)) {
      String text = Files.readString(from, StandardCharsets.UTF_8);
      Files.writeString(to, relocate(text, root.resolve(project), wt.resolve(project)), StandardCharsets.UTF_8);
    } else {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The project folder of a PnP file's root-relative path: {@code app/.yarn/install-state.gz} gives {@code app}. */
  private static String projectOf(String rel) {
    for (String f : FILES) {
      if (rel.endsWith("/" + f)) {
        return rel.substring(0, rel.length() - f.length() - 1);
      }
    }
    return "";
  }

  /**
   * {@code map} (a {@code .pnp.cjs} or {@code .pnp.data.json} of project {@code user}) with every
   * location that is not the project's own source rewritten to reach the same place from
   * project {@code copy}.
   */
  static String relocate(String map, Path user, Path copy) {
    Matcher m = LOCATION.matcher(map);
    StringBuilder out = new StringBuilder(map.length() + 4096);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + relocated(m.group(2), user, copy) + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String relocated(String location, Path user, Path copy) {
    String slash = location.endsWith("/") ? "/" : "";
    Matcher v = VIRTUAL.matcher(location);
    if (v.matches()) {
      // Yarn resolves it as: the folder holding __virtual__, <ups> levels up, then <path>.
      Path base = user.resolve(v.group(1)).normalize().getParent().getParent();
      Path target = base.resolve("../".repeat(Integer.parseInt(v.group(2))) + v.group(3)).normalize();
      if (isOwnSource(target, user)) {
        return location;
      }
      Path copyBase = copy.resolve(v.group(1)).normalize().getParent().getParent();
      Path rel = copyBase.relativize(target);
      int ups = 0;
      while (ups < rel.getNameCount() && rel.getName(ups).toString().equals("..")) {
        ups++;
      }
      String rest = ups < rel.getNameCount() ? rel.subpath(ups, rel.getNameCount()).toString() : ".";
      return v.group(1) + ups + "/" + rest + (rest.equals(".") ? "" : slash);
    }
    Path target = user.resolve(location).normalize();
    if (isOwnSource(target, user)) {
      return location;
    }
    return copy.relativize(target) + slash;
  }

  /** A workspace of the project (its own code, which the worktree has): not its {@code .yarn} installs. */
  private static boolean isOwnSource(Path target, Path user) {
    return target.startsWith(user) && !target.startsWith(user.resolve(".yarn"));
  }
}
