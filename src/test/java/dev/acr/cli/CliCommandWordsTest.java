package dev.acr.cli;

import static dev.acr.cli.CliHarness.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a word that names a command is a command and where it is part of a prompt, and options
 * given on the wrong side of a command's name: what a new user types without quotes.
 */
class CliCommandWordsTest {
  @TempDir java.nio.file.Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  @Test
  void anUnquotedPromptMayHoldACommandsName() throws Exception {
    for (List<String> words : List.of(List.of("fix", "the", "stats", "page"), List.of("improve", "the", "doctor", "output"),
        List.of("make", "apply", "faster"))) {
      List<String> args = new java.util.ArrayList<>(List.of("--chain", "fixer", "--verify", "sh check.sh", "--dry-run", "--json"));
      args.addAll(words);
      CliHarness.Run r = h.acr(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.json().path("dry_run").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.err()).doesNotContain("Unmatched").doesNotContain("--help");
    }
    assertThat(AcrCommand.mayNeedSubcommands("--dry-run", "fix", "the", "stats", "page")).isFalse();
    assertThat(AcrCommand.mayNeedSubcommands("--tool", "bench", "stats")).isTrue();
  }

  @Test
  void theOptionsThatTakeAValueAreTheRootCommandsOwn() {
    picocli.CommandLine root = new AcrCommand(new Env(java.util.Map.of(), tmp, picocli.CommandLine.Help.Ansi.OFF)).commandLine();
    assertThat(root.getCommandSpec().options().stream().filter(o -> o.arity().max() > 0).map(o -> o.longestName()))
        .containsExactlyInAnyOrderElementsOf(AcrCommand.VALUED_OPTIONS);
  }

  @Test
  void helpFollowedByACommandPointsToThatCommandsHelp() {
    CliHarness.Run r = h.run("help", "runs");
    assertUsageError(r, "'help runs' is not a command; did you mean 'acr runs --help'?");
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void anOptionBeforeTheCommandIsNotSilentlyIgnored() throws Exception {
    h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    // acr's own --memory before 'runs' would list the default memory: the user asked for another.
    CliHarness.Run memory = h.run("--memory", tmp.resolve("other.jsonl").toString(), "runs");
    assertThat(memory.exit()).as(memory.toString()).isEqualTo(2);
    assertThat(memory.out()).isEmpty();
    assertThat(memory.errLines().get(0)).isEqualTo("acr: --memory goes after the command: acr runs --memory " + tmp.resolve("other.jsonl"));
    CliHarness.Run json = h.run("--json", "stats");
    assertThat(json.exit()).as(json.toString()).isEqualTo(2);
    assertThat(json.out()).isEmpty();
    assertThat(json.errLines().get(0)).isEqualTo("acr: --json goes after the command: acr stats --json");
    // One the command has no use for is ignored, as before: acr='acr --config FILE' as an alias still lists runs.
    CliHarness.Run aliased = h.acr("runs");
    assertThat(aliased.exit()).as(aliased.toString()).isZero();
    assertThat(aliased.out()).contains("fix value.txt");
    // doctor reads these before its name too.
    CliHarness.Run doctor = h.run("--memory", tmp.resolve("other.jsonl").toString(), "doctor");
    assertThat(doctor.out()).as(doctor.toString()).contains("ok    memory: " + tmp.resolve("other.jsonl") + ": 0 record(s)");
    // Help and version before a command stay what they were.
    assertThat(h.run("--help", "runs").exit()).isZero();
    assertThat(h.run("runs", "--memory", tmp.resolve("other.jsonl").toString()).exit()).isZero();
  }

  @Test
  void aPromptThatStartsWithACommandsNameIsToldToQuoteIt() {
    CliHarness.Run r = h.run("stats", "for", "the", "parser");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines().get(0)).contains("'for'")
        .endsWith("; a prompt that starts with the word 'stats' needs quotes: acr \"stats for the parser\"");
  }
}
