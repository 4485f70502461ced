package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonSrcLayoutTest {

  @TempDir Path dir;

  private void write(String rel, String text) throws Exception {
    Files.createDirectories(dir.resolve(rel).getParent());
    Files.writeString(dir.resolve(rel), text);
  }

  @Test
  void aPackageUnderSrcOfAPythonProjectGoesFirstOnPythonPath() throws Exception {
    write("pyproject.toml", "[project]\nname = \"Flask\"\n");
    write("src/flask/__init__.py", "");
    assertThat(PythonSrcLayout.sources(dir)).contains(dir.resolve("src"));
    String src = dir.resolve("src").toAbsolutePath().normalize().toString();
    assertThat(PythonSrcLayout.environment(dir, Map.of("PATH", "/bin")))
        .containsEntry("PYTHONPATH", src).containsEntry("PATH", "/bin");
    assertThat(PythonSrcLayout.environment(dir, Map.of("PYTHONPATH", "/opt/lib")))
        .containsEntry("PYTHONPATH", src + File.pathSeparator + "/opt/lib");
  }

  @Test
  void aNamespacePackageCountsToo() throws Exception {
    write("setup.cfg", "[metadata]\nname = opentelemetry-api\n");
    write("src/opentelemetry/trace/__init__.py", "");
    assertThat(PythonSrcLayout.sources(dir)).isPresent();
  }

  @Test
  void notASrcLayout() throws Exception {
    write("src/flask/__init__.py", "");
    assertThat(PythonSrcLayout.sources(dir)).as("no Python manifest").isEmpty();
    write("pyproject.toml", "[project]\nname = \"app\"\n");
    write("src/__init__.py", "");
    assertThat(PythonSrcLayout.sources(dir)).as("src is itself a package, imported as src.flask").isEmpty();
    Files.delete(dir.resolve("src/__init__.py"));
    Files.delete(dir.resolve("src/flask/__init__.py"));
    write("src/logging.py", "");
    write("src/scripts/run.sh", "");
    assertThat(PythonSrcLayout.sources(dir)).as("loose scripts, which could shadow the standard library").isEmpty();
    assertThat(PythonSrcLayout.environment(dir, Map.of("PATH", "/bin"))).doesNotContainKey("PYTHONPATH");
  }

  /** The tests import the files under test, not another copy of the package that PYTHONPATH or site-packages holds. */
  @Test
  void theVerifierImportsTheTreesCopy() throws Exception {
    write("pyproject.toml", "[project]\nname = \"calc\"\n");
    write("src/calc/__init__.py", "VALUE = 2\n");
    write("installed/calc/__init__.py", "VALUE = 1\n");
    VerifyResult r = new Verifier().run(new VerifyCommand(
            "python3 -c 'import calc, sys; print(calc.__file__); sys.exit(0 if calc.VALUE == 2 else 1)'", "--verify"),
        dir, Duration.ofSeconds(60), Map.of("PATH", System.getenv("PATH"), "PYTHONPATH", dir.resolve("installed").toString()),
        dir.resolve("logs/verify.log"));
    assertThat(r.tail()).contains("src/calc/__init__.py");
    assertThat(r.passed()).isTrue();
  }

  /** pytest-dev/pytest: src/_pytest/_version.py is written by setuptools-scm at build time and ignored. */
  @Test
  void aModuleTheBuildWritesIsNamedAsSuch() throws Exception {
    write("pyproject.toml", "[project]\nname = \"pytest\"\n");
    write(".gitignore", "# generated\nsrc/_pytest/_version.py\n.tox/\n");
    write("src/_pytest/__init__.py", "from ._version import version\n");
    assertThat(PythonSrcLayout.generatedModule("_pytest._version", dir, dir)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("the tests import _pytest._version, which the project's build writes"
          + " (src/_pytest/_version.py is ignored by git, so a clean checkout, as each attempt's worktree is, lacks it)");
      assertThat(w.todo()).startsWith("name a test command that works from a clean checkout");
    });
    assertThat(CannotRun.check(2, java.util.List.of("E   ModuleNotFoundError: No module named '_pytest._version'"), dir, dir,
        "fix the failing test")).map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).contains("the project's build writes"));
    // A module of its own that git does not ignore is code to write or fix: the agent's business.
    assertThat(PythonSrcLayout.generatedModule("_pytest.approx", dir, dir)).isEmpty();
    assertThat(PythonSrcLayout.generatedModule("_version", dir, dir)).isEmpty();
    // Not a src layout: an ignored module there is as often the user's own (Django's local_settings.py).
    write("mysite/settings.py", "from .local_settings import *\n");
    write(".gitignore", "local_settings.py\n");
    Files.delete(dir.resolve("src/_pytest/__init__.py"));
    assertThat(PythonSrcLayout.generatedModule("mysite.local_settings", dir, dir)).isEmpty();
  }
}
