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

  /**
   * An ini option of a plugin that is not installed, made an error by {@code --strict-config} or by
   * {@code filterwarnings = ["error"]}: {@code INTERNALERROR> pytest.PytestConfigWarning: Unknown config
   * option: timeout} (fastapi/fastapi without pytest-timeout, exit 3), {@code ERROR: Unknown config option: timeout}.
   */
  private static final Pattern UNKNOWN_INI = Pattern.compile("^(?:INTERNALERROR> \\S*PytestConfigWarning|ERROR): Unknown config option: (\\S+)");

  /** The plugins that read the ini options projects most often set, by option. */
  private static final Map<String, String> INI_PLUGINS = Map.ofEntries(
      Map.entry("timeout", "pytest-timeout"),
      Map.entry("timeout_method", "pytest-timeout"),
      Map.entry("timeout_func_only", "pytest-timeout"),
      Map.entry("asyncio_mode", "pytest-asyncio"),
      Map.entry("asyncio_default_fixture_loop_scope", "pytest-asyncio"),
      Map.entry("DJANGO_SETTINGS_MODULE", "pytest-django"),
      Map.entry("django_find_project", "pytest-django"),
      Map.entry("env", "pytest-env"),
      Map.entry("env_files", "pytest-dotenv"),
      Map.entry("mock_use_standalone_module", "pytest-mock"),
      Map.entry("reruns", "pytest-rerunfailures"),
      Map.entry("randomly_seed", "pytest-randomly"),
      Map.entry("mpl-baseline-path", "pytest-mpl"),
      Map.entry("doctest_plus", "pytest-doctestplus"),
      Map.entry("mypy-ignore-missing-imports", "pytest-mypy"));

  /** Why pytest did not start, from its last lines; empty unless it printed its usage error or refused its configuration. */
  static Optional<CannotRun.Why> check(int exitCode, List<String> output, String asked) {
    if (exitCode == 0) {
      return Optional.empty();
    }
    Optional<CannotRun.Why> ini = unknownIniOption(output, asked);
    if (ini.isPresent() || output.stream().noneMatch(l -> USAGE.matcher(l.strip()).find())) {
      return ini;
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

  /**
   * A fixture a pytest plugin provides, asked for by tests while the plugin is not installed: {@code E       fixture
   * 'mocker' not found}, or, where the project's conftest.py wraps the plugin's fixture in one of the same name,
   * {@code E       recursive dependency involving fixture 'httpbin' detected} (psf/requests without pytest-httpbin:
   * 205 errors, read as failing tests).
   */
  private static final Pattern FIXTURE_MISSING =
      Pattern.compile("^E\\s+(?:fixture '(\\w+)' not found|recursive dependency involving fixture '(\\w+)' detected)");

  /** pytest's list under the error, one line: every fixture it could have given, the installed plugins' among them. */
  private static final Pattern AVAILABLE = Pattern.compile("^>?\\s*available fixtures: (.*)$");

  /** The header's {@code plugins: hypothesis-6.155.2, mock-3.14.0} (without -q): the installed plugins, "pytest-" dropped. */
  private static final Pattern PLUGINS_LINE = Pattern.compile("^plugins: (.+)$");

  /**
   * Well-known plugins by their fixtures, all of them: only these are read as missing plugins. A fixture merely named
   * like a plugin is no evidence (a test asking for {@code env} with pytest-env, which has no fixture, is the tests' bug),
   * and a fixture a plugin dropped (pytest-asyncio 1.0's {@code event_loop}) is a migration for an agent: the plugin's
   * other fixtures in pytest's list show it installed. Two plugins may share a name ({@code snapshot}): the declared one counts.
   */
  private static final Map<String, List<String>> PLUGIN_FIXTURES = Map.ofEntries(
      Map.entry("pytest-mock", List.of("mocker", "class_mocker", "module_mocker", "package_mocker", "session_mocker")),
      Map.entry("pytest-httpbin", List.of("httpbin", "httpbin_secure", "httpbin_both", "httpbin_ca_bundle",
          "class_based_httpbin", "class_based_httpbin_secure")),
      Map.entry("pytest-benchmark", List.of("benchmark", "benchmark_weave")),
      Map.entry("pytest-httpx", List.of("httpx_mock")),
      Map.entry("requests-mock", List.of("requests_mock")),
      Map.entry("respx", List.of("respx_mock")),
      Map.entry("syrupy", List.of("snapshot")),
      Map.entry("pytest-snapshot", List.of("snapshot")),
      Map.entry("pytest-freezer", List.of("freezer")),
      Map.entry("pytest-freezegun", List.of("freezer")),
      Map.entry("time-machine", List.of("time_machine")),
      Map.entry("pytest-aiohttp", List.of("aiohttp_client", "aiohttp_server", "aiohttp_raw_server", "aiohttp_unused_port")),
      Map.entry("pytest-django", List.of("db", "transactional_db", "client", "async_client", "rf", "admin_client", "admin_user",
          "settings", "django_db_blocker", "django_user_model", "live_server", "mailoutbox", "django_assert_num_queries")),
      Map.entry("pytest-datadir", List.of("datadir", "shared_datadir", "original_datadir")),
      Map.entry("pytest-httpserver", List.of("httpserver", "make_httpserver", "httpserver_listen_address")),
      Map.entry("pytest-localserver", List.of("httpserver", "httpsserver", "smtpserver")),
      Map.entry("pytest-xdist", List.of("worker_id", "testrun_uid")),
      Map.entry("pytest-cov", List.of("cov", "no_cover")),
      Map.entry("pytest-qt", List.of("qtbot", "qapp", "qtmodeltester")));

  /**
   * Why the tests could not set up: a fixture of a well-known pytest plugin ({@link #PLUGIN_FIXTURES}) that the project
   * declares and that pytest shows is not installed. Empty when the fixture is no such plugin's, the plugin is loaded (or
   * the output cannot tell), or the prompt names the fixture or the plugin: those are the tests' business, an agent's.
   */
  static Optional<CannotRun.Why> fixturePlugin(List<String> output, java.nio.file.Path packageDir, String asked) {
    for (int i = 0; i < output.size(); i++) {
      String line = output.get(i).strip();
      Matcher m = FIXTURE_MISSING.matcher(line);
      if (!m.find()) {
        continue;
      }
      String fixture = m.group(1) != null ? m.group(1) : m.group(2);
      String error = line.replaceFirst("^E\\s+", "");
      Optional<String> plugin = PLUGIN_FIXTURES.entrySet().stream()
          .filter(e -> e.getValue().contains(fixture) && CannotRun.declaredDependency(packageDir, e.getKey()))
          .map(Map.Entry::getKey).sorted().findFirst();
      if (plugin.isEmpty() || asked.contains(fixture.toLowerCase(java.util.Locale.ROOT)) || asked.contains(plugin.get())
          || !absent(plugin.get(), fixture, output, i)) {
        continue;
      }
      String name = plugin.get();
      if (ownName(packageDir, name)) {
        // pytest-dev/pytest-mock's own tests: the plugin is the project, found only through its installed entry point.
        return Optional.of(new CannotRun.Why("the tests ask for the fixture " + fixture + " of " + name + ", the pytest"
            + " plugin this project is, which pytest loads only once it is installed (" + error + ")",
            "install the project in place with its test dependencies (python3 -m pip install -e .) or name another test command"));
      }
      return Optional.of(new CannotRun.Why("the tests ask for the fixture " + fixture + " of " + name + ", a pytest plugin"
          + " the project depends on that is not installed (" + error + ")",
          "install the project's test dependencies (" + name + " among them) or name another test command"));
    }
    return Optional.empty();
  }

  /**
   * Whether pytest's output shows {@code plugin} not loaded: the header's plugins line does not name it, and the list of
   * available fixtures under the error at {@code at} has none of the plugin's others (the missing one is there when a
   * conftest.py wraps it: its recursion itself says nothing else provides it). No list and no header: nothing to tell.
   */
  private static boolean absent(String plugin, String fixture, List<String> output, int at) {
    String shortName = plugin.startsWith("pytest-") ? plugin.substring("pytest-".length()) : plugin;
    boolean evidence = false;
    for (int i = 0; i < output.size(); i++) {
      String line = output.get(i).strip();
      Matcher p = PLUGINS_LINE.matcher(line);
      if (p.matches()) {
        for (String loaded : p.group(1).split(",\\s*")) {
          String n = loaded.strip().replaceFirst("-\\d[^-]*$", "");
          if (n.equalsIgnoreCase(shortName) || n.equalsIgnoreCase(plugin)) {
            return false;
          }
        }
        evidence = true;
      }
    }
    // The list right under this error (each error prints its own).
    for (int i = at + 1; i < Math.min(output.size(), at + 4); i++) {
      Matcher a = AVAILABLE.matcher(output.get(i).strip());
      if (a.matches()) {
        List<String> available = List.of(a.group(1).split(",\\s*"));
        return PLUGIN_FIXTURES.get(plugin).stream().noneMatch(f -> !f.equals(fixture) && available.contains(f));
      }
    }
    return evidence;
  }

  /** Whether the pyproject.toml or setup.cfg in {@code dir} names the project {@code name}. */
  private static boolean ownName(java.nio.file.Path dir, String name) {
    Pattern own = Pattern.compile("(?mi)^name\\s*=\\s*[\"']?" + Pattern.quote(name) + "[\"']?\\s*$");
    return java.util.stream.Stream.of("pyproject.toml", "setup.cfg")
        .anyMatch(f -> own.matcher(VerifyDetector.readOrEmpty(dir.resolve(f))).find());
  }

  private static Optional<CannotRun.Why> unknownIniOption(List<String> output, String asked) {
    for (String raw : output) {
      Matcher m = UNKNOWN_INI.matcher(raw.strip());
      if (m.find()) {
        String option = m.group(1);
        String plugin = INI_PLUGINS.get(option);
        if (asked.contains(option.toLowerCase(java.util.Locale.ROOT)) || (plugin != null && asked.contains(plugin))) {
          return Optional.empty();
        }
        return Optional.of(new CannotRun.Why("pytest does not know the config option " + option + " (the project's pytest"
            + " configuration makes that an error): it stopped before running any test",
            plugin == null
                // No plugin known to read it: perhaps a typo (timout), which no install would fix.
                ? "check the spelling of " + option + " in the pytest configuration; if it is right, install the pytest plugin"
                    + " that reads it with the project's test dependencies, or name another test command"
                : "install the pytest plugin that reads " + option + " (" + plugin + ") with the project's test dependencies,"
                    + " or name another test command"));
      }
    }
    return Optional.empty();
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
