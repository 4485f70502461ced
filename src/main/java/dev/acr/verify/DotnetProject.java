package dev.acr.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The test command of a .NET project: its solution or project file, at the top or in a folder just below. */
final class DotnetProject {
  private DotnetProject() {}

  /**
   * {@code dotnet test} for a solution or project at the top; else {@code dotnet test DIR/NAME} for the one solution of
   * a folder just below it (JamesNK/Newtonsoft.Json keeps {@code Src/Newtonsoft.Json.slnx}, and no build file at the top).
   * {@code .slnx} is the XML solution format of .NET 9.
   */
  static Optional<VerifyCommand> testCommand(Path root) {
    Optional<String> top = firstNamed(root, ".sln", ".slnx", ".csproj", ".fsproj");
    if (top.isPresent()) {
      return top.map(n -> new VerifyCommand("dotnet test", "detected: " + n));
    }
    if (otherProject(root)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith("."))
          .sorted()
          .flatMap(d -> firstNamed(d, ".sln", ".slnx").map(n -> root.relativize(d).resolve(n).toString()).stream())
          // A C++ library's Visual Studio solution (win32/x.sln, of .vcxproj files) is no .NET project.
          .filter(rel -> DOTNET_PROJECT.matcher(VerifyDetector.readOrEmpty(root.resolve(rel))).find())
          .findFirst()
          .map(rel -> new VerifyCommand("dotnet test " + rel, "detected: " + rel));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the top is a Python project whose unittest fallback (which comes after this search) a
   * solution below it must not take over: interop/Interop.sln beside a pyproject.toml and a
   * test_calc.py made that project "dotnet test", which stopped where there is no .NET SDK. Only
   * Python's: the other build systems are detected before this search, and a tooling package.json
   * (husky, commitlint) or a docs requirements.txt at the top of a .NET repository is no project
   * of its own (review16).
   */
  private static boolean otherProject(Path root) {
    return Stream.of("pyproject.toml", "setup.py", "setup.cfg").anyMatch(f -> Files.isRegularFile(root.resolve(f)))
        || VerifyDetector.hasPythonTestsDirectlyIn(root);
  }

  private static final Pattern DOTNET_PROJECT = Pattern.compile("\\.(?:cs|fs|vb)proj\\b");

  /** The first file of {@code dir}, by name, whose name ends with one of {@code endings}. */
  private static Optional<String> firstNamed(Path dir, String... endings) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> Stream.of(endings).anyMatch(n::endsWith))
          .sorted()
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
