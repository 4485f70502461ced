package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher on the shape of python-humanize/humanize as a uv user has it (docs/real-repos-2026-12-06.md,
 * 2026-12-07 tenth session): a src layout whose package imports the {@code _version.py} its build wrote, ignored by
 * git, and a dependency installed only in the project's {@code .venv}, which the user never activated. Before, the
 * run stopped before any agent ("No module named 'venvdep' … install the project's dependencies") and, with the
 * dependency on hand, every attempt failed on the version file its worktree lacked.
 */
class PythonVenvIT extends StandInTrials {

  @Test
  void aUvProjectsTestsRunInItsVenvWithItsVersionFile() throws Exception {
    uvProject();
    fx.extraEnv.put("VIRTUAL_ENV", ""); // none active, whatever runs these tests
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M src/calc/ops.py\n?? NOTES.md\n");

    // The breaker says which environment it got: the agents run in the project's too.
    breakerRuns("echo \"agent in $VIRTUAL_ENV\"; python3 -c 'import venvdep' && sed -i 's/a - b/a * b/' src/calc/ops.py");
    Fixtures.Run dry = acr("--dry-run", "--chain", "sed-breaker,sed-fixer", "fix the failing test");
    assertThat(dry.out()).contains("the agents and the tests run in the project's virtual environment .venv (not active here)");

    breakerThenFixerVerifies("python", "python3 -m unittest\\s+\\(detected: pyproject\\.toml\\)", "src/calc/ops.py", "a + b");
    verifyLogSays("baseline", "FAIL: test_adds (test_ops.AddTest");
    try (Stream<Path> logs = Files.walk(fx.home)) {
      assertThat(logs.filter(p -> p.endsWith("attempt-1/stdout.log")).findFirst()).hasValueSatisfying(log ->
          assertThat(log).content().containsPattern("agent in /.*/\\.venv\n"));
    }
    assertThat(fx.read("src/calc/_version.py")).isEqualTo("__version__ = '1.0'\n");
  }

  /**
   * What uv sync leaves: the project, its environment with the dependency, and the version file written from git. The
   * user's bug is uncommitted; returns the environment's site-packages.
   */
  private Path uvProject() throws Exception {
    write("pyproject.toml", "[project]\nname = \"calc\"\ndynamic = [\"version\"]\ndependencies = [\"venvdep\"]\n");
    write("uv.lock", "version = 1\n");
    write(".gitignore", "__pycache__/\n.venv/\nsrc/*/_version.py\n");
    write("src/calc/__init__.py", "from ._version import __version__\n");
    write("src/calc/ops.py", "def add(a, b):\n    return a + b\n");
    write("test_ops.py", "import unittest\n\nfrom venvdep import TWO\n\nfrom calc.ops import add\n\n\n"
        + "class AddTest(unittest.TestCase):\n    def test_adds(self):\n        self.assertEqual(add(TWO, 3), 5)\n\n"
        + "    def test_adds_negatives(self):\n        self.assertEqual(add(-1, -3), -4)\n");
    commitThenBreak("src/calc/ops.py", "a + b", "a - b", "a * b");
    Process venv = new ProcessBuilder("python3", "-m", "venv", "--without-pip", fx.repo.resolve(".venv").toString())
        .inheritIO().start();
    assertThat(venv.waitFor(120, TimeUnit.SECONDS) && venv.exitValue() == 0).as("python3 -m venv").isTrue();
    Path site;
    try (Stream<Path> sites = Files.find(fx.repo.resolve(".venv/lib"), 2, (p, a) -> p.endsWith("site-packages"))) {
      site = sites.findFirst().orElseThrow();
    }
    Files.writeString(site.resolve("venvdep.py"), "TWO = 2\n");
    write("src/calc/_version.py", "__version__ = '1.0'\n");
    return site;
  }

  /**
   * An agent that installs into the environment its worktree shares with the user's tree, as {@code pip install -e .}
   * and {@code uv sync} do there: the user's editable install is pointed at the worktree, a package added, a
   * dependency rewritten. Before, all of it stayed in the user's {@code .venv}: their project imported acr's
   * worktree from then on, and here the fixer after it failed on the rewritten dependency.
   */
  @Test
  void whatAnAgentInstallsIntoTheSharedVenvIsPutBack() throws Exception {
    Path site = uvProject();
    Files.writeString(site.resolve("_calc.pth"), fx.repo.resolve("src") + "\n");
    fx.extraEnv.put("VIRTUAL_ENV", "");
    breakerRuns("site=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')\n"
        + "echo \"$PWD/src\" > \"$site/_calc.pth\"\n"
        + "mkdir -p \"$site/extra-1.0.dist-info\" && echo 'Name: extra' > \"$site/extra-1.0.dist-info/METADATA\"\n"
        + "echo 'TWO = 3' > \"$site/venvdep.py\"\n"
        + "sed -i 's/a - b/a * b/' src/calc/ops.py");

    Fixtures.Run r = acr("--chain", "sed-breaker,sed-fixer", "fix the failing test");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("attempt 1 sed-breaker: it changed your .venv (_calc.pth, extra-1.0.dist-info,"
        + " venvdep.py), which its worktree shares with your tree; acr put it back as it was");
    assertThat(site.resolve("_calc.pth")).hasContent(fx.repo.resolve("src").toString());
    assertThat(site.resolve("venvdep.py")).hasContent("TWO = 2");
    assertThat(site.resolve("extra-1.0.dist-info")).doesNotExist();
    assertThat(fx.read("src/calc/ops.py")).contains("a + b");
    assertThat(fx.git("status", "--porcelain")).isEqualTo("?? NOTES.md\n");
  }

  /**
   * A change that works only with what its agent installed: it passes in the attempt, the install is taken back, the
   * recheck fails in the user's tree, and acr says what the change may need.
   */
  @Test
  void aChangeThatNeedsWhatWasTakenBackSaysSo() throws Exception {
    uvProject();
    fx.extraEnv.put("VIRTUAL_ENV", "");
    breakerRuns("site=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')\n"
        + "printf 'def plus(a, b):\\n    return a + b\\n' > \"$site/mathhelp.py\"\n"
        + "printf 'from mathhelp import plus\\n\\ndef add(a, b):\\n    return plus(a, b)\\n' > src/calc/ops.py");

    Fixtures.Run r = acr("--chain", "sed-breaker", "fix the failing test");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).containsPattern("attempt 1 sed-breaker: its change may need what was installed into \\.venv"
        + " \\(mathhelp\\.py\\), which acr took back: install what it needs, then apply it \\(acr apply \\S+ 1\\)");
    assertThat(fx.read("src/calc/ops.py")).contains("a - b");
    assertThat(fx.memoryLines()).singleElement().asString().contains("\"status\":\"acr_error\"");
  }

  /**
   * A test command that installs the project from where it runs, as {@code pip install -e . && pytest} does: the
   * baseline's run of it, in a worktree, pointed the user's environment at that worktree for good.
   */
  @Test
  void theBaselinesInstallIsPutBackToo() throws Exception {
    Path site = uvProject();
    Files.writeString(site.resolve("_calc.pth"), fx.repo.resolve("src") + "\n");
    fx.extraEnv.put("VIRTUAL_ENV", "");
    String install = "python3 -c \"import os, sysconfig; open(os.path.join(sysconfig.get_paths()['purelib'],"
        + " '_calc.pth'), 'w').write(os.getcwd() + '/src')\"";

    Fixtures.Run r = acr("--verify", install + " && python3 -m unittest", "--chain", "sed-breaker", "fix the failing test");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("baseline: it changed your .venv (_calc.pth), which its worktree shares with your tree;"
        + " acr put it back as it was", "attempt 1 sed-breaker: it changed your .venv (_calc.pth)");
    assertThat(site.resolve("_calc.pth")).hasContent(fx.repo.resolve("src").toString());
  }
}
