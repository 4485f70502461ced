package dev.acr.verify;

import dev.acr.config.CommandTemplate;
import dev.acr.config.Upward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven's test command for a pom.xml folder. A module of a multi-module build is tested from the
 * top of its reactor ({@code -pl module -am}): in victools/jsonschema-generator,
 * {@code mvn test} in jsonschema-module-jackson could not resolve its sibling
 * jsonschema-generator:5.0.1-SNAPSHOT, which nobody had installed, and where a sibling was
 * installed once it would test against that stale jar, not the attempt's sources.
 */
final class MavenReactor {

  /** A {@code <module>} entry, in any profile: a folder, or a pom file in one. */
  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s][^<]*?)\\s*</module>");

  /** A profile, whose modules are in the reactor only when it is activated. */
  private static final Pattern PROFILE = Pattern.compile("(?s)<profile>.*?</profile>");

  /** A profile that is never activated on its own: no {@code <activation>}, or only {@code activeByDefault false}. */
  private static final Pattern NOT_ACTIVATED =
      Pattern.compile("(?s)^(?!.*<activation>).*|.*<activation>\\s*<activeByDefault>\\s*false\\s*</activeByDefault>\\s*</activation>.*");

  private MavenReactor() {}

  /** The command for {@code dir} when it holds a pom.xml; {@code top} is the repository's top. */
  static Optional<VerifyCommand> detect(Path folder, Path top) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
      return Optional.empty();
    }
    Path reactor = reactor(dir, top);
    String mvn = Files.isExecutable(reactor.resolve("mvnw")) ? "./mvnw" : "mvn";
    if (reactor.equals(dir)) {
      return Optional.of(new VerifyCommand(mvn + " -B test", "detected: pom.xml"));
    }
    String up = dir.relativize(reactor).toString();
    String module = reactor.relativize(dir).toString();
    String only = ModuleTests.only(dir, reactor);
    return Optional.of(new VerifyCommand("cd " + CommandTemplate.shellQuote(List.of(up)) + " && " + mvn + " -B test -pl "
        + CommandTemplate.shellQuote(List.of(module)) + " -am" + only,
        "detected: pom.xml, a module of " + up + "/pom.xml" + (only.isEmpty() ? "" : "; its own tests only (-Dtest): the"
            + " modules it needs are built, not tested")));
  }

  /**
   * The top of the reactor {@code dir} is a module of: the last folder up to {@code top} whose
   * pom.xml lists the one below it as a module (nested aggregators included), or {@code dir}.
   */
  static Path reactor(Path dir, Path top) {
    Path module = dir;
    for (Path folder : Upward.folders(dir.getParent() == null ? dir : dir.getParent(), top)) {
      if (!listsModule(folder, module)) {
        break;
      }
      module = folder;
    }
    return module;
  }

  /**
   * Whether the pom.xml in {@code folder} names {@code module} (a folder) among the modules a plain
   * {@code mvn} builds. A profile only {@code -P} activates (an examples or release profile) does
   * not count: {@code -pl} would name a module the reactor does not hold ("Could not find the
   * selected project in the reactor"), where the module's own {@code mvn test} worked before.
   */
  private static boolean listsModule(Path folder, Path module) {
    Path pom = folder.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    String xml = PROFILE.matcher(VerifyDetector.readOrEmpty(pom).replaceAll("(?s)<!--.*?-->", ""))
        .replaceAll(p -> NOT_ACTIVATED.matcher(p.group()).matches() ? "" : Matcher.quoteReplacement(p.group()));
    Matcher m = MODULE.matcher(xml);
    while (m.find()) {
      Path named = folder.resolve(m.group(1)).normalize();
      if (named.toString().endsWith(".xml")) {
        named = named.getParent();
      }
      if (named.equals(module)) {
        return true;
      }
    }
    return false;
  }

}
