package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code acr} with no prompt on a terminal: the interactive shell, driven through a jline
 * terminal made of pipes, with fake agents in a temporary git repository.
 */
class CliShellTest {
  private static final String QUESTION = "[r]un (Enter), [c]hange chain, [d]ry-run only, [n] cancel? ";

  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  private ShellDriver shell(String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--config", h.config.toString(), "--verify", "sh check.sh"));
    args.addAll(List.of(extra));
    return new ShellDriver(h, args.toArray(String[]::new));
  }

  private Path history() {
    return h.acrHome.resolve("history");
  }

  @Test
  void promptShowsTheDecisionAsksAndRunsLikeAcrPrompt() throws Exception {
    try (ShellDriver s = shell("--chain", "fixer")) {
      s.await("acr [fixer]> ");
      s.type("fix value.txt\n");
      String decision = s.await(QUESTION);
      assertThat(decision).contains("dimension  bug_fixing").contains("verify     sh check.sh  (--verify)")
          .containsPattern("chain +--chain").contains("  1. fixer").contains("first run  $ ");
      assertThat(h.memoryRecords()).as("nothing runs before the answer").isEmpty();
      s.type("r\n");
      String run = s.await("acr [fixer]> ");
      assertThat(run).contains("acr: attempt 1: fixer").contains("[fixer] fixer: editing value.txt")
          .containsPattern("(?m)^#  route  status  +time  +cost$")
          .containsPattern("(?m)^1  fixer  verified  +[0-9.]+s  unknown$")
          .contains("verified: applied to your working tree (value.txt)");
      s.type("\u0004"); // Ctrl-D leaves
      assertThat(s.awaitExit()).as(s.toString()).isZero();
    }
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).hasSize(1);
    assertThat(mem.get(0).get("status").asText()).isEqualTo("verified");
    assertThat(mem.get(0).get("prompt").asText()).isEqualTo("fix value.txt");
    assertThat(h.keptWorktrees()).hasSize(1); // the run's, kept for the next one
    assertThat(Files.readString(history())).contains("fix value.txt");
    assertThat(Files.getPosixFilePermissions(history())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void dryRunAndCancelRunNothing() throws Exception {
    String before = h.status();
    try (ShellDriver s = shell("--chain", "fixer")) {
      s.await("> ");
      s.type("fix value.txt\n");
      s.await(QUESTION);
      s.type("maybe\n");
      assertThat(s.await(QUESTION)).contains("acr: answer r (run), c (change the chain), d (dry-run only) or n (cancel)");
      s.type("d\n");
      assertThat(s.await("> ")).contains("dry run: nothing was executed or written");
      s.type("fix value.txt now\n");
      s.await(QUESTION);
      s.type("n\n");
      assertThat(s.await("> ")).contains("cancelled: nothing was executed");
      s.type(":quit\n");
      assertThat(s.awaitExit()).as(s.toString()).isZero();
    }
    assertThat(h.memoryRecords()).isEmpty();
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.status()).isEqualTo(before);
    assertThat(h.acrHome.resolve("runs")).doesNotExist();
  }

  @Test
  void aCommandsNameTypedInTheShellIsNotSentToAnAgent() throws Exception {
    try (ShellDriver s = shell("--chain", "fixer")) {
      s.await("> ");
      s.type("runs\n");
      assertThat(s.await("> ")).contains("acr: 'runs' is acr's command, not a task for an agent: run acr runs outside the"
          + " shell, or say what the agent should do (:help)").doesNotContain("dimension");
      s.type("help\n");
      assertThat(s.await("> ")).contains("acr: 'help' is not a task for an agent; :help says what the shell does");
      s.type(":quit\n");
      assertThat(s.awaitExit()).as(s.toString()).isZero();
    }
    assertThat(h.memoryRecords()).isEmpty();
  }

  @Test
  void changingTheChainPlansAgainBeforeAsking() throws Exception {
    try (ShellDriver s = shell()) {
      s.await("acr> ");
      s.type("fix value.txt\n");
      assertThat(s.await(QUESTION)).containsPattern("chain +policy \\(memory: 0 records\\)");
      s.type("c\n");
      s.await("chain (routes or tools, comma-separated; policy = let acr choose): ");
      s.type("breaker, fixer\n");
      String replanned = s.await(QUESTION);
      assertThat(replanned).containsPattern("chain +--chain").contains("  1. breaker").contains("  2. fixer");
      s.type("c\n");
      s.await("choose): ");
      s.type("nosuchtool\n");
      assertThat(s.await(QUESTION)).contains("acr: --chain: ").contains("nosuchtool");
      s.type("r\n");
      String run = s.await("acr> ");
      assertThat(run).contains("acr: attempt 1: breaker").contains("acr: attempt 2: fixer")
          .containsPattern("(?m)^1  breaker  failed  ").containsPattern("(?m)^2  fixer    verified  ")
          .containsPattern("(?m)^   total  ");
      s.type(":quit\n");
      assertThat(s.awaitExit()).as(s.toString()).isZero();
    }
    assertThat(h.memoryRecords()).extracting(m -> m.get("route").asText()).containsExactly("breaker", "fixer");
  }

  @Test
  void ctrlCStopsTheRunningAttemptAndTheShellGoesOn() throws Exception {
    Path started = tmp.resolve("hanger-started");
    h.agent("hanger", "touch '" + started + "'\nsleep 600\n");
    h.writeConfig(List.of(CliHarness.tool("hanger", h.agents.resolve("hanger").toString(), null),
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null)));
    try (ShellDriver s = shell("--chain", "hanger")) {
      s.await("> ");
      s.type("fix value.txt\n");
      s.await(QUESTION);
      s.type("\n"); // Enter runs
      s.awaitFile(started);
      s.type("\u0003");
      String stopped = s.await("acr [hanger]> ");
      assertThat(stopped).contains("1  hanger  interrupted").contains("acr: stopped by Ctrl-C; the shell goes on");
      // still usable: the next prompt is planned and answered
      s.type(":chain fixer\n");
      s.await("acr [fixer]> ");
      s.type("fix value.txt\n");
      s.await(QUESTION);
      s.type("r\n");
      assertThat(s.await("acr [fixer]> ")).contains("verified: applied");
      s.type("\u0004");
      assertThat(s.awaitExit()).as(s.toString()).isZero();
    }
    assertThat(h.memoryRecords()).extracting(m -> m.get("status").asText()).containsExactly("interrupted", "verified");
    assertThat(h.keptWorktrees()).hasSize(1); // the run's, kept for the next one
  }

  @Test
  void ctrlCAtThePromptDropsTheLine() throws Exception {
    try (ShellDriver s = shell()) {
      s.await("acr> ");
      s.type("half a prompt");
      s.await("half a prompt"); // the echo: a person does not type Ctrl-C within the same microsecond
      s.type("\u0003");
      s.await("acr> ");
      s.type(":quit\n");
      assertThat(s.awaitExit()).as(s.toString()).isZero();
      assertThat(s.screen()).doesNotContain("dimension");
    }
    assertThat(Files.readString(history())).doesNotContain("half a prompt");
    assertThat(h.memoryRecords()).isEmpty();
  }

  @Test
  void tabCompletesCommandsToolsAndRoutes() throws Exception {
    try (ShellDriver s = shell()) {
      s.await("acr> ");
      s.type(":too\t\n");
      String tools = s.await("acr> ");
      assertThat(tools).contains("tools in " + h.config).containsPattern("fixer +installed +fixer")
          .containsPattern("breaker +installed +breaker");
      s.type(":chain br\t,fi\t\n");
      assertThat(s.await("acr [breaker,fixer]> ")).contains("chain: breaker,fixer");
      s.type(":chain policy\n");
      assertThat(s.await("acr> ")).contains("chain: chosen by the policy for each prompt");
      s.type(":nope\n");
      assertThat(s.await("acr> ")).contains("acr: unknown command :nope; :help lists the commands");
      s.type(":help\n");
      assertThat(s.await("acr> ")).contains(":dry-run PROMPT").contains("Ctrl-D leaves").contains(history().toString());
      s.type("\u0004");
      assertThat(s.awaitExit()).isZero();
    }
  }

  /** Types {@code keys} and Enter at the prompt, answers cancel, leaves with Ctrl-D; returns the decision shown. */
  private static String promptCancelAndLeave(ShellDriver s, String keys) throws InterruptedException {
    s.await("acr> ");
    s.type(keys + "\n");
    String decision = s.await(QUESTION);
    s.type("n\n");
    s.await("acr> ");
    s.type("\u0004");
    assertThat(s.awaitExit()).as(s.toString()).isZero();
    return decision;
  }

  @Test
  void historyIsKeptInAcrHomeAndRecalledNextTime() throws Exception {
    try (ShellDriver s = shell()) {
      promptCancelAndLeave(s, "explain value.txt");
    }
    // jline's history file: one "epoch-millis:line" per line; answers to questions are not kept
    assertThat(Files.readAllLines(history())).hasSize(1).allMatch(l -> l.endsWith(":explain value.txt"));
    try (ShellDriver s = shell()) {
      // Ctrl-P recalls the previous session's line
      assertThat(promptCancelAndLeave(s, "\u0010")).contains("dimension  code_understanding");
    }
  }

  @Test
  void noStorePromptKeepsHistoryOutOfTheFile() throws Exception {
    try (ShellDriver s = shell("--no-store-prompt")) {
      promptCancelAndLeave(s, "fix value.txt");
    }
    assertThat(history()).doesNotExist();
  }

  @Test
  void dryRunOptionExplainsEveryPromptWithoutAsking() throws Exception {
    try (ShellDriver s = shell("--dry-run")) {
      s.await("acr (dry-run)> ");
      s.type("fix value.txt\n");
      String shown = s.await("acr (dry-run)> ");
      assertThat(shown).contains("dimension  bug_fixing").contains("dry run: nothing was executed or written")
          .doesNotContain(QUESTION);
      s.type(":dry-run\n");
      assertThat(s.await("> ")).contains(":dry-run needs a prompt");
      s.type("\u0004");
      assertThat(s.awaitExit()).isZero();
    }
    assertThat(h.memoryRecords()).isEmpty();
  }

  @Test
  void withoutATerminalOrWithJsonThereIsNoShell() throws Exception {
    for (boolean interactive : new boolean[] {false, true}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine(new Env(h.env(), h.repo, Ansi.OFF, new ShellDriver.FakeTty(interactive, 0, null)));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      // The fake terminal is null: opening it would fail the test.
      int exit = interactive ? cl.execute("--json") : cl.execute();
      assertThat(exit).isEqualTo(2);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).contains("Usage: acr");
    }
    assertThat(h.acrHomeContents()).isEmpty();
  }

  @Test
  void aBrokenConfigIsAUsageErrorBeforeTheShellOpens() throws Exception {
    Files.writeString(h.config, "{not json");
    try (ShellDriver s = shell()) {
      assertThat(s.awaitExit()).isEqualTo(2);
      assertThat(s.err()).startsWith("acr: ").contains(h.config.toString());
      assertThat(s.screen()).isEmpty();
    }
  }

  /**
   * The shell shows exactly what --dry-run shows for the same prompt (the same chain, the same
   * exploring note), and with no tool able to run it says what to fix instead of offering [r]un.
   */
  @Test
  void theShellShowsTheDryRunsDecision() throws Exception {
    CliHarness.Run dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt");
    String chain = dry.out().substring(dry.out().indexOf("chain      "), dry.out().indexOf("first run  $"));
    try (ShellDriver s = shell()) {
      s.await("acr> ");
      s.type("fix value.txt\n");
      assertThat(s.await(QUESTION).replace("\r", "")).as(s.toString()).contains(chain);
      s.type("n\n");
      s.await("acr> ");
      s.type("\u0004");
      assertThat(s.awaitExit()).isZero();
    }
    h.writeConfig(List.of(CliHarness.tool("ghost", "acr-test-ghost-does-not-exist", "brew install ghost-agent")));
    try (ShellDriver s = shell()) {
      s.await("acr> ");
      s.type("fix value.txt\n");
      String shown = s.await("acr> ");
      assertThat(shown).as(s.toString())
          .contains("  skipping ghost:*: not installed — install it with: brew install ghost-agent")
          .contains("nothing to run: no tool can run here").doesNotContain("[r]un").doesNotContain("no route worth");
      s.type("\u0004");
      assertThat(s.awaitExit()).isZero();
    }
    assertThat(h.memoryRecords()).isEmpty();
  }
}
