package dev.acr.verify;

import dev.acr.config.CommandTemplate;
import dev.acr.config.Upward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Surefire's {@code -Dtest} for a Maven module tested from the top of its reactor: {@code -pl module -am}
 * builds the modules it depends on, which it must (without {@code install} they exist nowhere else), but also
 * runs their tests: jsonschema-generator's 993 before jackson's 138, about 30 s of every verify. With
 * {@code -Dtest} naming the module's own test folders in surefire's default shapes, and
 * {@code -Dsurefire.failIfNoSpecifiedTests=false} for the modules where none matches, only the module's tests
 * run. {@code -Dtest} overrides a POM's includes and excludes, so a module (or a parent of it) that chooses
 * its tests itself keeps the plain run, as does one with tests in another language or in the default package.
 */
final class ModuleTests {

  /** Surefire's default includes ({@code **}{@code /Test*.java}, {@code *Test}, {@code *Tests}, {@code *TestCase}). */
  private static final List<String> SHAPES = List.of("Test*", "*Test", "*Tests", "*TestCase");

  private static final Pattern TEST_FILE = Pattern.compile("(?:Test.*|.*Test|.*Tests|.*TestCase)\\.java");

  /** POM elements that choose the tests (which {@code -Dtest} would override), or fail a module where none matches. */
  private static final Pattern CHOOSES_TESTS =
      Pattern.compile("<(?:includes|excludes|test|suiteXmlFiles|testSourceDirectory|failIfNoSpecifiedTests|groups)>");

  /** A module's own setting that fails its build when {@code -Dtest} matches none of its tests. */
  private static final String FAIL_IF_NONE = "<failIfNoSpecifiedTests>";

  /** A parent POM named by path ({@code <relativePath>../parent/pom.xml</relativePath>}). */
  private static final Pattern RELATIVE_PATH = Pattern.compile("(?s)<parent>.*?<relativePath>\\s*([^<\\s]+)\\s*</relativePath>");

  /** More folders than this: the plain run, rather than a command few could read. */
  private static final int MAX_FOLDERS = 12;

  private ModuleTests() {}

  /** The arguments that run only {@code module}'s tests in {@code reactor}'s build, with a leading space; "" when unsafe. */
  static String only(Path module, Path reactor) {
    Path tests = module.resolve("src/test/java");
    if (!Files.isDirectory(tests) || otherTestLanguages(module) || choosesTests(module, reactor)) {
      return "";
    }
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> files = Files.walk(tests)) {
      List<Path> found = files.filter(f -> TEST_FILE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)).toList();
      // Surefire before 3.0.0-M6 runs no JUnit 5 @Nested class when -Dtest is given (SUREFIRE-1633): a test only a nested class
      // holds would not run, and a change breaking it would verify. The plain run for them.
      for (Path f : found) {
        if (Files.readString(f).contains("@Nested")) {
          return "";
        }
        folders.add(tests.relativize(f.getParent()).toString());
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
    List<String> outer = new ArrayList<>();
    for (String f : folders) { // sorted: a folder comes before those inside it
      if (f.isEmpty()) {
        return ""; // tests in the default package: a pattern for them matches every module's
      }
      if (outer.stream().noneMatch(o -> f.startsWith(o + "/"))) {
        outer.add(f);
      }
    }
    if (outer.isEmpty() || outer.size() > MAX_FOLDERS) {
      return "";
    }
    List<String> patterns = new ArrayList<>();
    outer.forEach(f -> SHAPES.forEach(shape -> patterns.add(f.replace('\\', '/') + "/**/" + shape)));
    return " -Dtest=" + CommandTemplate.shellQuote(List.of(String.join(",", patterns))) + " -Dsurefire.failIfNoSpecifiedTests=false";
  }

  private static boolean otherTestLanguages(Path module) {
    for (String lang : List.of("kotlin", "groovy", "scala")) {
      if (Files.isDirectory(module.resolve("src/test").resolve(lang))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a POM that configures the module's tests chooses them: the module's, those of the folders up to the
   * reactor's top, and its parent by {@code relativePath}; or whether a module of the reactor would fail where
   * {@code -Dtest} matches none of its tests.
   */
  private static boolean choosesTests(Path module, Path reactor) {
    Set<Path> chain = new TreeSet<>();
    for (Path dir : Upward.folders(module, reactor)) {
      chain.add(dir.resolve("pom.xml"));
    }
    Matcher parent = RELATIVE_PATH.matcher(VerifyDetector.readOrEmpty(module.resolve("pom.xml")));
    if (parent.find()) {
      Path p = module.resolve(parent.group(1)).normalize();
      chain.add(Files.isDirectory(p) ? p.resolve("pom.xml") : p);
    }
    if (chain.stream().anyMatch(pom -> CHOOSES_TESTS.matcher(xml(pom)).find())) {
      return true;
    }
    return Subfolders.holding(reactor, "pom.xml", 4, n -> n.startsWith(".") || n.equals("target") || n.equals("src")
        || n.equals("node_modules")).stream().anyMatch(d -> xml(reactor.resolve(d).resolve("pom.xml")).contains(FAIL_IF_NONE));
  }

  /** A POM's text without its comments. */
  private static String xml(Path pom) {
    return VerifyDetector.readOrEmpty(pom).replaceAll("(?s)<!--.*?-->", "");
  }
}
