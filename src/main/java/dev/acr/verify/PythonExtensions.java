package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Python project's compiled extensions. Their builds ({@code _speed.so}) are ignored by git, so a clean checkout, as
 * each attempt's worktree is, has none: a package with a pure-Python fallback (MarkupSafe, wrapt) imports that
 * instead, and one without stops on the import in every attempt alike, which no change an agent makes can mend.
 */
public final class PythonExtensions {
  private PythonExtensions() {}

  /** The build backends of compiled packages, as pyproject.toml names them. */
  private static final Pattern COMPILED_BACKEND = Pattern.compile(
      "(?m)^\\s*(?:build-backend\\s*=\\s*[\"'](?:maturin|mesonpy|scikit_build_core|setuptools_rust)|\\[tool\\.(?:maturin|scikit-build|setuptools-rust))");

  /** Sources of extension modules, and the modules built from them. */
  private static final Pattern EXTENSION = Pattern.compile(".*\\.(?:c|cc|cpp|cxx|pyx|rs|so|pyd)$");

  /** The sources an extension module is built from, beside where its .py would be. */
  private static final String[] SOURCES = {".c", ".cc", ".cpp", ".cxx", ".pyx", ".rs"};

  /** What makes the project in {@code dir} a compiled one: its build backend, its extension modules, their sources. */
  static Optional<String> compiled(Path dir) {
    Optional<String> backend = backend(dir);
    if (backend.isPresent()) {
      return backend;
    }
    if (Files.isRegularFile(dir.resolve("Cargo.toml"))) {
      return Optional.of("Cargo.toml");
    }
    String setup = VerifyDetector.readOrEmpty(dir.resolve("setup.py"));
    if (setup.contains("ext_modules") || setup.contains("Extension(")) {
      return Optional.of("setup.py has ext_modules");
    }
    try (Stream<Path> files = Files.walk(dir.resolve("src"), 8)) {
      return files.filter(f -> EXTENSION.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
          .findFirst().map(f -> dir.relativize(f).toString());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> backend(Path dir) {
    Matcher m = COMPILED_BACKEND.matcher(VerifyDetector.readOrEmpty(dir.resolve("pyproject.toml")));
    return m.find() ? Optional.of("pyproject.toml: " + m.group().strip()) : Optional.empty();
  }

  /** A test command that builds the extensions of the project in {@code dir} where its tests import them. */
  static String buildCommand(Path dir) {
    String pyproject = VerifyDetector.readOrEmpty(dir.resolve("pyproject.toml"));
    if (Files.isRegularFile(dir.resolve("setup.py")) && !pyproject.contains("maturin")) {
      return "python3 setup.py build_ext --inplace && python3 -m pytest -q";
    }
    // maturin develop installs the package pointed at this folder, with the extension built into it.
    return pyproject.contains("maturin") ? "maturin develop && python3 -m pytest -q"
        : "python3 -m pip install -e . && python3 -m pytest -q";
  }

  /**
   * Why {@code module} ({@code pkg._speed}) cannot be imported when it is an extension of the project's own package
   * in {@code packageDir} (at its top or under src/): a source beside it ({@code _speed.c}, {@code .pyx}...), setup.py
   * naming it as an extension, or a compiled backend whose build files name it. Empty for any other module: a
   * third party's ({@code numpy.core._multiarray_umath}), or one of the project's to be written.
   */
  static Optional<CannotRun.Why> notBuilt(String module, Path packageDir) {
    int dot = module.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String top = module.substring(0, module.indexOf('.'));
    String sub = module.substring(dot + 1);
    String rel = module.replace('.', '/');
    Optional<Path> base = Stream.concat(PythonSrcLayout.sources(packageDir).stream(), Stream.of(packageDir))
        .filter(d -> Files.isDirectory(d.resolve(top))).findFirst();
    if (base.isEmpty() || Files.exists(base.get().resolve(rel + ".py")) || Files.isDirectory(base.get().resolve(rel))) {
      return Optional.empty();
    }
    boolean source = Stream.of(SOURCES).anyMatch(s -> Files.isRegularFile(base.get().resolve(rel + s)));
    String setup = VerifyDetector.readOrEmpty(packageDir.resolve("setup.py"));
    boolean declared = setup.contains("\"" + module + "\"") || setup.contains("'" + module + "'");
    Pattern named = Pattern.compile("(?<!\\w)" + Pattern.quote(sub) + "(?!\\w)");
    boolean built = backend(packageDir).isPresent() && Stream.of("pyproject.toml", "Cargo.toml", "meson.build", "CMakeLists.txt")
        .anyMatch(f -> named.matcher(VerifyDetector.readOrEmpty(packageDir.resolve(f))).find());
    return source || declared || built
        ? Optional.of(new CannotRun.Why(module + " is the project's compiled extension, which a clean checkout does not have built",
            "name a test command that builds it first, e.g. --verify \"" + buildCommand(packageDir) + "\""))
        : Optional.empty();
  }
}
