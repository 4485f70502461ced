package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The status line's frames, with a hand-moved clock and no ticker thread. */
class StatusLineTest {
  private final StringWriter screen = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger width = new AtomicInteger(60);

  private StatusLine status(Ansi ansi) {
    return new StatusLine(new PrintWriter(screen, true), width::get, ansi, false, nanos::get, null);
  }

  private void advance(long seconds) {
    nanos.addAndGet(seconds * 1_000_000_000L);
  }

  @Test
  void drawsInPlaceWithElapsedTimeAndLeavesNothingBehind() {
    StatusLine s = status(Ansi.OFF);
    assertThat(screen.toString()).isEqualTo("\racr: preparing (snapshot and baseline tests)  0:00");
    s.show("attempt 1/2  fixer");
    advance(75);
    s.tick();
    String frames = screen.toString();
    // the longer text before is blanked, then the new one drawn from column 0
    assertThat(frames).endsWith("\racr: attempt 1/2  fixer  1:15");
    assertThat(frames).contains("\r" + " ".repeat("acr: preparing (snapshot and baseline tests)  0:00".length()) + "\r");
    s.close();
    assertThat(screen.toString()).endsWith("\r" + " ".repeat("acr: attempt 1/2  fixer  1:15".length()) + "\r");
    assertThat(screen.toString()).doesNotContain("\n").doesNotContain("\u001b");
  }

  @Test
  void logLinesArePrintedAboveTheStatus() {
    StatusLine s = status(Ansi.OFF);
    s.show("attempt 1/1  fixer");
    int before = screen.toString().length();
    PrintWriter w = s.writer();
    w.println("acr: attempt 1: fixer");
    String after = screen.toString().substring(before);
    String line = "acr: attempt 1/1  fixer  0:00";
    assertThat(after).isEqualTo("\r" + " ".repeat(line.length()) + "\racr: attempt 1: fixer" + System.lineSeparator() + "\r" + line);
    s.close();
  }

  @Test
  void fitsTheTerminalWidthAndHidesWhenThereIsNoRoom() {
    width.set(20);
    StatusLine s = status(Ansi.OFF);
    assertThat(screen.toString()).isEqualTo("\racr: preparing (sn~");
    assertThat("acr: preparing (sn~").hasSize(19);
    width.set(5);
    s.show("attempt 1/1  fixer");
    assertThat(screen.toString()).endsWith("\r" + " ".repeat(19) + "\r");
    s.close();
  }

  @Test
  void onASmartTerminalTheLineIsClearedToItsEndInsteadOfOverwrittenWithBlanks() {
    StatusLine s = new StatusLine(new PrintWriter(screen, true), width::get, Ansi.OFF, true, nanos::get, null);
    s.show("attempt 1/1  a");
    s.println("log");
    s.close();
    assertThat(screen.toString()).isEqualTo("\racr: preparing (snapshot and baseline tests)  0:00"
        + "\r\u001b[K\racr: attempt 1/1  a  0:00"
        + "\r\u001b[K\rlog" + System.lineSeparator() + "\racr: attempt 1/1  a  0:00"
        + "\r\u001b[K\r");
  }

  @Test
  void colourOnlyWhenAnsiIsOn() {
    status(Ansi.ON).close();
    assertThat(screen.toString()).contains("\u001b[");
  }

  /** The status lines of two attempts, a then b, with at most {@code max} attempts and a ending {@code first}. */
  private List<String> twoAttempts(int max, AttemptStatus first) {
    StatusLine s = status(Ansi.OFF);
    RunLoop.Listener l = s.listener(RunLoop.SILENT, max);
    Route a = new Route("a", null);
    Route b = new Route("b", null);
    l.beforeAttempt(null, a, 1, List.of(a, b));
    String one = screen.toString();
    l.afterAttempt(null, new AttemptResult(a, first, false, 0, false, 1, 10, null, null, null), 1);
    l.beforeAttempt(null, b, 2, List.of(a, b));
    String two = screen.toString();
    s.close();
    return List.of(one, two);
  }

  @Test
  void listenerCountsTheAttemptsThisRunCanStillMake() {
    List<String> lines = twoAttempts(3, AttemptStatus.FAILED);
    assertThat(lines.get(0)).endsWith("acr: attempt 1/2  a  0:00");
    assertThat(lines.get(1)).endsWith("acr: attempt 2/2  b  0:00");
  }

  @Test
  void anAttemptWhereNoAgentCouldRunLeavesItsPlaceInTheLimit() {
    List<String> lines = twoAttempts(1, AttemptStatus.INFRA_ERROR);
    assertThat(lines.get(0)).endsWith("acr: attempt 1/1  a  0:00");
    assertThat(lines.get(1)).endsWith("acr: attempt 2/2  b  0:00");
  }

  @Test
  void elapsedTimeReadsLikeAClock() {
    assertThat(StatusLine.elapsed(0)).isEqualTo("0:00");
    assertThat(StatusLine.elapsed(61)).isEqualTo("1:01");
    assertThat(StatusLine.elapsed(3723)).isEqualTo("1:02:03");
  }

  @Test
  void lineWriterHandsOnWholeLines() throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    StatusLine.LineWriter w = new StatusLine.LineWriter(lines::add);
    w.write("one\r\ntw");
    w.write("o\nthree");
    assertThat(lines).containsExactly("one", "two");
    w.close();
    assertThat(lines).containsExactly("one", "two", "three");
  }
}
