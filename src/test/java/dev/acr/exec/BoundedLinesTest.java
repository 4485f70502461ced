package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

  private static List<String> lines(String text, int max) throws Exception {
    BoundedLines r = new BoundedLines(new StringReader(text), max);
    List<String> out = new ArrayList<>();
    for (String l; (l = r.next()) != null; ) {
      out.add(l);
    }
    return out;
  }

  @Test
  void splitsLikeReadLineForShortLines() throws Exception {
    assertThat(lines("a\nbb\n\nccc", 10)).containsExactly("a", "bb", "", "ccc");
    assertThat(lines("a\n", 10)).containsExactly("a");
    assertThat(lines("", 10)).isEmpty();
  }

  @Test
  void overLongLinesComeBackEmptyAndTheRestIsIntact() throws Exception {
    String huge = "x".repeat(200_000);
    assertThat(lines("{\"a\":1}\n" + huge + "\n{\"b\":2}\n" + huge, 1000))
        .containsExactly("{\"a\":1}", "", "{\"b\":2}", "");
    assertThat(lines("y".repeat(1000) + "\n", 1000)).containsExactly("y".repeat(1000));
  }
}
