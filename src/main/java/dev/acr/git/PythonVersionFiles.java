package dev.acr.git;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python package's version file that its build writes from git's tags ({@code src/humanize/_version.py} from
 * hatch-vcs, {@code _version.py} from setuptools-scm's {@code version_file}) and git ignores. The package imports
 * it ({@code from ._version import __version__}), so in an attempt's worktree, a clean checkout, every test module
 * failed to import: tried on python-humanize/humanize, the baseline read six collection errors as "tests fail, as
 * expected before a fix" and both stand-ins, the fixer too, failed. The user's tree has the file from their install,
 * so each worktree gets a copy of it, as a workspace package's ignored build is copied ({@link BuildOutputs}).
 */
public final class PythonVersionFiles {
  private PythonVersionFiles() {}

  private static final List<String> NAMES = List.of("_version.py", "version.py");

  /** Whether a file of this name, ignored in a package folder of the user's tree, is copied into each worktree. */
  public static boolean copied(String fileName) {
    return NAMES.contains(fileName);
  }

  /** The version files (root-relative) in the package folder {@code dir} (root-relative, "" for the top). */
  static List<String> in(Path root, String dir) {
    List<String> out = new ArrayList<>();
    for (String name : NAMES) {
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      if (Files.isRegularFile(root.resolve(rel), LinkOption.NOFOLLOW_LINKS)
          && Files.isRegularFile(root.resolve(dir).resolve("__init__.py"))) {
        out.add(rel);
      }
    }
    return out;
  }
}
