package dev.acr.verify;

import dev.acr.exec.Colour;
import dev.acr.git.ConfiguredLinks;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failing baseline whose output says a file is missing that the user's tree has, ignored by
 * git: a test library a script downloaded once ({@code shunit2/}), test data too large to commit,
 * a generated header. An attempt's worktree gets the user's tracked and untracked files and the
 * dependency folders acr knows, not other ignored files, so every attempt would fail the same way
 * and be recorded failed for acr's setup. The project's {@code "link"} fixes it.
 */
public final class IgnoredInputs {

  /** The words of a missing file, in the shells', C's, Python's, Node's and most runners' English. */
  private static final Pattern MISSING = Pattern.compile(
      "(?i)no such file|not found|cannot open|can't open|could not open|unable to open|failed to open|cannot find"
          + "|can't find|could not find|does not exist|doesn't exist|\\bENOENT\\b|cannot read|cannot load|cannot stat");

  /**
   * A relative path with a folder ({@code testlib/lib.sh}, {@code ./data/x.csv}, {@code .cache/x}), a file name with an
   * extension, or a dotfile ({@code .env}, which tests often read and git ignores).
   */
  private static final Pattern PATH = Pattern.compile(
      "(?<![\\w./~$-])(?:\\./)?([\\w.@+-]*[\\w@+-][\\w.@+-]*(?:/[\\w.@+-]+)+|[\\w@+-]+\\.[A-Za-z][A-Za-z0-9]{0,9}"
          + "|\\.[A-Za-z][\\w.-]*)(?![\\w/-])");

  /** Enough for any runner's complaint, few enough that a flood of output costs a few git calls at most. */
  private static final int MAX_CANDIDATES = 20;

  private IgnoredInputs() {}

  /**
   * Why the tests cannot run in any attempt's worktree, when {@code output} (the baseline's, from
   * {@code packageDir}) says a file is missing that {@code root} has and git ignores there, outside
   * {@code linked} (root-relative folders each worktree gets: dependency folders and the project's
   * {@code "link"}). The remedy names the ignored folder (or file) to link, relative to {@code
   * configFolder} (where the applicable {@code .acr/config.json} is, or would be). Not when the
   * prompt names the file: then it is the task. Not when {@code worktree} (the one the baseline ran
   * in, null when none) has the file after the run: the tests made it themselves when they found
   * none (a cache, a log, a generated config), so it was not what they lacked.
   */
  public static Optional<CannotRun.Why> check(List<String> output, Path root, Path packageDir, Path configFolder,
      List<String> linked, Path worktree, String prompt) {
    Set<String> candidates = new LinkedHashSet<>();
    for (String raw : output) {
      String line = Colour.strip(raw);
      if (!MISSING.matcher(line).find()) {
        continue;
      }
      Matcher m = PATH.matcher(line);
      while (m.find() && candidates.size() < MAX_CANDIDATES) {
        candidates.add(m.group(1));
      }
    }
    String asked = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
    Path top = root.toAbsolutePath().normalize();
    for (String candidate : candidates) {
      for (Path base : List.of(packageDir, root)) {
        Path abs = base.toAbsolutePath().normalize().resolve(candidate).normalize();
        if (!abs.startsWith(top) || abs.equals(top) || !Files.exists(abs)) {
          continue;
        }
        String rel = top.relativize(abs).toString();
        if (List.of(rel.split("/")).contains(".git")) {
          // git's own files: a repository that ignores every dotfile (".*") ignores .git too, and "link" takes none of it.
          break;
        }
        if (linked.stream().anyMatch(l -> rel.equals(l) || rel.startsWith(l + "/"))
            || asked.contains(abs.getFileName().toString().toLowerCase(Locale.ROOT))
            || worktree != null && Files.exists(worktree.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
          break;
        }
        Optional<String> unit = ConfiguredLinks.ignoredUnit(top, rel);
        if (unit.isPresent()) {
          return Optional.of(why(candidate, top.resolve(unit.get()), configFolder));
        }
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * Folders builds write into: linking one would let every attempt's build write into the user's (and racing attempts
   * into one another's), so for a file in one the remedy is a test command that builds it.
   */
  private static final Set<String> BUILD_FOLDERS =
      Set.of("build", "_build", ".build", "builddir", "dist", "out", "target", "bin", "obj", "cmake-build-debug",
          "cmake-build-release", ".lake", "zig-out", "zig-cache", ".zig-cache", "_opam", "dist-newstyle");

  private static CannotRun.Why why(String missing, Path unit, Path configFolder) {
    Path folder = configFolder.toAbsolutePath().normalize();
    String link = unit.startsWith(folder) ? folder.relativize(unit).toString() : unit.toString();
    String problem = "it needs " + missing + ", which your tree has but git ignores, so no attempt's worktree has it"
        + " (a worktree gets your tracked and untracked files, and of the ignored ones only dependency folders such as"
        + " node_modules or .venv), and every attempt would fail for it";
    String prompt = "if the tests should make it themselves and not doing so is the bug, name "
        + Path.of(missing).getFileName() + " in the prompt";
    if (BUILD_FOLDERS.contains(unit.getFileName().toString())) {
      return new CannotRun.Why(problem, "name a test command that builds it first, so each attempt builds its own"
          + " (e.g. --verify \"make && make test\", or \"verify\" in " + folder.resolve(".acr/config.json") + "; " + prompt + ")");
    }
    return new CannotRun.Why(problem, "add {\"link\": [\"" + link + "\"]} to " + folder.resolve(".acr/config.json")
        + " so acr links it into every attempt's worktree (or commit it, or make the test command create it; " + prompt + ")");
  }
}
