package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonSrcLayoutTest {

  private static final String PYTEST = "python3 -m pytest -q";

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
    assertThat(PythonSrcLayout.environment(PYTEST, dir, Map.of("PATH", "/bin")))
        .containsEntry("PYTHONPATH", src).containsEntry("PATH", "/bin");
    assertThat(PythonSrcLayout.environment(PYTEST, dir, Map.of("PYTHONPATH", "/opt/lib")))
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
    assertThat(PythonSrcLayout.environment(PYTEST, dir, Map.of("PATH", "/bin"))).doesNotContainKey("PYTHONPATH");
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

  /**
   * pytest-dev/pytest: src/_pytest/_version.py is written by setuptools-scm at build time and ignored; the user's tree
   * lacks it too (a tree that has it gives each worktree a copy: git/PythonVersionFiles).
   */
  @Test
  void aModuleTheBuildWritesIsNamedAsSuch() throws Exception {
    new ProcessBuilder("git", "init", "-q", dir.toString()).start().waitFor();
    write("pyproject.toml", "[project]\nname = \"pytest\"\n");
    write(".gitignore", "# generated\nsrc/_pytest/_version.py\n.tox/\n");
    write("src/_pytest/__init__.py", "from ._version import version\n");
    assertThat(PythonSrcLayout.generatedModule("_pytest._version", dir, dir)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("the tests import _pytest._version, which the project's build writes"
          + " (src/_pytest/_version.py is ignored by git, so a clean checkout, as each attempt's worktree is, lacks it)");
      assertThat(w.todo()).startsWith("install the project once in your tree (e.g. python3 -m pip install -e .), which")
          .contains("acr copies it into each attempt's worktree");
    });
    // python-humanize/humanize ignores it by a pattern, and keeps its lock for uv.
    write(".gitignore", "src/*/_version.py\n");
    write("uv.lock", "version = 1\n");
    assertThat(PythonSrcLayout.generatedModule("_pytest._version", dir, dir)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("install the project once in your tree (e.g. uv sync)"));
    // Another module the build writes is not copied: the test command must make it.
    write(".gitignore", "src/_pytest/_generated.py\n");
    assertThat(PythonSrcLayout.generatedModule("_pytest._generated", dir, dir)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("name a test command that works from a clean checkout"));
    write(".gitignore", "# generated\nsrc/_pytest/_version.py\n.tox/\n");
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

  /** The commands that install the project or set PYTHONPATH run as given; those that install its dependencies do not. */
  @Test
  void aCommandThatInstallsTheProjectIsNotPointedAtSrc() throws Exception {
    write("setup.py", "from setuptools import setup\nsetup(name='fastpkg', package_dir={'': 'src'}, packages=['fastpkg'])\n");
    write("src/fastpkg/__init__.py", "");
    String install = "python setup.py -q install >/dev/null 2>&1 && python -m pytest -q -p no:cacheprovider";
    assertThat(PythonSrcLayout.environment(install, dir, Map.of("PATH", "/bin"))).doesNotContainKey("PYTHONPATH");
    for (String builds : List.of("pip install -e . && pytest", "python3 -m pip install . && pytest", "pip install -e ./lib && pytest",
        "pip install -q -e .[test] && pytest", "pip install --editable=. && pytest", "uv pip install /src/fastpkg && pytest",
        "tox -e py311", "python3 -m tox", "cd . && nox -s tests", "python setup.py develop && pytest",
        "python3 setup.py build --build-lib \"$PYTHONPATH\" && pytest", "PYTHONPATH=lib pytest", "maturin develop && pytest",
        "uv sync && uv run pytest", "poetry install && poetry run pytest", "python3 -m build && pytest")) {
      assertThat(PythonSrcLayout.skipped(builds, dir)).as(builds).isPresent();
    }
    for (String runs : List.of(PYTEST, "pip install -r requirements.txt && pytest", "pip install -q -r requirements.txt && python3 -m pytest -q",
        "python3 -m pip install --requirement requirements-dev.txt pytest-cov && pytest", "pip install -c constraints.txt hypothesis && pytest",
        "pytest -c tox.ini", "python3 -m pytest -q -c tox.ini", "pytest tests/test_noxfile.py", "python3 -m pytest tests/test_setup_py.py",
        "python setup.py test")) {
      assertThat(PythonSrcLayout.skipped(runs, dir)).as(runs).isEmpty();
      assertThat(PythonSrcLayout.environment(runs, dir, Map.of("PATH", "/bin"))).as(runs).containsKey("PYTHONPATH");
    }
  }

  /**
   * A compiled package gets src/ first too: an optional extension falls back to its pure Python (MarkupSafe), a
   * missing one stops the run (PythonExtensions), where an installed build would have tested other code than the attempt's.
   */
  @Test
  void aCompiledPackageIsPointedAtSrcAndTheDryRunNamesItsBuild() throws Exception {
    write("setup.py", "from setuptools import Extension, setup\nsetup(ext_modules=[Extension('fastpkg._speed', ['src/fastpkg/_speed.c'],"
        + " optional=True)])\n");
    write("src/fastpkg/__init__.py", "try:\n    from ._speed import add\nexcept ImportError:\n    from ._pure import add\n");
    write("src/fastpkg/_speed.c", "#include <Python.h>\n");
    assertThat(PythonSrcLayout.environment(PYTEST, dir, Map.of("PATH", "/bin"))).containsKey("PYTHONPATH");
    assertThat(PythonSrcLayout.note(PYTEST, dir)).hasValueSatisfying(n -> assertThat(n).startsWith("the tests import src/ first")
        .contains("the package is compiled (setup.py has ext_modules)")
        .endsWith("--verify \"python3 setup.py build_ext --inplace && python3 -m pytest -q\""));
    // A build into src/ itself is what src/ first then imports.
    for (String inPlace : List.of("python3 setup.py build_ext --inplace && python3 -m pytest -q", "python setup.py build_ext -i; pytest")) {
      assertThat(PythonSrcLayout.environment(inPlace, dir, Map.of("PATH", "/bin"))).as(inPlace).containsKey("PYTHONPATH");
      assertThat(PythonSrcLayout.note(inPlace, dir)).as(inPlace).hasValueSatisfying(n -> assertThat(n).doesNotContain("compiled"));
    }
    assertThat(PythonSrcLayout.skipped("python setup.py build_ext && pip install . && pytest -i", dir)).isPresent();
    Files.delete(dir.resolve("setup.py"));
    Files.delete(dir.resolve("src/fastpkg/_speed.c"));
    write("src/fastpkg/_speed.cpython-311-x86_64-linux-gnu.so", "");
    assertThat(PythonExtensions.compiled(dir)).as("a build in the user's tree").isPresent();
  }

  @Test
  void compiledBuildBackendsAndExtensionModules() throws Exception {
    write("src/pkg/__init__.py", "");
    write("pyproject.toml", "[build-system]\nrequires = [\"maturin>=1\"]\nbuild-backend = \"maturin\"\n");
    assertThat(PythonExtensions.compiled(dir)).contains("pyproject.toml: build-backend = \"maturin");
    write("pyproject.toml", "[build-system]\nbuild-backend = \"mesonpy\"\n");
    assertThat(PythonExtensions.compiled(dir)).isPresent();
    write("pyproject.toml", "[build-system]\nbuild-backend = \"scikit_build_core.build\"\n");
    assertThat(PythonExtensions.compiled(dir)).isPresent();
    write("pyproject.toml", "[build-system]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"pkg\"\n"
        + "description = \"bindings for maturin users\"\n");
    assertThat(PythonExtensions.compiled(dir)).as("pure Python, whatever its description says").isEmpty();
    assertThat(PythonSrcLayout.note(PYTEST, dir)).contains("the tests import src/ first (PYTHONPATH), as after pip install -e .:"
        + " the files under test, not a copy installed elsewhere");
    write("setup.py", "from setuptools import setup, Extension\nsetup(ext_modules=[Extension('pkg._c', ['ext/c.c'])])\n");
    assertThat(PythonExtensions.compiled(dir)).contains("setup.py has ext_modules");
    Files.delete(dir.resolve("setup.py"));
    write("Cargo.toml", "[package]\nname = \"pkg\"\n");
    assertThat(PythonExtensions.compiled(dir)).contains("Cargo.toml");
  }
}
