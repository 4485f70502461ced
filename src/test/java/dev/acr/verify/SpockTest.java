package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groovy's Spock through Maven, as spockframework/spock-example runs it (docs/real-repos-2026-12-06.md, fourth session): a
 * feature is named by a sentence, which Surefire prints as the test's name, and Spock turns features off in ways of its own.
 */
class SpockTest {
  @TempDir Path tmp;

  private static final String FILE = "src/test/groovy/PublisherSubscriberSpec.groovy";
  private static final List<String> FAILING = List.of("PublisherSpec.delivers events to all subscribers",
      "PublisherSpec.can cope with misbehaving subscribers");

  /** Surefire 3.5.4's lines for two failing Spock features, and the summary's, which names them again with a line number. */
  @Test
  void surefireNamesAFeatureWithSpaces() {
    FailingTests failing = new FailingTests(tmp);
    for (String line : List.of(
        "[ERROR] Tests run: 2, Failures: 2, Errors: 0, Skipped: 0, Time elapsed: 0.210 s <<< FAILURE! -- in PublisherSpec",
        "[ERROR] PublisherSpec.delivers events to all subscribers -- Time elapsed: 0.098 s <<< FAILURE!",
        "[ERROR] PublisherSpec.can cope with misbehaving subscribers -- Time elapsed: 0.047 s <<< FAILURE!",
        "[ERROR]   PublisherSpec.can cope with misbehaving subscribers:58 Too few invocations for:",
        "[ERROR] dev.acr.FooTest.bar -- Time elapsed: 0.030 s <<< ERROR!")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("PublisherSpec.delivers events to all subscribers",
        "PublisherSpec.can cope with misbehaving subscribers", "dev.acr.FooTest.bar");
    assertThat(TestIdentifier.of(FAILING.get(0))).isEqualTo("delivers events to all subscribers");
  }

  private String find(String patch) throws Exception {
    Path p = tmp.resolve("changes.patch");
    Files.writeString(p, "diff --git a/" + FILE + " b/" + FILE + "\n--- a/" + FILE + "\n+++ b/" + FILE + "\n" + patch);
    return DisabledTests.find(p, "fix the failing test", FAILING).orElse("");
  }

  @Test
  void spocksAndJUnitsWaysToTurnAFeatureOffAreCaught() throws Exception {
    String hunk = "@@ -43,3 +43,4 @@ class PublisherSpec extends Specification {\n \n+  %s\n   def \"delivers events to all subscribers\"() {\n"
        + "     when:\n";
    assertThat(find(hunk.formatted("@Requires({ false })"))).contains("'@Requires({ false })' added to " + FILE + ":44");
    assertThat(find(hunk.formatted("@IgnoreRest"))).contains("'@IgnoreRest' added");
    assertThat(find(hunk.formatted("@PendingFeature"))).contains("'@PendingFeature' added");
    assertThat(find(hunk.formatted("@DisabledOnOs(OS.LINUX)"))).contains("'@DisabledOnOs(OS.LINUX)' added");
    assertThat(find(hunk.formatted("@EnabledIf(\"false\")"))).contains("'@EnabledIf(\"false\")' added");
    assertThat(find(hunk.formatted("@Requires(property = \"datasources.default\")"))).as("Micronaut's, on a bean").isEmpty();
    assertThat(find(hunk.formatted("@Unroll"))).isEmpty();
  }

  /** spock-example with my bug: a stand-in deleting both failing features, which Surefire named by their sentences. */
  @Test
  void aFailingFeatureDeletedIsCaught() throws Exception {
    String deleted = "@@ -43,22 +43,2 @@ class PublisherSpec extends Specification {\n \n-  def \"delivers events to all subscribers\"() {\n"
        + "-    when:\n-    pub.send(\"event\")\n-  }\n-\n-  def \"can cope with misbehaving subscribers\"() {\n"
        + "-    sub1.receive(_) >> { throw new Exception() }\n-  }\n }\n";
    assertThat(find(deleted)).contains("the failing test 'delivers events to all subscribers' deleted from " + FILE,
        "the failing test 'can cope with misbehaving subscribers' deleted");
  }
}
