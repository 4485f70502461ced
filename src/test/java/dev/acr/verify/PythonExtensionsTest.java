package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's own compiled extension, unbuilt in a clean checkout, stops the run before any agent; anything else does not. */
class PythonExtensionsTest {

  private static final String PROMPT = "fix the failing test";
  private static final String NOT_BUILT = "fastpkg._speed is the project's compiled extension, which a clean checkout does not have built";

  @TempDir Path dir;

  private void write(String rel, String text) throws Exception {
    Files.createDirectories(dir.resolve(rel).getParent());
    Files.writeString(dir.resolve(rel), text);
  }

  private Optional<CannotRun.Why> check(String line, String prompt) {
    return CannotRun.check(2, List.of("E   " + line), dir, dir, prompt);
  }

  @Test
  void anOwnExtensionBesideItsSourceIsNamedWithTheCommandThatBuildsIt() throws Exception {
    write("pyproject.toml", "[project]\nname = \"fastpkg\"\n");
    write("setup.py", "from setuptools import setup\nsetup()\n");
    write("src/fastpkg/__init__.py", "from ._speed import add\n");
    write("src/fastpkg/_speed.c", "#include <Python.h>\n");
    for (String line : List.of("ModuleNotFoundError: No module named 'fastpkg._speed'",
        "ImportError: cannot import name '_speed' from partially initialized module 'fastpkg'"
            + " (most likely due to a circular import) (/wt/src/fastpkg/__init__.py)",
        "ImportError: cannot import name '_speed' from 'fastpkg' (/wt/src/fastpkg/__init__.py)")) {
      assertThat(check(line, PROMPT)).as(line).hasValueSatisfying(w -> {
        assertThat(w.problem()).isEqualTo(NOT_BUILT);
        assertThat(w.todo()).isEqualTo("name a test command that builds it first,"
            + " e.g. --verify \"python3 setup.py build_ext --inplace && python3 -m pytest -q\"");
      });
    }
    // Writing the extension is the task.
    assertThat(check("ModuleNotFoundError: No module named 'fastpkg._speed'", "add the _speed C extension")).isEmpty();
  }

  @Test
  void notAnOwnExtension() throws Exception {
    write("pyproject.toml", "[project]\nname = \"fastpkg\"\ndependencies = [\"numpy\"]\n");
    write("fastpkg/__init__.py", "");
    write("fastpkg/_speed.py", "");
    assertThat(PythonExtensions.notBuilt("numpy.core._multiarray_umath", dir)).as("a third party's").isEmpty();
    assertThat(check("ImportError: No module named 'numpy.core._multiarray_umath'", PROMPT))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).contains("a dependency of the project that is not installed"));
    assertThat(PythonExtensions.notBuilt("fastpkg.circle", dir)).as("a module of its own to be written").isEmpty();
    assertThat(check("ImportError: cannot import name 'area' from 'fastpkg' (/wt/fastpkg/__init__.py)", PROMPT)).as("a function").isEmpty();
    assertThat(PythonExtensions.notBuilt("fastpkg._speed", dir)).as("a pure-Python module that is there").isEmpty();
  }

  /** Extensions declared, not beside their source: setup.py's Extension("pkg.sub"), a maturin module-name. */
  @Test
  void declaredExtensionsAndTheirBuildCommands() throws Exception {
    write("fastpkg/__init__.py", "");
    write("setup.py", "setup(ext_modules=[Extension(\"fastpkg._speed\", [\"ext/speed.c\"])])\n");
    assertThat(PythonExtensions.notBuilt("fastpkg._speed", dir)).map(CannotRun.Why::problem).contains(NOT_BUILT);
    assertThat(PythonExtensions.notBuilt("fastpkg._other", dir)).isEmpty();
    Files.delete(dir.resolve("setup.py"));
    write("pyproject.toml", "[build-system]\nbuild-backend = \"maturin\"\n[tool.maturin]\nmodule-name = \"fastpkg._speed\"\n");
    assertThat(PythonExtensions.notBuilt("fastpkg._speed", dir)).map(CannotRun.Why::todo)
        .contains("name a test command that builds it first, e.g. --verify \"maturin develop && python3 -m pytest -q\"");
    assertThat(PythonExtensions.notBuilt("fastpkg.circle", dir)).as("not what the build names").isEmpty();
    write("pyproject.toml", "[build-system]\nbuild-backend = \"mesonpy\"\n");
    write("meson.build", "py.extension_module('_speed', 'fastpkg/speed.c', subdir: 'fastpkg', install: true)\n");
    assertThat(PythonExtensions.notBuilt("fastpkg._speed", dir)).map(CannotRun.Why::todo)
        .contains("name a test command that builds it first, e.g. --verify \"python3 -m pip install -e . && python3 -m pytest -q\"");
  }
}
