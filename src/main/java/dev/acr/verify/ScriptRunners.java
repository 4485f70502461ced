package dev.acr.verify;

import static dev.acr.verify.VerifyDetector.firstFile;
import static dev.acr.verify.VerifyDetector.hasTestFile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test commands of the interpreted languages whose projects declare no test command of their
 * own in a build file acr reads first: Ruby, PHP, Perl, Lua (busted, LuaUnit), shell (bats) and Tcl (tcltest). Each was
 * added after a real repository of that language got "verify none found" (docs/real-repos.md).
 */
final class ScriptRunners {

  private static final Pattern RB_SPEC_FILE = Pattern.compile(".*_spec\\.rb");
  /** Minitest and test-unit files under test/; minitest/spec's are often named like specs there (rack/rack's {@code spec_*.rb}). */
  private static final Pattern RB_TEST_FILE = Pattern.compile("test_.*\\.rb|.*_test\\.rb|spec_.*\\.rb|.*_spec\\.rb");
  private static final Pattern PERL_TEST_FILE = Pattern.compile(".*\\.t");
  /** Raku's test files: {@code .t} as in Perl, and the names Raku gave them since ({@code .rakutest}, the older {@code .t6}). */
  private static final Pattern RAKU_TEST_FILE = Pattern.compile(".*\\.(?:t|rakutest|t6)");
  /** Raku's module files, which Perl's tools do not read: {@code .rakumod}, and {@code .pm6} before it. */
  private static final Pattern RAKU_MODULE = Pattern.compile(".*\\.(?:rakumod|pm6)");
  private static final Pattern LUA_SPEC_FILE = Pattern.compile(".*_spec\\.lua");
  /** A tcltest driver script: it runs every {@code *.test} file of its folder. */
  private static final Pattern TCLTEST_DRIVER = Pattern.compile("(?m)^[^#\\n]*\\brunAllTests\\b");
  /** A driver that hands its arguments to tcltest's configure ({@code {*}$argv}, {@code eval configure $argv}). */
  private static final Pattern FORWARDS_ARGV = Pattern.compile("(?m)^[^#\\n]*configure\\b.*\\$(?:::)?argv");

  private ScriptRunners() {}

  /** The first of these runners that {@code root} is set up for. */
  static Optional<VerifyCommand> detect(Path root) {
    Optional<VerifyCommand> found = ruby(root);
    found = found.isPresent() ? found : php(root);
    found = found.isPresent() ? found : raku(root);
    found = found.isPresent() ? found : perl(root);
    found = found.isPresent() ? found : busted(root);
    found = found.isPresent() ? found : luaunit(root);
    found = found.isPresent() ? found : bats(root);
    return found.isPresent() ? found : tcltest(root);
  }

  /**
   * RSpec when the gem has a {@code .rspec} or {@code spec/*_spec.rb}, else {@code rake test} for
   * minitest or test-unit files under a Rakefile (its {@code test} task is the convention). Not a
   * bare {@code rake}: its default task may lint or build; and not through a Rakefile's spec task
   * either, which many gems define to print a hint and exit 0 when rspec cannot be loaded. Through
   * {@code bundle exec} when there is a Gemfile, so the versions it locks are the ones that run.
   */
  private static Optional<VerifyCommand> ruby(Path root) {
    String bundle = Files.isRegularFile(root.resolve("Gemfile")) ? "bundle exec " : "";
    if (Files.isRegularFile(root.resolve(".rspec"))) {
      return Optional.of(new VerifyCommand(bundle + "rspec", "detected: .rspec"));
    }
    if (hasTestFile(root.resolve("spec"), RB_SPEC_FILE)) {
      return Optional.of(new VerifyCommand(bundle + "rspec", "detected: spec/"));
    }
    String rakefile = firstFile(root, "Rakefile", "rakefile", "Rakefile.rb");
    return rakefile != null && hasTestFile(root.resolve("test"), RB_TEST_FILE)
        ? Optional.of(new VerifyCommand(bundle + "rake test", "detected: " + rakefile))
        : Optional.empty();
  }

  /**
   * Composer's {@code test} script when the project has one (it says how the project runs its
   * tests, e.g. a PHPUnit installed under tools/), else PHPUnit with the project's configuration:
   * the one composer installed into vendor/bin, else the one on PATH.
   */
  private static Optional<VerifyCommand> php(Path root) {
    Path composer = root.resolve("composer.json");
    if (Files.isRegularFile(composer)) {
      try {
        JsonNode test = VerifyDetector.Lazy.JSON.readTree(composer.toFile()).path("scripts").get("test");
        if (test != null && (test.isTextual() ? !test.asText().isBlank() : test.isArray() && !test.isEmpty())) {
          return Optional.of(new VerifyCommand("composer test", "detected: composer.json"));
        }
      } catch (IOException e) {
        // Broken composer.json: composer would refuse it too; fall through to phpunit's own file.
      }
    }
    String xml = firstFile(root, "phpunit.xml", "phpunit.xml.dist", "phpunit.dist.xml");
    if (xml == null) {
      return Optional.empty();
    }
    String phpunit = Files.isExecutable(root.resolve("vendor/bin/phpunit")) ? "vendor/bin/phpunit" : "phpunit";
    return Optional.of(new VerifyCommand(phpunit, "detected: " + xml));
  }

  /**
   * A Raku distribution (a {@code META6.json}, or Raku modules under lib/): its {@code t/} files
   * through prove with raku as the interpreter, the way zef tests a distribution, the folder on
   * Raku's library path ({@code RAKULIB=.} reads the META6.json's {@code provides}, else lib/ is used).
   * Before {@link #perl}: timo/json_fast (META6.json, dist.ini, lib/, t/*.t) got {@code prove -lr t},
   * where perl could not parse one file, and the baseline's "Tests=0" read as failing tests.
   */
  private static Optional<VerifyCommand> raku(Path root) {
    boolean meta = firstFile(root, "META6.json", "META.info") != null;
    if (!(meta || hasTestFile(root.resolve("lib"), RAKU_MODULE)) || !hasTestFile(root.resolve("t"), RAKU_TEST_FILE)) {
      return Optional.empty();
    }
    // prove reads only .t files unless told otherwise; every extension of the tests there is named.
    StringBuilder ext = new StringBuilder();
    for (String e : new String[] {"rakutest", "t6"}) {
      if (hasTestFile(root.resolve("t"), Pattern.compile(".*\\." + e))) {
        ext.append(ext.isEmpty() ? " --ext .t" : "").append(" --ext .").append(e);
      }
    }
    return Optional.of(new VerifyCommand("RAKULIB=" + (meta ? "." : "lib") + " prove -e raku -r" + ext + " t",
        "detected: " + (meta ? firstFile(root, "META6.json", "META.info") : "lib/*.rakumod") + " and t/"));
  }

  /**
   * A Perl distribution: {@code prove -lr t} (its lib/ first on @INC, every {@code .t} under t/),
   * what CPAN's own test harness runs, when t/ holds test files beside a Perl build file or lib/.
   * A generated Makefile is found before this, and its {@code make test} runs the same tests.
   */
  private static Optional<VerifyCommand> perl(Path root) {
    boolean perlProject = firstFile(root, "Makefile.PL", "Build.PL", "dist.ini", "cpanfile", "META.json") != null
        || Files.isDirectory(root.resolve("lib"));
    return perlProject && hasTestFile(root.resolve("t"), PERL_TEST_FILE)
        ? Optional.of(new VerifyCommand("prove -lr t", "detected: t/*.t"))
        : Optional.empty();
  }

  /**
   * busted, Lua's usual test runner: its {@code .busted} file (which may name other folders and
   * patterns), else its defaults, {@code *_spec.lua} files under spec/. A Makefile's test target,
   * found before this, usually runs busted too (kikito/inspect.lua).
   */
  private static Optional<VerifyCommand> busted(Path root) {
    if (Files.isRegularFile(root.resolve(".busted"))) {
      return Optional.of(new VerifyCommand("busted", "detected: .busted"));
    }
    return hasTestFile(root.resolve("spec"), LUA_SPEC_FILE)
        ? Optional.of(new VerifyCommand("busted", "detected: spec/*_spec.lua"))
        : Optional.empty();
  }

  /** A LuaUnit runner: its {@code LuaUnit.run()} (or a runner's {@code runSuite}) after a {@code require} of luaunit. */
  private static final Pattern LUAUNIT_RUN = Pattern.compile("(?s)require\\s*\\(?\\s*['\"][\\w./]*luaunit['\"].*(?:LuaUnit\\.run\\b|:runSuite\\b)");

  /**
   * LuaUnit, which projects keep a copy of and run through a script of their own ({@code os.exit(lu.LuaUnit.run())}):
   * {@code lua} on the first such script at the root, else in test/ or tests/, from the root (their {@code require}s name
   * modules from there). moriyalb/lamda's run_test_all.lua got "verify none found" before (docs/real-repos-2026-12-06.md, sweep5).
   */
  private static Optional<VerifyCommand> luaunit(Path root) {
    for (String dir : new String[] {".", "test", "tests"}) {
      Path folder = root.resolve(dir);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        Optional<String> script = files.filter(p -> p.getFileName().toString().endsWith(".lua") && Files.isRegularFile(p))
            .filter(p -> !p.getFileName().toString().equals("luaunit.lua"))
            .filter(p -> LUAUNIT_RUN.matcher(VerifyDetector.readOrEmpty(p)).find())
            .map(p -> (dir.equals(".") ? "" : dir + "/") + p.getFileName()).sorted().findFirst();
        if (script.isPresent() && script.get().matches("[\\w./+-]+")) {
          return Optional.of(new VerifyCommand("lua " + script.get(), "detected: " + script.get() + " (LuaUnit)"));
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * bats over the folder that holds {@code .bats} files directly (rbenv's test/run does the same).
   * Not {@code bats -r}: bats-support and bats-assert, kept as submodules under
   * test/test_helper/, carry test suites of their own that are not the project's.
   */
  private static Optional<VerifyCommand> bats(Path root) {
    for (String dir : new String[] {"test", "tests"}) {
      if (Files.isDirectory(root.resolve(dir)) && PackageFolder.fileEndingWith(root.resolve(dir), ".bats") != null) {
        return Optional.of(new VerifyCommand("bats " + dir, "detected: " + dir + "/*.bats"));
      }
    }
    return Optional.empty();
  }

  /**
   * Tcl: the script in tests/, test/ or the root that calls tcltest's {@code runAllTests} (all.tcl
   * by convention, bef/qmon's test/run.tcl), run by tclsh. tcltest runs each test file in a
   * separate interpreter and counts only the results a file reports back through its closing
   * {@code cleanupTests}: for files without one its summary says {@code Total 0} whatever ran, so
   * a driver that forwards its arguments to tcltest gets {@code -singleproc 1}, which runs the files
   * in its own interpreter, where every test is counted. tcltest exits 0 when tests fail: the
   * verifier reads its summary ({@link SummaryFailures}).
   */
  private static Optional<VerifyCommand> tcltest(Path root) {
    for (String dir : new String[] {"tests", "test", "."}) {
      Path folder = root.resolve(dir);
      String driver = tclDriver(folder);
      if (driver != null) {
        String script = dir.equals(".") ? driver : dir + "/" + driver;
        boolean forwards = FORWARDS_ARGV.matcher(VerifyDetector.readOrEmpty(folder.resolve(driver))).find();
        boolean uncounted = forwards && testFileWithoutCleanup(folder);
        return Optional.of(new VerifyCommand("tclsh " + script + (uncounted ? " -singleproc 1" : ""), "detected: " + script + " (tcltest)"));
      }
    }
    return Optional.empty();
  }

  /** The first {@code .tcl} file directly in {@code dir}, by name, that calls {@code runAllTests}; null when none does. */
  private static String tclDriver(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tcl") && Files.isRegularFile(p))
          .sorted()
          .filter(p -> TCLTEST_DRIVER.matcher(VerifyDetector.readOrEmpty(p)).find())
          .map(p -> p.getFileName().toString())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether a {@code .test} file directly in {@code dir} never calls {@code cleanupTests}. */
  private static boolean testFileWithoutCleanup(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".test") && Files.isRegularFile(p))
          .anyMatch(p -> !VerifyDetector.readOrEmpty(p).contains("cleanupTests"));
    } catch (IOException e) {
      return false;
    }
  }
}
