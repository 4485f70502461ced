package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failing rows of a table-driven test deleted, which passes the tests with nothing else to show for it. */
class TableCasesTest {
  @TempDir Path tmp;

  private static final List<String> GO_FAILING = List.of("TestMake", "TestMake/spaces", "TestMake/many_words");

  private Optional<String> find(String patch, String prompt, List<String> failing) throws Exception {
    Path p = Files.writeString(tmp.resolve("changes.patch"), patch);
    return DisabledTests.find(p, prompt, failing);
  }

  /** slug_test.go's table with {@code removed} rows taken out and {@code added} put in. */
  private static String goTable(String removed, String added) {
    return "diff --git a/slug_test.go b/slug_test.go\n--- a/slug_test.go\n+++ b/slug_test.go\n"
        + "@@ -6,9 +6,7 @@ func TestMake(t *testing.T) {\n"
        + " \t\t{\"lower\", \"Hello\", \"hello\"},\n \t\t{\"trim\", \"  hi \", \"hi\"},\n"
        + removed + added + " \t\t{\"empty\", \"\", \"\"},\n \t}\n";
  }

  @Test
  void goRowsOfTheFailingSubtestsDeleted() throws Exception {
    String rows = "-\t\t{\"spaces\", \"hello world\", \"hello-world\"},\n-\t\t{\"many words\", \"a b c\", \"a-b-c\"},\n";
    assertThat(find(goTable(rows, ""), "fix the failing slug test", GO_FAILING)).get().asString()
        .contains("the failing case \"spaces\" of TestMake deleted from slug_test.go")
        .contains("the failing case \"many_words\" of TestMake deleted from slug_test.go").contains("not verified");
    // A struct literal over several lines: the row's name is on a line of its own.
    assertThat(find(goTable("-\t\t{\n-\t\t\tname: \"spaces\",\n-\t\t\tin:   \"hello world\",\n-\t\t},\n", ""), "fix it", GO_FAILING))
        .get().asString().contains("the failing case \"spaces\" of TestMake deleted");
  }

  @Test
  void aRowEditedInPlaceOrAskedForIsNotTurningItOff() throws Exception {
    String rows = "-\t\t{\"spaces\", \"hello world\", \"hello-world\"},\n";
    assertThat(find(goTable(rows, "+\t\t{\"spaces\", \"hello world\", \"hello_world\"},\n"), "fix the failing slug test", GO_FAILING))
        .as("the expectation corrected: the tests decide, and the note on test-only changes").isEmpty();
    assertThat(find(goTable(rows, ""), "remove the spaces case from the slug test", GO_FAILING)).as("asked").isEmpty();
    assertThat(find(goTable(rows, ""), "drop the table rows for spaces", GO_FAILING)).as("asked").isEmpty();
    assertThat(find(goTable(rows, ""), "fix the failing spaces case", GO_FAILING)).as("named, not asked removed").isPresent();
    assertThat(find(goTable(rows, ""), "fix the failing slug test", List.of("TestMake", "TestMake/trim")))
        .as("a passing row deleted: not the failing one").isEmpty();
    assertThat(find(goTable("-\t\t{\"ok\", \"x\", \"y\"},\n", ""), "fix it", List.of("TestMake/ok")))
        .as("too short a name to tell from other strings").isEmpty();
  }

  @Test
  void pytestExplicitIdsToo() throws Exception {
    String patch = "diff --git a/tests/test_slug.py b/tests/test_slug.py\n--- a/tests/test_slug.py\n+++ b/tests/test_slug.py\n"
        + "@@ -4,5 +4,4 @@\n     pytest.param(\"Hello\", \"hello\", id=\"lower\"),\n"
        + "-    pytest.param(\"hello world\", \"hello-world\", id=\"spaces\"),\n ])\n def test_slug(given, want):\n";
    assertThat(find(patch, "fix the failing slug test", List.of("tests/test_slug.py::test_slug[spaces]"))).get().asString()
        .contains("the failing case \"spaces\" of test_slug deleted from tests/test_slug.py");
  }
}
