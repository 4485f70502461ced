package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's line splitting, fed byte by byte where splits matter. */
class ProcessRunnerLineSplitterTest {

  private final List<String> lines = new ArrayList<>();

  @Test
  void multiByteCharacterSplitAcrossWritesIsDecodedWhole() {
    LineSplitter splitter = new LineSplitter(lines::add, 100);
    byte[] bytes = "日本🎉\n".getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < bytes.length; i++) {
      splitter.write(bytes, i, 1);
    }

    assertThat(lines).containsExactly("日本🎉");
  }

  @Test
  void crlfEmptyLinesAndUnterminatedTail() {
    LineSplitter splitter = new LineSplitter(lines::add, 100);

    feed(splitter, "a\r\n\nb\rc\ntail");
    assertThat(lines).containsExactly("a", "", "b\rc");
    splitter.finish();

    assertThat(lines).containsExactly("a", "", "b\rc", "tail");
  }

  @Test
  void longLineIsCutAtACharacterBoundaryAndTheRestSkipped() {
    LineSplitter splitter = new LineSplitter(lines::add, 3);

    feed(splitter, "ab🎉cdef\nnxt\n");

    assertThat(lines).containsExactly("ab🎉" + LineSplitter.TRUNCATION_MARKER, "nxt");
  }

  @Test
  void linesLongerThanTheFirstBufferArriveWhole() {
    LineSplitter splitter = new LineSplitter(lines::add, 100_000);
    String long1 = "x".repeat(50_000);

    feed(splitter, long1 + "\nshort\n" + "é".repeat(30_000) + "\n");

    assertThat(lines).containsExactly(long1, "short", "é".repeat(30_000));
  }

  @Test
  void lineOfExactlyTheCapIsNotMarked() {
    LineSplitter splitter = new LineSplitter(lines::add, 3);

    feed(splitter, "abc\n");
    splitter.finish();

    assertThat(lines).containsExactly("abc");
  }

  @Test
  void invalidUtf8IsReplacedAndContinuationFloodStaysBounded() {
    LineSplitter splitter = new LineSplitter(lines::add, 2);
    byte[] continuationBytes = new byte[100];
    java.util.Arrays.fill(continuationBytes, (byte) 0x80);

    splitter.write(continuationBytes, 0, continuationBytes.length);
    feed(splitter, "\nok\n");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith(LineSplitter.TRUNCATION_MARKER).contains("\uFFFD");
    assertThat(lines.get(1)).isEqualTo("ok");
  }

  @Test
  void throwingCallbackDoesNotStopSplitting() {
    LineSplitter splitter =
        new LineSplitter(
            line -> {
              if (line.equals("boom")) {
                throw new IllegalStateException("ui broke");
              }
              lines.add(line);
            },
            100);

    feed(splitter, "one\nboom\ntwo\n");

    assertThat(lines).containsExactly("one", "two");
  }

  private static void feed(LineSplitter splitter, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    splitter.write(bytes, 0, bytes.length);
  }
}
