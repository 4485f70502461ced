package dev.acr.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest refusing its own command line: exit 4 (or a wrapper's code) with {@code error: unrecognized arguments:
 * --asyncio-mode=strict}, because the configuration's {@code addopts} name an option of a plugin
 * that is not installed (tqdm/tqdm without pytest-asyncio). No test ran, so it is not a failing
 * test for an agent to fix, and every attempt would end the same way.
 */
final class PytestUsage {
  private PytestUsage() {}

  private static final Pattern UNRECOGNIZED = Pattern.compile("^\\S+: error: unrecognized arguments: (.+)$");

  /**
   * pytest's own usage line ({@code ERROR: usage: pytest [options] [file_or_dir] ...}, __main__.py under python -m): what
   * no project's argparse prints, so it counts whatever the exit code of a wrapper (make's 2, tox's 1) around pytest's 4.
   */
  private static final Pattern USAGE = Pattern.compile("^ERROR: usage: \\S+ \\[options\\] \\[file_or_dir\\]");

  private static final Pattern INIFILE = Pattern.compile("^inifile: (\\S+)");

  private static final Pattern ROOTDIR = Pattern.compile("^rootdir: (\\S+)");

  /** The plugins that provide the options projects most often put in addopts, by option prefix. */
  private static final Map<String, String> PLUGINS = Map.ofEntries(
      Map.entry("--asyncio-mode", "pytest-asyncio"),
      Map.entry("--cov", "pytest-cov"),
      Map.entry("--no-cov", "pytest-cov"),
      Map.entry("--numprocesses", "pytest-xdist"),
      Map.entry("-n", "pytest-xdist"),
      Map.entry("--dist", "pytest-xdist"),
      Map.entry("--timeout", "pytest-timeout"),
      Map.entry("--benchmark", "pytest-benchmark"),
      Map.entry("--reruns", "pytest-rerunfailures"),
      Map.entry("--randomly", "pytest-randomly"),
      Map.entry("--mypy", "pytest-mypy"),
      Map.entry("--html", "pytest-html"),
      Map.entry("--ds", "pytest-django"),
      Map.entry("--snapshot-update", "syrupy"),
      Map.entry("--doctest-plus", "pytest-doctestplus"),
      Map.entry("--mpl", "pytest-mpl"),
      Map.entry("--hypothesis", "hypothesis"));

  /** Why pytest did not start, from its last lines; empty unless it printed its usage error. */
  static Optional<CannotRun.Why> check(int exitCode, List<String> output, String asked) {
    if (exitCode == 0 || output.stream().noneMatch(l -> USAGE.matcher(l.strip()).find())) {
      return Optional.empty();
    }
    String options = null;
    String inifile = null;
    String rootdir = null;
    for (String raw : output) {
      String line = raw.strip();
      Matcher m;
      if ((m = UNRECOGNIZED.matcher(line)).matches()) {
        options = m.group(1).strip();
      } else if ((m = INIFILE.matcher(line)).find()) {
        inifile = m.group(1);
      } else if ((m = ROOTDIR.matcher(line)).find()) {
        rootdir = m.group(1);
      }
    }
    if (options == null) {
      return Optional.empty();
    }
    String first = options.split("\\s+")[0];
    String plugin = plugin(first);
    if (asked.contains(first.split("=")[0]) || (plugin != null && asked.contains(plugin))) {
      return Optional.empty(); // the prompt is about that option or plugin: setting it up is the task
    }
    // The tests ran in acr's worktree: the file by its name in the project, not by that folder.
    if (inifile != null && rootdir != null && inifile.startsWith(rootdir + "/")) {
      inifile = inifile.substring(rootdir.length() + 1);
    }
    String where = inifile == null ? "" : " (the command or the addopts of " + inifile + ")";
    return Optional.of(new CannotRun.Why("pytest does not know " + options + where + ": it stopped before running any test",
        plugin == null
            ? "install the pytest plugin that provides " + first.split("=")[0] + " with the project's test dependencies (or, if a"
                + " conftest.py should add it, check that pytest loads that conftest.py), or name another test command"
            : "install the pytest plugin that provides " + first.split("=")[0] + " (" + plugin + ") with the project's test"
                + " dependencies, or name another test command"));
  }

  private static String plugin(String option) {
    String name = option.split("=")[0];
    for (Map.Entry<String, String> e : PLUGINS.entrySet()) {
      if (name.equals(e.getKey()) || name.startsWith(e.getKey() + "-")) {
        return e.getValue();
      }
    }
    return null;
  }
}
