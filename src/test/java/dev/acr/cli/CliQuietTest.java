package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** --quiet: no agent output, a status line only on a terminal, and the summary table for every run. */
class CliQuietTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  /** acr in the repository as if stderr were a terminal this wide (0: not a terminal). */
  private CliHarness.Run onTerminal(int stderrWidth, Ansi ansi, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new Env(h.env(), h.repo, ansi, new ShellDriver.FakeTty(false, stderrWidth, null)));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--config", h.config.toString(), "--verify", "sh check.sh"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new CliHarness.Run(exit, out.toString(), err.toString());
  }

  @Test
  void withoutATerminalQuietPrintsNoAgentOutputNoStatusLineButTheTable() throws Exception {
    CliHarness.Run r = h.acr("-q", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("\r").doesNotContain("[fixer]").doesNotContain("fixer: editing");
    assertThat(r.err()).contains("acr: attempt 1: breaker").contains("acr: attempt 2 fixer: verified");
    assertThat(r.out()).containsPattern("(?m)^#  route    status  +time  +cost$")
        .containsPattern("(?m)^1  breaker  failed  +[0-9.]+s  unknown$")
        .containsPattern("(?m)^2  fixer    verified  +[0-9.]+s  unknown$")
        .containsPattern("(?m)^   total  +[0-9.]+s  unknown$")
        .containsPattern("(?m)^attempt 1: patch kept \\(value\\.txt\\): .*attempt-1/changes\\.patch; apply it with: acr apply \\S+ 1$")
        .doesNotContain("\u001b");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void onATerminalQuietDrawsAStatusLineAndClearsIt() {
    CliHarness.Run r = onTerminal(80, Ansi.OFF, "--quiet", "--chain", "fixer", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("\racr: preparing (snapshot and baseline tests)  0:")
        .contains("\racr: attempt 1/1  fixer  0:").doesNotContain("fixer: editing").doesNotContain("\u001b");
    // log lines stay whole, each on its own line, the status drawn again after them
    assertThat(r.err()).containsPattern("\racr: attempt 1: fixer\\R[^\n]*\racr: attempt 1/1  fixer  ");
    // the last thing on stderr blanks the status line: nothing is left on screen
    String afterLastNewline = r.err().substring(r.err().lastIndexOf('\n') + 1);
    assertThat(afterLastNewline.replaceAll("acr: [^\r]*", "")).matches("[\r ]*");
    assertThat(afterLastNewline).endsWith("\r");
    assertThat(r.out()).containsPattern("(?m)^1  fixer  verified  ");
  }

  @Test
  void colourFollowsAnsiAndNoColorTurnsItOff() {
    CliHarness.Run coloured = onTerminal(80, Ansi.ON, "-q", "--chain", "breaker", "fix value.txt");
    assertThat(coloured.exit()).isEqualTo(1);
    assertThat(coloured.err()).contains("\u001b[");
    assertThat(coloured.out()).contains("\u001b[");
    h.extraEnv.put("NO_COLOR", "1");
    CliHarness.Run plain = h.acr("-q", "--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(plain.exit()).isEqualTo(1);
    assertThat(plain.out() + plain.err()).doesNotContain("\u001b");
    assertThat(plain.out()).containsPattern("(?m)^1  breaker  failed  ");
  }

  @Test
  void notQuietStreamsTheAgentAndDrawsNoStatusLineEvenOnATerminal() {
    CliHarness.Run r = onTerminal(80, Ansi.OFF, "--chain", "fixer", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("[fixer] fixer: editing value.txt").doesNotContain("\r");
    assertThat(r.out()).containsPattern("(?m)^1  fixer  verified  ");
  }

  @Test
  void jsonStaysOneDocumentWithQuiet() throws Exception {
    CliHarness.Run r = onTerminal(80, Ansi.OFF, "--json", "-q", "--chain", "fixer", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode n = r.json();
    assertThat(n.get("verified").asBoolean()).isTrue();
    assertThat(n.get("attempts").get(0).get("route").asText()).isEqualTo("fixer");
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
    assertThat(r.out()).doesNotContain("route    status");
  }
}
