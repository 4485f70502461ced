package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher on the repository shapes that made verification untrustworthy: a run
 * started in a package folder of a monorepo, a test command that cannot run, an attempt that
 * changes nothing, a question, and a kept patch applied later.
 */
class RepoShapesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;
  Path tools;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    agent("noop", "echo 'looked around; nothing to change'\n");
    agent("answerer", "echo 'The parser reads tokens left to right and builds the tree bottom-up.'\n");
    // Leaves a marker wherever it runs: if it exists, an agent ran.
    agent("marker", "touch \"$ACR_TEST_PIDS/agent-ran\"\necho fixed > value.txt\n");
    tools = tmp.resolve("shapes-tools.json");
    StringBuilder b = new StringBuilder("{\"tools\": [\n");
    // Fixes the src-layout packages of aSrcLayoutPackageIsTestedFromTheTreeNotACopyInstalledElsewhere and
    // anOptionalExtensionsPurePythonFallbackIsTestedFromSrc.
    agent("srcfixer", "sed -i 's/a - b/a + b/' src/*/__init__.py\n");
    // Write the new module of aSrcLayoutProjectsNewModuleIsWrittenNotCalledAMissingDependency, fix the C extension of
    // aCompiledSrcLayoutPackageIsTestedAsTheCommandBuildsIt.
    agent("circlewriter", "printf 'import math\\n\\n\\ndef circle_area(r):\\n    return math.pi * r * r\\n' > src/shapes/circle.py\n");
    agent("cfixer", "sed -i 's/a - b/a + b/' src/fastpkg/_speed.c\n");
    String[] names = {"fixer", "breaker", "noop", "answerer", "marker", "srcfixer", "circlewriter", "cfixer"};
    for (int i = 0; i < names.length; i++) {
      b.append("  {\"name\": \"").append(names[i]).append("\", \"enabled\": true, \"command\": [\"")
          .append(fx.agents.resolve(names[i])).append("\"], \"prompt_mode\": \"append_arg\"}")
          .append(i < names.length - 1 ? ",\n" : "\n");
    }
    Files.writeString(tools, b.append("]}\n").toString());
  }

  private void agent(String name, String body) throws IOException {
    Fixtures.script(fx.agents.resolve(name), body);
  }

  private void write(String file, String text) throws IOException {
    Path p = fx.repo.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Fixtures.Run acr(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--config", tools.toString()));
    all.addAll(List.of(args));
    return plain(all.toArray(String[]::new));
  }

  private Fixtures.Run plain(String... args) throws Exception {
    Process p = fx.startPlain(List.of(args));
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("acr finished").isTrue();
    return fx.collect(p);
  }

  private List<JsonNode> memory() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : fx.memoryLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static String runId(Fixtures.Run r) {
    String last = r.out().lines().filter(l -> l.startsWith("run ")).reduce((a, b) -> b).orElseThrow();
    return last.substring(4, last.indexOf(':'));
  }

  @Test
  void fromAPackageOfAnNpmWorkspacesMonorepoItsOwnTestsRunInItsFolder() throws Exception {
    assumeTrue(Fixtures.onPath("npm"), "npm is needed to run package.json test scripts");
    write("package.json", "{\"name\": \"mono\", \"private\": true, \"workspaces\": [\"packages/*\"],"
        + " \"scripts\": {\"test\": \"echo every package is tested here, and b fails; exit 1\"}}\n");
    write("packages/a/package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"sh check.sh\"}}\n");
    write("packages/a/check.sh", "pwd >> \"$ACR_TEST_PIDS/tests-ran-in.txt\"\ngrep -qx fixed value.txt\n");
    write("packages/a/value.txt", "broken\n");
    write("packages/a/index.js", "module.exports = 1;\n");
    write("packages/b/package.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"exit 1\"}}\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "monorepo");
    fx.cwd = fx.repo.resolve("packages/a");

    Fixtures.Run dry = acr("--dry-run", "--chain", "fixer", "fix the failing test");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("package    packages/a (package.json); the agent and the tests run there")
        .containsPattern("(?m)^verify\\s+npm test\\s+\\(detected: package\\.json\\)$")
        .contains("language javascript")
        .contains("baseline   not run in a dry run");

    Fixtures.Run r = acr("--chain", "fixer", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(fx.read("packages/a/value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read("value.txt")).as("the root's file is not the package's").isEqualTo("broken\n");
    // The baseline and the attempt ran in the package's folder of a worktree; the recheck, last, in the user's.
    List<String> ranIn = Files.readAllLines(tmp.resolve("pids/tests-ran-in.txt"));
    assertThat(ranIn.subList(0, ranIn.size() - 1)).isNotEmpty().allMatch(l -> l.startsWith(fx.home + "/worktrees/") && l.endsWith("/1/packages/a"));
    assertThat(ranIn.get(ranIn.size() - 1)).endsWith("/repo/packages/a");
    assertThat(r.err()).contains("baseline: running npm test in packages/a");
    List<JsonNode> mem = memory();
    assertThat(mem).extracting(n -> n.get("status").asText()).containsExactly("verified");
    assertThat(mem.get(0).get("language").asText()).isEqualTo("javascript");
    assertThat(mem.get(0).get("prompt_chars").asInt()).as("the prompt's length, for the policy").isEqualTo("fix the failing test".length());
  }

  @Test
  void fromASubfolderOfAPythonPackageConfigAndToolsAreFoundUpward() throws Exception {
    write("services/api/setup.py", "from setuptools import setup\nsetup(name='api')\n");
    write("services/api/api/__init__.py", "");
    write("services/api/value.txt", "broken\n");
    write("services/api/test_api.py", "import os, unittest\n\nclass T(unittest.TestCase):\n"
        + "    def test_value(self):\n        open(os.environ['ACR_TEST_PIDS'] + '/tests-ran-in.txt', 'a').write(os.getcwd() + '\\n')\n"
        + "        self.assertEqual(open('value.txt').read(), 'fixed\\n')\n");
    write("services/web/setup.py", "from setuptools import setup\nsetup(name='web')\n");
    write("services/web/test_web.py", "import unittest\n\nclass T(unittest.TestCase):\n"
        + "    def test_fails(self):\n        self.fail('a sibling package')\n");
    write(".acr/config.json", "{\"verify\": \"python3 -m unittest -q\"}\n");
    Files.copy(tools, fx.repo.resolve(".acr/tools.json"));
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "python services");
    fx.cwd = fx.repo.resolve("services/api/api");
    String realRepo = fx.repo.toRealPath().toString();

    Fixtures.Run dry = plain("--dry-run", "--chain", "fixer", "fix the failing api test");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("package    services/api (setup.py); the agent and the tests run there")
        .containsPattern("(?m)^verify\\s+python3 -m unittest -q\\s+\\(\\.acr/config\\.json\\)$")
        .contains("config     " + realRepo + "/.acr/tools.json")
        .contains("repo config: " + realRepo + "/.acr/config.json (the nearest .acr/config.json)")
        .contains("language python");

    Fixtures.Run r = plain("--chain", "fixer", "fix the failing api test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(fx.read("services/api/value.txt")).isEqualTo("fixed\n");
    assertThat(fx.repo.resolve("services/api/api/value.txt")).doesNotExist();
    List<String> ranIn = Files.readAllLines(tmp.resolve("pids/tests-ran-in.txt"));
    assertThat(ranIn.subList(0, ranIn.size() - 1)).isNotEmpty().allMatch(l -> l.startsWith(fx.home + "/worktrees/") && l.endsWith("/1/services/api"));
    assertThat(ranIn.get(ranIn.size() - 1)).endsWith("/repo/services/api");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("verified");
  }

  private void assertStoppedBeforeAnyAgent(Fixtures.Run r, String why) throws IOException {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    List<String> problems = r.err().lines().filter(l -> !l.startsWith("acr: baseline: running")).toList();
    assertThat(problems).as(r.err()).hasSize(1);
    assertThat(problems.get(0)).startsWith("acr: the test command '").contains("cannot run").contains(why)
        .contains("No agent was run and nothing was recorded");
    assertThat(tmp.resolve("pids/agent-ran")).as("no agent ran").doesNotExist();
    assertThat(fx.memoryLines()).as("nothing recorded").isEmpty();
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
  }

  @Test
  void aTestCommandThatIsNotFoundStopsBeforeAnyAgent() throws Exception {
    Fixtures.Run r = acr("--chain", "marker,fixer", "--verify", "no-such-test-runner-xyz --all", "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "no-such-test-runner-xyz: not found");
  }

  @Test
  void aMissingTestModuleStopsBeforeAnyAgent() throws Exception {
    Fixtures.Run r = acr("--chain", "marker,fixer", "--verify", "python3 -m no_such_runner_xyz", "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "No module named no_such_runner_xyz");
  }

  @Test
  void aTestCommandThatRunsNoTestsStopsBeforeAnyAgent() throws Exception {
    // Python 3.11's unittest over pytest-style files: exit 0, "Ran 0 tests", "OK".
    Fixtures.Run r = acr("--chain", "marker,fixer", "--verify", "echo 'Ran 0 tests in 0.000s'; echo OK", "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "it ran none (Ran 0 tests in 0.000s)");
  }

  @Test
  void writingTheFirstTestsIsNotStoppedByATestCommandThatRunsNoneYet() throws Exception {
    // The agent writes no test either: its attempt must not verify on "Ran 0 tests".
    Fixtures.Run r = acr("--chain", "marker", "--verify", "echo 'Ran 0 tests in 0.000s'; echo OK",
        "add unit tests for the value parser");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("acr: baseline: the test command ran no tests yet (Ran 0 tests in 0.000s)");
    assertThat(tmp.resolve("pids/agent-ran")).as("the agent ran").exists();
    assertThat(fx.memoryLines()).singleElement().asString().contains("\"status\":\"failed\"");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
  }

  /**
   * pallets/flask on a machine where another copy of Flask was installed: python -m puts only the folder it runs in
   * on sys.path, so the tests imported that copy, and no change to src/ could make them pass or fail.
   */
  @Test
  void aSrcLayoutPackageIsTestedFromTheTreeNotACopyInstalledElsewhere() throws Exception {
    assumeTrue(Fixtures.onPath("python3"), "python3 runs the package's unittest suite");
    write("pyproject.toml", "[project]\nname = \"calc\"\nversion = \"1.0\"\n");
    write("src/calc/__init__.py", "def add(a, b):\n    return a - b\n");
    write("tests/test_calc.py", "import unittest\nfrom calc import add\n\n\nclass AddTest(unittest.TestCase):\n"
        + "    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "calc, src layout");
    // The copy installed elsewhere, correct: with it first, the baseline passed and any change would have verified.
    Path site = Files.createDirectories(tmp.resolve("site/calc"));
    Files.writeString(site.resolve("__init__.py"), "def add(a, b):\n    return a + b\n");
    fx.extraEnv.put("PYTHONPATH", tmp.resolve("site").toString());
    Fixtures.Run r = acr("--chain", "noop,srcfixer", "--verify", "python3 -m unittest discover -s tests", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("acr: baseline: tests fail (exit 1)").contains("attempt 1 noop: no_change")
        .contains("attempt 2 srcfixer: verified");
    assertThat(fx.read("src/calc/__init__.py")).contains("a + b");
    Fixtures.Run dry = acr("--dry-run", "--verify", "python3 -m unittest discover -s tests", "fix the failing test");
    assertThat(dry.out()).contains("the tests import src/ first (PYTHONPATH)");
  }

  /** A test written first for a new module of a src-layout project: the module is the project's own, not a dependency. */
  @Test
  void aSrcLayoutProjectsNewModuleIsWrittenNotCalledAMissingDependency() throws Exception {
    assumeTrue(Fixtures.onPath("python3"), "python3 runs the package's unittest suite");
    write("pyproject.toml", "[project]\nname = \"shapes\"\nversion = \"1.0\"\n");
    write("src/shapes/__init__.py", "");
    write("tests/test_circle.py", "import math\nimport unittest\n\nfrom shapes.circle import circle_area\n\n\n"
        + "class CircleTest(unittest.TestCase):\n    def test_area(self):\n        self.assertEqual(circle_area(1), math.pi)\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "shapes, a test first");
    Fixtures.Run r = acr("--chain", "circlewriter", "--verify", "python3 -m unittest discover -s tests",
        "add a circle module with circle_area(r) so the new test passes");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).doesNotContain("a dependency of the project").contains("attempt 1 circlewriter: verified");
    assertThat(fx.read("src/shapes/circle.py")).contains("math.pi");
  }

  /**
   * A compiled extension in a src layout: its build is ignored by git, so each attempt's worktree lacks it. With src/
   * put first on PYTHONPATH the tests imported the unbuilt src/fastpkg, not the build the user's command makes, and a
   * correct fix failed ("cannot import name '_speed' from partially initialized module 'fastpkg'").
   */
  @Test
  void aCompiledSrcLayoutPackageIsTestedAsTheCommandBuildsIt() throws Exception {
    assumeTrue(Fixtures.onPath("python3") && Fixtures.onPath("cc"), "python3 and a C compiler build the extension");
    Process probe = new ProcessBuilder("python3", "-c", "import os, setuptools, sysconfig;"
        + " raise SystemExit(0 if os.path.isfile(os.path.join(sysconfig.get_paths()['include'], 'Python.h')) else 1)")
        .redirectErrorStream(true).start();
    probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assumeTrue(probe.waitFor() == 0, "setuptools and Python's headers build the extension");
    write("setup.py", "from setuptools import Extension, setup\nsetup(name='fastpkg', version='1.0', package_dir={'': 'src'},"
        + " packages=['fastpkg'], ext_modules=[Extension('fastpkg._speed', ['src/fastpkg/_speed.c'])])\n");
    write("src/fastpkg/__init__.py", "from . import _speed\n");
    write("src/fastpkg/_speed.c", "#include <Python.h>\nstatic PyObject *add(PyObject *self, PyObject *args) {\n"
        + "  long a, b;\n  if (!PyArg_ParseTuple(args, \"ll\", &a, &b)) return NULL;\n  return PyLong_FromLong(a - b);\n}\n"
        + "static PyMethodDef M[] = {{\"add\", add, METH_VARARGS, \"\"}, {NULL, NULL, 0, NULL}};\n"
        + "static struct PyModuleDef D = {PyModuleDef_HEAD_INIT, \"_speed\", NULL, -1, M};\n"
        + "PyMODINIT_FUNC PyInit__speed(void) { return PyModule_Create(&D); }\n");
    write("tests/test_add.py", "import unittest\n\nfrom fastpkg import _speed\n\n\n"
        + "class AddTest(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(_speed.add(2, 3), 5)\n");
    write(".gitignore", "*.so\nbuild/\n*.egg-info/\n__pycache__/\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "fastpkg, a C extension");
    // The command builds the package where PYTHONPATH points (as an install would into site-packages), then tests it;
    // --force, as distutils compares whole seconds and the attempt follows the baseline within one.
    Path site = Files.createDirectories(tmp.resolve("site"));
    fx.extraEnv.put("PYTHONPATH", site.toString());
    String build = "python3 setup.py -q build --force --build-lib \"$PYTHONPATH\" >/dev/null 2>&1 && python3 -m unittest discover -s tests";
    Fixtures.Run r = acr("--chain", "cfixer", "--verify", build, "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("attempt 1 cfixer: verified");
    assertThat(fx.read("src/fastpkg/_speed.c")).contains("a + b");
    // The default command does not build it: src/ goes first all the same, and the dry run names a command that builds it.
    Fixtures.Run dry = acr("--dry-run", "fix the failing test");
    assertThat(dry.out()).contains("the tests import src/ first (PYTHONPATH)").contains("the package is compiled (setup.py has ext_modules)")
        .contains("--verify \"python3 setup.py build_ext --inplace && python3 -m pytest -q\"");
  }

  private void optionalExtension(boolean optional) throws Exception {
    write("pyproject.toml", "[project]\nname = \"mypkg\"\nversion = \"1.0\"\n");
    write("setup.py", "from setuptools import Extension, setup\nsetup(package_dir={'': 'src'}, packages=['mypkg'],"
        + " ext_modules=[Extension('mypkg._speed', ['src/mypkg/_speed.c'], optional=" + (optional ? "True" : "False") + ")])\n");
    write("src/mypkg/__init__.py", optional
        ? "try:\n    from ._speed import add\nexcept ImportError:\n    def add(a, b):\n        return a - b\n"
        : "from ._speed import add\n");
    write("src/mypkg/_speed.c", "#include <Python.h>\n/* add(a, b), in C */\n");
    write("tests/test_add.py", "import unittest\n\nfrom mypkg import add\n\n\n"
        + "class AddTest(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n");
    write(".gitignore", "*.so\nbuild/\n*.egg-info/\n__pycache__/\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "mypkg, a C extension");
  }

  /**
   * An optional extension with a pure-Python fallback (MarkupSafe, wrapt), nothing built or installed: the tests
   * import src/'s fallback. Skipping src/ for a compiled package made them import nothing ("No module named
   * 'mypkg'"), read as failing as expected, and the correct fix failed.
   */
  @Test
  void anOptionalExtensionsPurePythonFallbackIsTestedFromSrc() throws Exception {
    assumeTrue(Fixtures.onPath("python3"), "python3 runs the package's unittest suite");
    optionalExtension(true);
    Fixtures.Run r = acr("--chain", "srcfixer", "--verify", "python3 -m unittest discover -s tests", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("acr: baseline: tests fail (exit 1)").contains("attempt 1 srcfixer: verified");
    assertThat(fx.read("src/mypkg/__init__.py")).contains("a + b");
  }

  /** An extension without a fallback, not built: no agent could make the tests import it, and acr says what builds it. */
  @Test
  void anUnbuiltExtensionStopsBeforeAnyAgentNamingItsBuild() throws Exception {
    assumeTrue(Fixtures.onPath("python3"), "python3 runs the package's unittest suite");
    optionalExtension(false);
    Fixtures.Run r = acr("--chain", "marker,fixer", "--verify", "python3 -m unittest discover -s tests", "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "mypkg._speed is the project's compiled extension, which a clean checkout does not have built;"
        + " name a test command that builds it first, e.g. --verify \"python3 setup.py build_ext --inplace && python3 -m pytest -q\"");
  }

  @Test
  void aMissingJestStopsBeforeAnyAgent() throws Exception {
    assumeTrue(Fixtures.onPath("npm"), "npm is needed to run package.json test scripts");
    write("package.json", "{\"name\": \"p\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "jest, not installed");
    Fixtures.Run r = acr("--chain", "marker,fixer", "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "jest: not found");
  }

  /** cashapp/turbine offline: the detected ./gradlew cannot download Gradle (its wrapper's own words, replayed). */
  @Test
  void aGradleWrapperThatCannotGetGradleStopsBeforeAnyAgent() throws Exception {
    write("build.gradle", "plugins { id 'java' }\n");
    Fixtures.script(fx.repo.resolve("gradlew"), "echo 'Downloading https://services.gradle.org/distributions/gradle-8.10.2-bin.zip'\n"
        + "echo 'Exception in thread \"main\" java.net.UnknownHostException: services.gradle.org' >&2\n"
        + "printf '\\tat org.gradle.wrapper.Install.forceFetch(SourceFile:2)\\n' >&2\nexit 1\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "gradle wrapper");
    Fixtures.Run r = acr("--chain", "marker,fixer", "fix the failing test");
    assertThat(r.err()).contains("acr: baseline: running ./gradlew test (detected: build.gradle)");
    assertStoppedBeforeAnyAgent(r, "the Gradle wrapper could not get the Gradle that gradle/wrapper/gradle-wrapper.properties names"
        + " (java.net.UnknownHostException: services.gradle.org)");
  }

  /** piotrmurach/tty-color before bundle install: bundler's own words, from a stand-in bundle on PATH. */
  @Test
  void aGemfileWhoseGemsAreNotInstalledStopsBeforeAnyAgent() throws Exception {
    write("Gemfile", "source \"https://rubygems.org\"\ngemspec\ngem \"yardstick\", \"~> 0.9.9\"\n");
    write(".rspec", "--require spec_helper\n");
    write("spec/color_spec.rb", "RSpec.describe 1 do end\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "a gem");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Fixtures.script(bin.resolve("bundle"), "echo \"bundler: failed to load command: rspec (/usr/bin/rspec)\" >&2\n"
        + "echo \"resolver.rb:271:in 'verify': Could not find gem 'yardstick (~> 0.9.9)' in locally installed gems."
        + " (Bundler::GemNotFound)\" >&2\nexit 1\n");
    fx.extraEnv.put("PATH", bin + ":" + System.getenv("PATH"));
    Fixtures.Run r = acr("--chain", "marker,fixer", "fix the failing test");
    assertThat(r.err()).contains("acr: baseline: running bundle exec rspec (detected: .rspec)");
    assertStoppedBeforeAnyAgent(r, "the gem yardstick (~> 0.9.9) that the Gemfile asks for is not installed; run bundle install");
  }

  /** redis/ioredis with no Redis up: mocha prints only a hook timeout; its test/docker-compose.yml says what is missing. */
  @Test
  void testsWhoseComposeServicesAreAllDownStopBeforeAnyAgent() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    write("test/docker-compose.yml", "services:\n  single:\n    image: redis:7\n    ports:\n      - " + closed + ":6379\n");
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "test services");
    Fixtures.Run r = acr("--chain", "marker,fixer", "--verify", "echo '1) \"after each\" hook: Error: Timeout of 8000ms exceeded.'; exit 1",
        "fix the failing test");
    assertStoppedBeforeAnyAgent(r, "the tests' services in test/docker-compose.yml are not running (nothing listens on localhost:"
        + closed + "); start them (docker compose -f test/docker-compose.yml up -d --wait)");
  }

  @Test
  void anAttemptThatChangesNothingIsNotVerifiedAndEscalates() throws Exception {
    String always = "grep -q . value.txt";
    Fixtures.Run r = acr("--chain", "noop,fixer", "--verify", always, "fix the failing test in value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("the tests already pass before any change");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("no_change", "verified");
    assertThat(memory().get(0).get("resolved").asBoolean()).isFalse();
    assertThat(r.out()).doesNotContain("applied to your working tree ()").contains("applied to your working tree (value.txt)");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");

    fx.git("checkout", "--", "value.txt");
    Fixtures.Run alone = acr("--chain", "noop", "--verify", always, "fix the failing test in value.txt");
    assertThat(alone.exit()).as(alone.out() + alone.err()).isEqualTo(1);
    assertThat(alone.out()).contains("not verified").doesNotContain("applied to your working tree");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("no_change", "verified", "no_change");
  }

  @Test
  void aQuestionIsAnsweredNotApplied() throws Exception {
    String before = fx.git("status", "--porcelain");
    Fixtures.Run r = acr("--chain", "answerer", "--verify", "sh check.sh", "explain how the parser works");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("The parser reads tokens left to right and builds the tree bottom-up.")
        .contains("answered by answerer").doesNotContain("verified").doesNotContain("applied to your working tree (");
    assertThat(r.err()).as("a question needs no baseline").doesNotContain("baseline:");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("answered");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(before);
    String explain = plain("explain", "last").out();
    assertThat(explain).contains("answer").contains("The parser reads tokens left to right");
  }

  @Test
  void aKeptPatchIsAppliedLaterOrRefusedWithoutTouchingTheTree() throws Exception {
    Fixtures.Run r = acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    String id = runId(r);
    assertThat(r.out()).contains("apply it with: acr apply " + id + " 1");

    Files.writeString(fx.repo.resolve("value.txt"), "my own edit\n");
    String before = fx.git("status", "--porcelain");
    Fixtures.Run refused = plain("apply", id, "1");
    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.err()).contains("was not applied: the change does not apply to your working tree").contains("nothing was modified");
    assertThat(fx.read("value.txt")).isEqualTo("my own edit\n");
    assertThat(fx.repo.resolve("junk.txt")).doesNotExist();
    assertThat(fx.git("status", "--porcelain")).isEqualTo(before);

    fx.git("checkout", "--", "value.txt");
    Fixtures.Run applied = plain("apply", id, "1");
    assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
    assertThat(applied.out()).startsWith("applied attempt 1 of run " + id + " to your working tree (");
    assertThat(fx.read("value.txt")).isEqualTo("worse\n");
    assertThat(fx.read("junk.txt")).isEqualTo("junk\n");
    assertThat(fx.git("diff", "--cached", "--name-only")).as("nothing staged").isEmpty();
  }
}
