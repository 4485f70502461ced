package dev.acr.verify;

import dev.acr.config.Upward;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The nearest package from where acr was started up to the repository root: the first folder
 * with a build manifest. It decides the test command, the language, and the folder the agent and
 * the tests run in. A folder of loose test files or a {@code conftest.py} is no package of its own
 * (a project's {@code tests/} is not a project); without any manifest the root is the package, as
 * before packages were looked for.
 *
 * @param dir the package folder (absolute)
 * @param marker the file that made it one, null when none did (the root by default)
 */
public record PackageFolder(Path dir, String marker) {

  /** Manifests, in the order a folder holding several names them. */
  private static final List<String> MANIFESTS =
      List.of("package.json", "deno.json", "deno.jsonc", "pyproject.toml", "setup.py", "setup.cfg", "pytest.ini", "tox.ini", "go.mod", "go.work",
          "Cargo.toml", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
          "Gemfile", "composer.json", "Package.swift", "build.sbt", "mix.exs", "dune-project", "cabal.project", "stack.yaml", "rebar.config", "pubspec.yaml", "requirements.txt",
          "Pipfile", "project.clj", "deps.edn", "dub.json", "dub.sdl", "shard.yml", "fpm.toml", "build.zig", "Project.toml", "alire.toml",
          // A Perl distribution: Dist::Zilla's, ExtUtils::MakeMaker's, Module::Build's, Carton's.
          "dist.ini", "Makefile.PL", "Build.PL", "cpanfile",
          // A Raku distribution; an Ant build.
          "META6.json", "build.xml");

  /** Manifests named after their project: .NET's, a Haskell package's, a Lua rock's, a Nim package's and a GNAT project's (Ada). */
  private static final List<String> NAMED = List.of(".sln", ".slnx", ".csproj", ".fsproj", ".cabal", ".rockspec", ".nimble", ".gpr");

  /** Where a Lua rock keeps one rockspec a release (kikito/semver.lua) instead of one at its root. */
  private static final String ROCKSPECS = "rockspecs";

  /** The nearest package from {@code start} up to {@code root}. */
  public static PackageFolder nearest(Path root, Path start) {
    for (Path dir : Upward.folders(start, root)) {
      String marker = marker(dir);
      if (marker != null) {
        return new PackageFolder(dir, marker);
      }
    }
    return new PackageFolder(root.toAbsolutePath().normalize(), null);
  }

  /** The manifest that makes {@code dir} a package, or null. */
  static String marker(Path dir) {
    for (String m : MANIFESTS) {
      if (Files.isRegularFile(dir.resolve(m))) {
        return m;
      }
    }
    // A Makefile only when it has a test target: docs/Makefile (Sphinx) makes no package.
    for (String m : List.of("GNUmakefile", "makefile", "Makefile")) {
      if (Files.isRegularFile(dir.resolve(m)) && VerifyDetector.hasMakeTest(dir.resolve(m))) {
        return m;
      }
    }
    String built = BuildTools.manifest(dir);
    if (built != null) {
      return built;
    }
    String named = fileEndingWith(dir, NAMED.toArray(String[]::new));
    if (named != null && named.endsWith(".rockspec") && dir.endsWith(ROCKSPECS)) {
      return null; // the rock's folder of rockspecs, not a package: its parent is
    }
    if (named == null && fileEndingWith(dir.resolve(ROCKSPECS), ".rockspec") != null) {
      return ROCKSPECS + "/*.rockspec";
    }
    return named;
  }

  /**
   * The first regular file's name in {@code dir} that ends with one of {@code suffixes}, or null (also when
   * the folder cannot be read). A directory stream, not Files.list: this runs at every start,
   * where a stream pipeline costs more than reading the directory.
   */
  public static String fileEndingWith(Path dir, String... suffixes) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        for (String suffix : suffixes) {
          // Files only: a dotfiles repository holds nimble's own ~/.nimble folder, which is no Nim package.
          if (name.endsWith(suffix) && Files.isRegularFile(p)) {
            return name;
          }
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return null;
    }
    return null;
  }

  /** The package folder relative to {@code root}: "" for the root itself, else like {@code packages/web}. */
  public String relativeTo(Path root) {
    Path r = root.toAbsolutePath().normalize();
    return dir.startsWith(r) ? r.relativize(dir).toString() : "";
  }
}
