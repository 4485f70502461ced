package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development launcher {@code bin/acr} on a copy of the project without a jar, the way a
 * fresh clone starts: it says it is building, shows Maven's errors when the build fails and
 * exits 2 with one line saying so, and after a good build nothing the program prints is lost.
 * One full build (slow: tens of seconds of Maven), offline, from the Maven repository this build uses.
 */
class LauncherBuildIT {

  @TempDir Path tmp;

  record Run(int exit, String err) {}

  @Test
  void aBrokenSourceShowsMavensErrorsThenAGoodBuildShowsPicocliErrors() throws Exception {
    Path copy = copyProject(Path.of(System.getProperty("acr.root")), tmp.resolve("acr"));
    Path main = copy.resolve("src/main/java/dev/acr/cli/Main.java");
    String good = Files.readString(main);
    Files.writeString(main, good + "\nthis is not java\n");

    Run broken = launch(copy, "--version");
    assertThat(broken.exit()).as(broken.err()).isEqualTo(2);
    assertThat(broken.err()).contains("acr: building acr with Maven").contains("[ERROR]").contains("Main.java");
    List<String> lines = broken.err().strip().lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("acr: build failed (mvn package exited 1): fix the errors above");

    Files.writeString(main, good);
    Run built = launch(copy, "--bogus-option", "x");
    assertThat(built.exit()).as(built.err()).isEqualTo(2);
    assertThat(built.err()).contains("acr: building acr with Maven").contains("acr: built ")
        .contains("Unknown option: '--bogus-option'")
        .as("no terminal escapes from Maven in the build messages").doesNotContain("\u001b[");

    Run again = launch(copy, "--bogus-option", "x");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).doesNotContain("acr: building").contains("Unknown option: '--bogus-option'");
  }

  /** What a build needs: the pom, the sources, the launchers and the example config; no tests, no target. */
  private static Path copyProject(Path from, Path to) throws IOException {
    for (String name : List.of("pom.xml", "jreleaser.yml", "tools.example.json", "LICENSE", "README.md", "bin", "src/main", "src/dist")) {
      Path src = from.resolve(name);
      try (Stream<Path> all = Files.walk(src)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          Path dest = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(dest);
          } else {
            Files.createDirectories(dest.getParent());
            Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    // Offline: a test needs no network, and everything the build needs is already in the
    // repository of the build running this test.
    Files.writeString(Files.createDirectories(to.resolve(".mvn")).resolve("maven.config"),
        "--offline\n-Dmaven.repo.local=" + System.getProperty("acr.m2") + "\n");
    return to;
  }

  private Run launch(Path copy, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(copy.resolve("bin/acr").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.remove("ACR_JAR");
    env.put("ACR_HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("NO_COLOR", "1");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("bin/acr finished").isTrue();
    // Maven 3.8 writes a colour reset (ESC[0m) at exit even in batch mode; a terminal shows nothing.
    return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", ""));
  }
}
