package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scala projects built with sbt: a {@code build.sbt}, or only a {@code project/build.properties} naming the sbt version (a
 * build written in {@code project/*.scala}). Before this, such a repository got "verify none found" though build.sbt made it a
 * package (docs/real-repos-2026-12-06.md, Scala). A Scala project built with Maven or Gradle keeps their commands, which
 * come first. sbt reads scalatest's, munit's and its own summaries into failing test names and counts ({@link FailingTests},
 * {@link NoTests}, {@link SummaryFailures}).
 */
final class ScalaBuild {

  /** {@code sbt.version=1.10.7} in project/build.properties. */
  private static final Pattern SBT_VERSION = Pattern.compile("(?m)^\\s*sbt\\.version\\s*=\\s*(\\d+)[\\w.-]*\\s*$");
  /**
   * The sbt launcher could not fetch the sbt that project/build.properties names (offline, or a release its repositories do
   * not serve: 2.0.0-RC11 from Maven Central here): {@code [launcher] could not retrieve sbt 2.0.0-RC11}.
   */
  private static final Pattern LAUNCHER = Pattern.compile("\\[launcher\\] could not retrieve (sbt|Scala) (\\S+)");
  /**
   * sbt's update could not fetch a library or a plugin: {@code sbt.librarymanagement.ResolveException: Error downloading
   * org.scalameta:munit_2.13:1.0.3} (a plugin's coordinates carry {@code ;sbtVersion=1.0;scalaVersion=2.12}).
   */
  private static final Pattern UNRESOLVED = Pattern.compile("ResolveException: Error downloading ([\\w.-]+):([\\w.-]+)(?:;[^:\\s]*)?:(\\S+)");

  /**
   * A Scala compiler older than the JDK (2.10, 2.11 before 2.11.12, 2.12 before 2.12.4) looks for the JDK's classes in rt.jar,
   * which JDK 9 dropped: {@code MissingRequirementError: object java.lang.Object in compiler mirror not found}
   * (lance-luo/scalatest-maven-example's Scala 2.10.4 under Maven, on JDK 17).
   */
  private static final String OLD_COMPILER = "object java.lang.Object in compiler mirror not found";

  private ScalaBuild() {}

  /**
   * {@code sbt test} for an sbt build: {@code -batch} so sbt never waits at its prompt (the launcher script reads no input
   * then), {@code -no-colors} and no supershell so the log is plain lines to read. sbt 2 starts its native client (sbtn) by
   * default, which keeps a server running after the command and is downloaded from GitHub on first use: {@code --server}
   * runs sbt itself, as sbt 1 does.
   */
  static Optional<VerifyCommand> detect(Path root) {
    Path properties = root.resolve("project/build.properties");
    Matcher version = SBT_VERSION.matcher(VerifyDetector.readOrEmpty(properties));
    boolean named = version.find();
    String source;
    if (Files.isRegularFile(root.resolve("build.sbt"))) {
      source = "build.sbt";
    } else if (named) {
      source = "project/build.properties";
    } else {
      return Optional.empty();
    }
    boolean sbt2 = named && version.group(1).length() < 9 && Integer.parseInt(version.group(1)) >= 2;
    return Optional.of(new VerifyCommand("sbt " + (sbt2 ? "--server " : "") + "-batch -no-colors -Dsbt.supershell=false test",
        "detected: " + source + (sbt2 ? " (sbt " + version.group(1) + ")" : "")));
  }

  /** Whether a line of output may be sbt's about what it could not fetch: the patterns below compile only then. */
  static boolean mayConcern(String line) {
    return line.contains("[launcher] could not retrieve") || line.contains("ResolveException: Error downloading")
        || line.contains(OLD_COMPILER);
  }

  /**
   * Why one line of sbt's or Maven's output says the tests cannot run here: the sbt or the Scala that the build names, or a
   * library or plugin it depends on, could not be downloaded, or the project's Scala compiler cannot run on this JDK. A prompt that names the library (adding it is then the task) leaves it
   * to the agents.
   */
  static Optional<Why> check(String line, String asked) {
    Matcher m;
    if ((m = LAUNCHER.matcher(line)).find()) {
      return Optional.of(new Why("the sbt launcher could not download " + m.group(1) + " " + m.group(2) + ", which the build"
          + " names (project/build.properties), from the repositories it reaches", "run sbt once where the network allows (it"
          + " keeps what it downloads in ~/.sbt and ~/.cache/coursier), or name another test command"));
    }
    if (line.contains(OLD_COMPILER)) {
      return Optional.of(new Why("the project's Scala compiler is older than the JDK it runs on (scalac: " + OLD_COMPILER + "): it"
          + " reads the JDK's classes from rt.jar, which JDK 9 and later do not have", "run acr with JAVA_HOME (and PATH) set to"
          + " a JDK 8, or move the project to a later Scala (2.11.12, 2.12.4 or later), or name another test command"));
    }
    if ((m = UNRESOLVED.matcher(line)).find()) {
      return CannotRun.notAsked(asked, m.group(2).replaceAll("_(?:2\\.1[0-3]|3|sjs.*|native.*)$", ""), new Why("sbt could not"
          + " download " + m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ", which the build depends on (not in the"
          + " repositories it reaches, or no network)", "run sbt update once where the network allows, or name another test command"));
    }
    return Optional.empty();
  }
}
