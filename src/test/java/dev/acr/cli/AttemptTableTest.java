package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class AttemptTableTest {
  private static AttemptResult attempt(String route, AttemptStatus s, long ms, Double cost) {
    int colon = route.indexOf(':');
    Route r = colon < 0 ? new Route(route, null) : new Route(route.substring(0, colon), route.substring(colon + 1));
    return new AttemptResult(r, s, s == AttemptStatus.VERIFIED, 0, false, 0, ms, cost, null, null);
  }

  @Test
  void columnsAlignWithATotalRow() {
    List<String> lines = AttemptTable.lines(List.of(
        attempt("opencode:kimi-k2.5", AttemptStatus.FAILED, 12_300, 0.0123),
        attempt("codex:gpt-5.4", AttemptStatus.VERIFIED, 95_000, null)), Ansi.OFF);
    assertThat(lines).containsExactly(
        "#  route               status     time     cost",
        "1  opencode:kimi-k2.5  failed    12.3s  $0.0123",
        "2  codex:gpt-5.4       verified  1m35s  unknown",
        "   total                         1m47s  $0.0123");
  }

  @Test
  void oneAttemptHasNoTotalAndColourIsOnlyOnTheText() {
    List<String> plain = AttemptTable.lines(List.of(attempt("fixer", AttemptStatus.INTERRUPTED, 400, null)), Ansi.OFF);
    assertThat(plain).containsExactly("#  route  status       time     cost", "1  fixer  interrupted  0.4s  unknown");
    List<String> coloured = AttemptTable.lines(List.of(attempt("fixer", AttemptStatus.INTERRUPTED, 400, null)), Ansi.ON);
    assertThat(coloured.get(1)).contains("\u001b[").contains("interrupted");
    assertThat(coloured.get(1).replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.get(1));
  }

  @Test
  void longRunsReadInMinutesAndHours() {
    assertThat(AttemptTable.duration(59_949)).isEqualTo("59.9s");
    assertThat(AttemptTable.duration(61_000)).isEqualTo("1m01s");
    assertThat(AttemptTable.duration(3_723_000)).isEqualTo("1h02m");
  }
}
