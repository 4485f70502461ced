package dev.acr.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.RepoConfig;
import dev.acr.config.Upward;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the command that tells whether an attempt worked: the user's {@code --verify}, else the
 * nearest {@code .acr/config.json} from where acr started up to the repository root, else the test
 * command of the nearest package's build system ({@link PackageFolder}). Detection only reads
 * files; nothing is run.
 */
public final class VerifyDetector {

  public static final String CONFIG = ".acr/config.json";

  /** A rule line naming {@code test} among its targets ({@code test:}, {@code check test::}). */
  private static final Pattern MAKE_TEST =
      Pattern.compile("(?m)^(?:[^\\s:#=]+[ \\t]+)*test(?:[ \\t]+[^\\s:#=]+)*[ \\t]*::?(?!=)");

  private static final Pattern CARGO_WORKSPACE = Pattern.compile("(?m)^\\s*\\[workspace\\]");

  /** A workspace's {@code default-members}: the members the user chose for a plain {@code cargo test}. */
  private static final Pattern CARGO_DEFAULT_MEMBERS = Pattern.compile("(?m)^\\s*default-members\\s*=");

  private static final Pattern PY_TEST_FILE = Pattern.compile("test_.*\\.py|.*_test\\.py");

  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, which paths without JSON skip. */
  static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private VerifyDetector() {}

  /**
   * What detection found for a run started in {@code start}: the package whose folder the agent
   * and the tests run in, the {@code .acr/config.json} that applies ({@link RepoConfig#NONE} when none) and the
   * command (null when none is known). When the nearest package has no test command of its own (a
   * workspace package whose tests the workspace root runs), the nearest enclosing package with one
   * is where the agent and the tests run; {@code withoutTests} is then the nearest package.
   */
  public record Detection(PackageFolder pkg, RepoConfig config, VerifyCommand command, PackageFolder withoutTests) {
    public Detection(PackageFolder pkg, RepoConfig config, VerifyCommand command) {
      this(pkg, config, command, null);
    }
  }

  /**
   * The verify command for a run started in {@code start} inside the repository at {@code root}.
   * Throws IllegalArgumentException when the {@code .acr/config.json} that applies is not valid: a
   * config the user wrote must not be silently ignored.
   */
  public static Detection detect(Path root, Path start, String override) {
    PackageFolder pkg = PackageFolder.nearest(root, start);
    RepoConfig config = Upward.nearest(start, root, CONFIG).map(RepoConfig::read).orElse(RepoConfig.NONE);
    if (override != null && !override.isBlank()) {
      return new Detection(pkg, config, written(new VerifyCommand(override.strip(), "--verify")));
    }
    if (config.verify() != null) {
      Path r = root.toAbsolutePath().normalize();
      String where = config.file().startsWith(r) ? r.relativize(config.file()).toString() : config.file().toString();
      return new Detection(pkg, config, written(new VerifyCommand(config.verify(), where)));
    }
    Path top = root.toAbsolutePath().normalize();
    Optional<VerifyCommand> own = fromBuildSystem(pkg.dir(), top, start);
    if (own.isEmpty() && pkg.marker() != null && !pkg.dir().equals(top) && pkg.dir().startsWith(top)) {
      for (Path dir : Upward.folders(pkg.dir().getParent(), top)) {
        String marker = PackageFolder.marker(dir);
        Optional<VerifyCommand> enclosing = marker != null || dir.equals(top) ? fromBuildSystem(dir, top, start) : Optional.empty();
        if (enclosing.isPresent()) {
          return new Detection(new PackageFolder(dir, marker), config, enclosing.get(), pkg);
        }
      }
    }
    return new Detection(pkg, config, own.orElse(null));
  }

  /** A command the user wrote, unless sh could not even parse it: a usage error, before any run. */
  private static VerifyCommand written(VerifyCommand c) {
    char open = VerifyCommand.unclosedQuote(c.command());
    if (open != 0) {
      throw new IllegalArgumentException("the test command " + c.command() + " (" + c.source() + ") leaves a quote open (" + open
          + "), so sh cannot run it; close or remove it");
    }
    return c;
  }

  /**
   * The verify command for the repository at {@code root}, empty when none is known. Throws
   * IllegalArgumentException when {@code .acr/config.json} exists but is not valid: a config the
   * user wrote must not be silently ignored.
   */
  public static Optional<VerifyCommand> detect(Path root, String override) {
    return Optional.ofNullable(detect(root, root, override).command());
  }

  /**
   * The first build system recognised at {@code root}, tried in this order. Plain calls, not a
   * list of method references: that list linked nine lambdas at every start (~0.1 ms each on JDK
   * 17), though the first detectors usually decide. {@code top} is the repository's top, up to
   * which a workspace package's package manager is looked for; {@code start} is where acr started.
   */
  private static Optional<VerifyCommand> fromBuildSystem(Path root, Path top, Path start) {
    Optional<VerifyCommand> found = MavenReactor.detect(root, top);
    found = found.isPresent() ? found : gradle(root, top);
    found = found.isPresent() ? found : ScalaBuild.detect(root); // before npm's: a Scala.js build keeps a package.json
    found = found.isPresent() ? found : django(root);
    found = found.isPresent() ? found : NodeManifest.testCommand(root, top);
    found = found.isPresent() ? found : DenoProject.detect(root);
    found = found.isPresent() ? found : pytest(root);
    found = found.isPresent() ? found : GoModules.detect(root);
    found = found.isPresent() ? found : cargo(root);
    found = found.isPresent() ? found : simple(root, "mix test", "mix.exs");
    found = found.isPresent() ? found : simple(root, "dune runtest", "dune-project");
    found = found.isPresent() ? found : haskell(root);
    found = found.isPresent() ? found : make(root);
    found = found.isPresent() ? found : BuildTools.detect(root);
    // After go, cargo and make: a .rspec or a spec/ beside them is a side project.
    found = found.isPresent() ? found : ScriptRunners.detect(root);
    found = found.isPresent() ? found : DotnetProject.testCommand(root);
    // Last but Python's fallback: a workspace root without a test script of its own, beside a build that has one, keeps that one.
    found = found.isPresent() ? found : NodeWorkspace.detect(root, top);
    found = found.isPresent() ? found : DjangoProject.below(root, start, VerifyDetector::django);
    found = found.isPresent() ? found : unittest(root);
    // Last but a test script: a makefile's check, tests or test-all target, where no build tool or runner was found.
    found = found.isPresent() ? found : MakeTargets.detect(root);
    return found.isPresent() ? found : TestScript.detect(root);
  }

  /**
   * Gradle's test task for the project in {@code root}, through the nearest wrapper up to {@code top}: a
   * subproject of a multi-project build has no gradlew of its own, and the Gradle on PATH is rarely the
   * version the build was written for. {@code ../gradlew test} in a subproject tests it and those below it.
   */
  private static Optional<VerifyCommand> gradle(Path root, Path top) {
    String f = firstFile(root, "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");
    if (f == null) {
      return Optional.empty();
    }
    String gradle = "gradle test";
    for (Path dir : Upward.folders(root, top)) {
      if (Files.isExecutable(dir.resolve("gradlew")) && Files.isRegularFile(dir.resolve("gradlew"))) {
        String rel = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize()).toString();
        gradle = (rel.isEmpty() ? "." : rel) + "/gradlew test";
        break;
      }
    }
    return Optional.of(new VerifyCommand(gradle, "detected: " + f));
  }

  /**
   * A Django project's {@code manage.py test}, before npm's: its package.json is for its assets. A project
   * that configured pytest (pytest-django) keeps pytest, one whose Makefile has a test target keeps it.
   */
  private static Optional<VerifyCommand> django(Path root) {
    Optional<VerifyCommand> django = DjangoProject.detect(root);
    Optional<VerifyCommand> own = django.isEmpty() ? django : pytestConfig(root) != null ? pytest(root) : make(root);
    return own.isPresent() ? own : django;
  }

  private static Optional<VerifyCommand> pytest(Path root) {
    String source = pytestConfig(root);
    if (source == null && hasPythonTests(root.resolve("tests"))) {
      source = "tests/";
    } else if (source == null && hasPythonTests(root.resolve("test"))) {
      source = "test/";
    }
    return source == null
        ? Optional.empty()
        : Optional.of(new VerifyCommand("python3 -m pytest -q", "detected: " + source));
  }

  /** The file that configures pytest in {@code root}, or null. */
  private static String pytestConfig(Path root) {
    String source = null;
    if (Files.isRegularFile(root.resolve("pytest.ini"))) {
      source = "pytest.ini";
    } else if (contains(root.resolve("pyproject.toml"), "[tool.pytest")) {
      source = "pyproject.toml";
    } else if (contains(root.resolve("setup.cfg"), "[tool:pytest]")) {
      source = "setup.cfg";
    } else if (contains(root.resolve("tox.ini"), "[pytest]")) {
      source = "tox.ini";
    } else if (Files.isRegularFile(root.resolve("conftest.py"))) {
      source = "conftest.py";
    }
    return source;
  }

  private static Optional<VerifyCommand> make(Path root) {
    String f = firstFile(root, "GNUmakefile", "makefile", "Makefile");
    String text = f == null ? "" : readOrEmpty(root.resolve(f));
    return MAKE_TEST.matcher(text).find() ? Optional.of(MakeTargets.command(f, MakeRules.parse(text), "test", System.getenv("PATH")))
        : Optional.empty();
  }

  /** Whether a makefile has a rule for {@code test}. */
  static boolean hasMakeTest(Path makefile) {
    return MAKE_TEST.matcher(readOrEmpty(makefile)).find();
  }

  /**
   * Last resort for Python: unittest ships with Python, pytest may not be installed. But test files
   * written for pytest (plain {@code def test_} functions, {@code import pytest}) are invisible to
   * unittest, which then runs nothing and passes: those get pytest, and a baseline that cannot
   * import it says so.
   */
  private static Optional<VerifyCommand> unittest(Path root) {
    String build = firstFile(root, "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt");
    if (build == null && !hasPythonTestsDirectlyIn(root)) {
      return Optional.empty();
    }
    String pytestStyle = pytestStyleTestIn(root);
    if (pytestStyle != null) {
      return Optional.of(new VerifyCommand("python3 -m pytest -q", "detected: " + pytestStyle + " (pytest-style tests)"));
    }
    return Optional.of(
        new VerifyCommand("python3 -m unittest", "detected: " + (build == null ? "test_*.py" : build)));
  }

  private static final Pattern PYTEST_STYLE = Pattern.compile("(?m)^(?:import pytest|from pytest |def test_)");

  /** The first test file directly in {@code dir} that only pytest would run, or null. */
  private static String pytestStyleTestIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && isPyTest(p))
          .sorted()
          .limit(50)
          .filter(p -> PYTEST_STYLE.matcher(readOrEmpty(p)).find())
          .map(p -> p.getFileName().toString())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A Haskell project: cabal for a cabal project of several packages ({@code cabal.project}), stack
   * when the project keeps a {@code stack.yaml} and no cabal.project (its package often has only
   * hpack's {@code package.yaml}, the {@code .cabal} generated and ignored), else cabal for a lone
   * {@code *.cabal}. A project that keeps both files gets cabal: it runs on the distribution's GHC,
   * where stack first sets up a GHC of its own over the network.
   */
  private static Optional<VerifyCommand> haskell(Path root) {
    if (Files.isRegularFile(root.resolve("cabal.project"))) {
      return Optional.of(new VerifyCommand("cabal test", "detected: cabal.project"));
    }
    if (Files.isRegularFile(root.resolve("stack.yaml"))) {
      return Optional.of(new VerifyCommand("stack test", "detected: stack.yaml"));
    }
    String file = PackageFolder.fileEndingWith(root, ".cabal");
    return file == null ? Optional.empty() : Optional.of(new VerifyCommand("cabal test", "detected: " + file));
  }

  /**
   * {@code cargo test}, over every member of a workspace: in a workspace whose root is a package too,
   * plain {@code cargo test} tests the root package alone, so a member's failing test was never run
   * (a Cargo workspace made here, docs/real-repos.md 2026-12-06). A workspace that sets {@code
   * default-members} keeps plain {@code cargo test}: the user chose those members (others may only
   * build on another platform or with tools not installed), and {@code --workspace} overrides them.
   */
  private static Optional<VerifyCommand> cargo(Path root) {
    Path manifest = root.resolve("Cargo.toml");
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    String text = readOrEmpty(manifest);
    boolean workspace = CARGO_WORKSPACE.matcher(text).find() && !CARGO_DEFAULT_MEMBERS.matcher(text).find();
    return Optional.of(new VerifyCommand(workspace ? "cargo test --workspace" : "cargo test",
        "detected: Cargo.toml" + (workspace ? " ([workspace])" : "")));
  }

  static Optional<VerifyCommand> simple(Path root, String command, String file) {
    return Files.isRegularFile(root.resolve(file))
        ? Optional.of(new VerifyCommand(command, "detected: " + file))
        : Optional.empty();
  }

  /** The first of {@code names} that is a file in {@code root}, or null. */
  static String firstFile(Path root, String... names) {
    for (String n : names) {
      if (Files.isRegularFile(root.resolve(n))) {
        return n;
      }
    }
    return null;
  }

  private static boolean contains(Path file, String text) {
    return Files.isRegularFile(file) && readOrEmpty(file).contains(text);
  }

  static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | UncheckedIOException e) {
      return ""; // unreadable or not UTF-8: treat as saying nothing
    }
  }

  /** test_*.py or *_test.py within three levels of {@code dir}. */
  private static boolean hasPythonTests(Path dir) {
    return hasTestFile(dir, PY_TEST_FILE);
  }

  /** A file whose name matches {@code name} within three levels of {@code dir}. */
  static boolean hasTestFile(Path dir, Pattern name) {
    return new FirstFile(name, null).in(dir, 3);
  }

  /**
   * A walk for the first regular file whose name matches, and whose text matches too when a
   * pattern for it is given. A tree walk rather than Files.find's stream: hasTestFile runs at every
   * start, where the stream machinery costs more than the walk. Links are not followed, and an
   * unreadable entry met before a match still means no.
   */
  static class FirstFile extends SimpleFileVisitor<Path> {
    private final Pattern name;
    private final Pattern content;
    private Path start;
    private boolean found;

    FirstFile(Pattern name, Pattern content) {
      this.name = name;
      this.content = content;
    }

    /** Whether a folder below the start is passed over, with all under it. */
    boolean skip(Path dir) {
      return false;
    }

    /** Whether such a file is within {@code depth} levels of {@code dir}. */
    final boolean in(Path dir, int depth) {
      if (!Files.isDirectory(dir)) {
        return false;
      }
      start = dir;
      found = false;
      try {
        Files.walkFileTree(dir, Set.of(), depth, this);
      } catch (IOException e) {
        return false;
      }
      return found;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      return !dir.equals(start) && skip(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && name.matcher(file.getFileName().toString()).matches()
          && (content == null || content.matcher(readOrEmpty(file)).find())) {
        found = true;
        return FileVisitResult.TERMINATE;
      }
      return FileVisitResult.CONTINUE;
    }
  }

  static boolean hasPythonTestsDirectlyIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> Files.isRegularFile(p) && isPyTest(p));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isPyTest(Path p) {
    return PY_TEST_FILE.matcher(p.getFileName().toString()).matches();
  }
}
