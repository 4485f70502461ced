package dev.acr.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failing rows of a table-driven test deleted. Go names each row's subtest by a string of the row ({@code t.Run(c.name,
 * ...)}), so deleting the failing rows makes {@code go test} pass with no skip added, no test function deleted and, without
 * {@code -v}, no count to compare ({@link TestCounts}): a stand-in deleting two rows of a {@code slug_test.go} table was
 * verified and applied. pytest's explicit ids ({@code test_x[spaces]}) are the same. A failing name's row ({@code
 * TestMake/spaces}) quoted on a removed line of a test file and on no added line is that row deleted; a row edited in place
 * (a corrected expectation) keeps its name on an added line and is left to the tests.
 */
final class TableCases {

  /** Go's test, subtests below it, the row last: {@code TestMake/spaces}, {@code TestParse/dates/leap_year#01}. */
  private static final Pattern GO = Pattern.compile("^((?:Test|Example|Fuzz)\\w*)/(?:.*/)?([^/]+?)(?:#\\d+)?$");
  /** pytest's parametrized test and its id: {@code tests/test_a.py::test_slug[spaces]}. */
  private static final Pattern PYTEST = Pattern.compile("(?:^|::)(\\w+)\\[([^\\]]+)\\]$");
  /** Shorter row names ("a", "ok") are words of too many other lines. */
  private static final int MIN_LENGTH = 3;

  private TableCases() {}

  /** A prompt asking rows removed: "remove the spaces case", "drop the rows for empty input". */
  private static final Pattern ASKED = Pattern.compile("(?i)\\b(?:remov|delet|drop)\\w*\\W+(?:\\w+\\W+){0,4}?(?:cases?|rows?|entr(?:y|ies))\\b");

  /**
   * What the change deleted of the failing rows {@code failing}, said for the user; empty when nothing or when {@code prompt}
   * asks rows removed (which {@link DisabledTests}' own "remove the test" words may not cover: "remove the spaces case").
   */
  static List<String> deleted(PatchScan scan, List<String> failing, String prompt) {
    if (prompt != null && ASKED.matcher(prompt).find()) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (String name : failing) {
      Matcher go = GO.matcher(name.strip());
      Matcher py = PYTEST.matcher(name.strip());
      String test;
      Pattern quoted;
      String row;
      if (go.find()) {
        test = go.group(1);
        row = go.group(2);
        // go test shows a space in a row's name as '_': "hello world" runs as TestMake/hello_world.
        StringBuilder re = new StringBuilder();
        for (char c : row.toCharArray()) {
          re.append(c == '_' ? "[ _]" : Pattern.quote(String.valueOf(c)));
        }
        quoted = Pattern.compile("[\"`]" + re + "[\"`]");
      } else if (py.find()) {
        test = py.group(1);
        row = py.group(2);
        quoted = Pattern.compile("[\"']" + Pattern.quote(row) + "[\"']");
      } else {
        continue;
      }
      if (row.length() < MIN_LENGTH) {
        continue;
      }
      scan.titled().stream().filter(l -> quoted.matcher(l.text()).find()).findFirst()
          .filter(l -> scan.added().stream().noneMatch(a -> quoted.matcher(a).find()))
          .ifPresent(l -> found.add("the failing case \"" + row + "\" of " + test + " deleted from " + l.file()));
    }
    return found;
  }
}
