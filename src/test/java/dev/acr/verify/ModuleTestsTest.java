package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.git.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven module tested from the top of its reactor runs only its own tests (victools/jsonschema-generator's
 * jackson module: 138 tests, where -am also ran its sibling's 993), unless a POM chooses the tests itself.
 */
class ModuleTestsTest {

  @TempDir Path root;

  private static final String JACKSON = "com/github/victools/jsonschema/module/jackson";

  private void write(String rel, String content) {
    GitFixture.write(root, rel, content);
  }

  private VerifyCommand detect(String from) {
    return VerifyDetector.detect(root, root.resolve(from), null).command();
  }

  @BeforeEach
  void reactor() throws IOException {
    write("pom.xml", "<project><modules><module>jsonschema-generator</module><module>jsonschema-module-jackson</module>"
        + "</modules></project>");
    write("jsonschema-generator-parent/pom.xml", "<project><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId>"
        + "</plugin></plugins></build></project>");
    write("jsonschema-generator/pom.xml", "<project><build><resources><resource><includes><include>x</include></includes>"
        + "</resource></resources></build></project>");
    write("jsonschema-generator/src/test/java/com/github/victools/jsonschema/generator/SchemaGeneratorTest.java", "");
    write("jsonschema-module-jackson/pom.xml", "<project><parent><artifactId>jsonschema-generator-parent</artifactId>"
        + "<relativePath>../jsonschema-generator-parent/pom.xml</relativePath></parent></project>");
    write("jsonschema-module-jackson/src/test/java/" + JACKSON + "/JsonPropertySorterTest.java", "");
    write("jsonschema-module-jackson/src/test/java/" + JACKSON + "/deep/TestHelpers.java", "");
    write("jsonschema-module-jackson/src/test/java/" + JACKSON + "/AbstractTypeAware.java", "");
  }

  @Test
  void onlyTheModulesOwnTestsRun() {
    assertThat(detect("jsonschema-module-jackson")).isEqualTo(new VerifyCommand("cd .. && mvn -B test -pl jsonschema-module-jackson"
        + " -am -Dtest='" + JACKSON + "/**/Test*," + JACKSON + "/**/*Test," + JACKSON + "/**/*Tests," + JACKSON + "/**/*TestCase'"
        + " -Dsurefire.failIfNoSpecifiedTests=false", "detected: pom.xml, a module of ../pom.xml; its own tests only (-Dtest): the"
        + " modules it needs are built, not tested"));
  }

  @Test
  void aPomThatChoosesTheTestsKeepsThePlainRun() throws IOException {
    write("jsonschema-generator-parent/pom.xml", "<project><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId>"
        + "<configuration><excludes><exclude>**/*IT.java</exclude></excludes></configuration></plugin></plugins></build></project>");
    assertThat(detect("jsonschema-module-jackson").command()).as("the parent by relativePath")
        .isEqualTo("cd .. && mvn -B test -pl jsonschema-module-jackson -am");
    write("jsonschema-generator-parent/pom.xml", "<project><!-- <excludes> --></project>");
    assertThat(detect("jsonschema-module-jackson").command()).as("in a comment").contains("-Dtest=");
    write("jsonschema-generator/pom.xml", "<project><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId>"
        + "<configuration><failIfNoSpecifiedTests>true</failIfNoSpecifiedTests></configuration></plugin></plugins></build></project>");
    assertThat(detect("jsonschema-module-jackson").command()).as("a sibling that would fail without a matching test")
        .doesNotContain("-Dtest=");
  }

  @Test
  void testsInTheDefaultPackageOrAnotherLanguageKeepThePlainRun() throws IOException {
    write("jsonschema-module-jackson/src/test/kotlin/SorterTest.kt", "");
    assertThat(detect("jsonschema-module-jackson").command()).doesNotContain("-Dtest=");
    Files.delete(root.resolve("jsonschema-module-jackson/src/test/kotlin/SorterTest.kt"));
    Files.delete(root.resolve("jsonschema-module-jackson/src/test/kotlin"));
    write("jsonschema-module-jackson/src/test/java/PlainTest.java", "");
    assertThat(detect("jsonschema-module-jackson").command()).doesNotContain("-Dtest=");
  }

  /** Surefire before 3.0.0-M6 skips JUnit 5 @Nested classes under -Dtest: a test only they hold would not run. */
  @Test
  void nestedTestClassesKeepThePlainRun() {
    write("jsonschema-module-jackson/src/test/java/" + JACKSON + "/JsonPropertySorterTest.java",
        "class JsonPropertySorterTest {\n  @Nested\n  class WhenEmpty {}\n}\n");
    assertThat(detect("jsonschema-module-jackson").command()).isEqualTo("cd .. && mvn -B test -pl jsonschema-module-jackson -am");
  }
}
