package dev.acr.cli;

import static dev.acr.cli.CliHarness.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets first: typos, wrong values, help texts, a Ctrl-C. */
class CliRoughEdgesTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  @Test
  void aMistypedCommandIsNotSentToAnAgentAsItsTask() throws Exception {
    String before = h.status();
    for (String[] typo : List.of(new String[] {"stat", "acr stats"}, new String[] {"run", "acr runs"},
        new String[] {"help", "acr --help"}, new String[] {"docter", "acr doctor"}, new String[] {"explian", "acr explain"})) {
      CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh check.sh", typo[0]);
      assertUsageError(r, "'" + typo[0] + "' is not a command; did you mean '" + typo[1] + "'?");
      assertThat(r.errLines()).hasSize(1);
    }
    assertThat(h.acrHomeContents()).isEmpty();
    assertThat(h.status()).isEqualTo(before);
  }

  @Test
  void oneWordThatIsNoCommandIsStillAPrompt() {
    assertThat(AcrCommand.mistypedCommand(List.of("refactor"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("test"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("fix"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("stats", "for", "the", "parser"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("run the tests"))).isNull();
    // Two slips from a command are real words more often than typos.
    assertThat(AcrCommand.mistypedCommand(List.of("docker"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("factor"))).isNull();
    assertThat(AcrCommand.mistypedCommand(List.of("vector"))).isNull();
  }

  @Test
  void afterTwoDashesAWordThatLooksLikeACommandIsThePrompt() {
    CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "--dry-run", "--", "stat");
    assertThat(r.err()).as(r.toString()).doesNotContain("is not a command");
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Test
  void aValueOfTheWrongTypeIsNamedInTheUsersWords() {
    CliHarness.Run budget = h.acr("--budget", "lots", "fix value.txt");
    assertUsageError(budget, "'lots' is not a number");
    CliHarness.Run attempts = h.acr("--max-attempts", "two", "fix value.txt");
    assertUsageError(attempts, "'two' is not a whole number");
    CliHarness.Run seed = h.acr("--seed", "x", "fix value.txt");
    assertUsageError(seed, "'x' is not a whole number");
    CliHarness.Run decisions = h.run("bench", "replay", "--decisions", "mine");
    assertThat(decisions.exit()).isEqualTo(2);
    assertThat(decisions.errLines()).containsExactly(
        "acr: Value for option '--decisions' (NAME=FILE) should be in KEY=VALUE format but was mine",
        "acr: see 'acr bench replay --help'");
  }

  @Test
  void aBrokenToolsConfigSaysWhatToDo() throws Exception {
    Files.writeString(h.config, "{\"tools\": [\n  {\"name\": \"fixer\",\n");
    CliHarness.Run r = h.acr("--dry-run", "fix value.txt");
    assertUsageError(r, "JSON syntax error");
    assertThat(r.errLines().get(0)).endsWith("; fix the file or pass another with --config");
  }

  @Test
  void doctorOnAFolderThatDoesNotExistIsAUsageError() {
    CliHarness.Run r = h.run("doctor", "--workdir", tmp.resolve("nowhere").toString());
    assertUsageError(r, "workdir not found: " + tmp.resolve("nowhere"));
  }

  @Test
  void dryRunOutsideGitSaysTheRunWouldStop() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    CliHarness.Run r = h.runIn(plain, "--config", h.config.toString(), "--verify", "true", "--dry-run", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("(not a git repository)").contains("a run stops here (exit 2)").contains("--in-place");
    CliHarness.Run inPlace =
        h.runIn(plain, "--config", h.config.toString(), "--verify", "true", "--dry-run", "--in-place", "fix value.txt");
    assertThat(inPlace.out()).doesNotContain("a run stops here");
  }

  @Test
  void benchWithoutASubcommandSaysSo() {
    CliHarness.Run r = h.run("bench");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().get(0)).isEqualTo("acr: bench needs a subcommand: replay, import or live");
  }

  @Test
  void ctrlCDuringAReplayIsAnInterruptNotAnInternalError() {
    Thread.currentThread().interrupt(); // what Interrupts does on SIGINT
    CliHarness.Run r;
    try {
      r = h.run("bench", "replay", "--dataset", "ood176", "--max-attempts", "1", "--seeds", "1", "--orders", "1");
    } finally {
      Thread.interrupted();
    }
    assertThat(r.exit()).as(r.toString()).isEqualTo(130);
    assertThat(r.err()).contains("acr: interrupted").doesNotContain("internal error");
  }

  @Test
  void theConfigPathsInTheHelpAreNotBrokenAcrossLines() {
    int withConfig = 0;
    for (CommandLine c : CliHarness.allCommands(tmp)) {
      // picocli breaks a line after any dot: ".acr/tools.json" came out as ". / acr/tools.json".
      String joined = c.getUsageMessage().replaceAll("\\R\\s+", " ");
      if (joined.contains("$ACR_CONFIG")) {
        withConfig++;
        assertThat(joined).as(c.getCommandSpec().qualifiedName())
            .contains(" .acr/tools.json ").contains(" $XDG_CONFIG_HOME/acr/tools.json,");
      }
    }
    assertThat(withConfig).as("acr, doctor, completion, bench live").isEqualTo(4);
  }

  @Test
  void applyOutsideGitSaysWhereToRunItOnce() throws Exception {
    CliHarness.Run run = h.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    String id = run.out().lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().split("[ :]")[1];
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    CliHarness.Run r = h.runIn(plain, "apply", id, "1");
    assertUsageError(r, plain + " is not inside a git working tree; run acr apply in the run's repository (cd "
        + h.repo.toRealPath() + ")");
    assertThat(r.err()).containsOnlyOnce("git working tree");
  }

  @Test
  void ctrlCBeforeTheBaselineIsAnInterruptNotAGitFailure() throws Exception {
    Thread.currentThread().interrupt(); // Ctrl-C while acr reads the repository
    CliHarness.Run r;
    try {
      r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    } finally {
      Thread.interrupted();
    }
    assertThat(r.exit()).as(r.toString()).isEqualTo(130);
    assertThat(r.err()).isEqualTo("acr: interrupted\n");
  }

  @Test
  void aRunStoppedInItsBaselineShowsNoEmptyTable() throws Exception {
    Thread test = Thread.currentThread();
    Thread ctrlC = new Thread(() -> {
      try {
        Thread.sleep(3000); // the baseline's "sleep 20" is running by then
        test.interrupt();
      } catch (InterruptedException e) {
        // the run ended first: nothing to stop
      }
    });
    ctrlC.start();
    CliHarness.Run r;
    try {
      r = h.acr("--chain", "fixer", "--verify", "sleep 20; sh check.sh", "fix value.txt");
    } finally {
      ctrlC.interrupt();
      ctrlC.join();
      Thread.interrupted();
    }
    assertThat(r.exit()).as(r.toString()).isEqualTo(130);
    assertThat(r.out()).doesNotContain("route").contains("not verified: no attempt ran (interrupted)");
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
  }

  @Test
  void aReplayReportThatCannotBeWrittenSaysWhyInWords() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    CliHarness.Run r = h.run("bench", "replay", "--dataset", "ood176", "--max-attempts", "1", "--seeds", "1", "--orders", "0",
        "--out", file.resolve("out").toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    String last = r.errLines().get(r.errLines().size() - 1);
    assertThat(last).startsWith("acr: cannot write " + file.resolve("out") + ": ").endsWith("; pass another --out DIR")
        .doesNotContain("java.nio").doesNotContain("Exception");
  }

  @Test
  void aBudgetOverToolsThatNeverReportACostSaysItCannotSeeThem() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--chain", "breaker,fixer", "--budget", "0.5", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: --budget 0.50: the cost of breaker, fixer is never known (usage_format \"none\" in the"
        + " config), so their attempts count as nothing against the budget; --max-attempts still limits them");
    CliHarness.Run noBudget = h.acr("--dry-run", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(noBudget.err()).doesNotContain("--budget");
  }

  @Test
  void aRunThatRanOutOfRoutesOrAttemptsSaysSoInWords() throws Exception {
    CliHarness.Run r = h.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.out()).contains("not verified after 1 attempt(s) (no route left to try)").doesNotContain("plan exhausted");
    CliHarness.Run capped = h.acr("--chain", "breaker,fixer", "--max-attempts", "1", "--verify", "sh check.sh", "fix value.txt");
    assertThat(capped.out()).contains("not verified after 1 attempt(s) (--max-attempts reached)");
    assertThat(h.run("explain", "last").out()).contains("(--max-attempts reached)");
  }

  @Test
  void aChangeThatAddsFilesSaysGitStatusShowsThem() throws Exception {
    h.agent("adder", "echo fixed > value.txt\necho 'a new test' > new_test.txt\n");
    h.writeConfig(List.of(CliHarness.tool("adder", h.agents.resolve("adder").toString(), null),
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null)));
    CliHarness.Run plain = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(plain.out()).contains("applied to your working tree (value.txt); review with git diff\n");
    h.git("checkout", "value.txt");
    CliHarness.Run r = h.acr("--chain", "adder", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("applied to your working tree (new_test.txt, value.txt); review with git diff, and git status"
        + " for the new files");
    assertThat(h.git("diff", "--name-only")).isEqualTo("value.txt\n"); // what git diff alone would show
  }

  @Test
  void memoryThatCannotBeWrittenSaysWhyInWords() throws Exception {
    h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    Path export = tmp.resolve("team.jsonl");
    assertThat(h.run("memory", "export", "--out", export.toString()).exit()).isZero();
    Path blocked = Files.writeString(tmp.resolve("a-file"), "").resolve("memory.jsonl");
    CliHarness.Run r = h.run("memory", "import", "--memory", blocked.toString(), export.toString());
    assertUsageError(r, "cannot import into " + blocked + ": ");
    assertThat(r.err()).contains(": a file is in the way (" + blocked.getParent() + "); memory is as it was");
  }

  @Test
  void aChainOutsideToolIsAUsageErrorNotSilentlyPreferred() throws Exception {
    CliHarness.Run r = h.acr("--tool", "fixer", "--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertUsageError(r, "--chain names breaker, which is not a route of --tool fixer; drop --tool");
    assertThat(h.acrHomeContents()).isEmpty();
    CliHarness.Run same = h.acr("--dry-run", "--tool", "fixer", "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(same.exit()).as(same.toString()).isZero();
    CliHarness.Run route = h.acr("--dry-run", "--tool", "fixer:", "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(route.exit()).as("--tool naming the route --chain names: " + route).isZero();
  }

  @Test
  void noStorePromptKeepsThePromptOutOfTheRunsArgvToo() throws Exception {
    String prompt = "fix value.txt, secret project Bluebird";
    CliHarness.Run r = h.acr("--no-store-prompt", "--chain", "fixer", "--verify", "sh check.sh", prompt);
    assertThat(r.exit()).as(r.toString()).isZero();
    List<Path> files = h.acrHomeContents().stream().filter(Files::isRegularFile).toList();
    assertThat(files).anyMatch(f -> f.endsWith("argv.json"));
    for (Path f : files) {
      assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("Bluebird");
    }
  }

  @Test
  void aConfigWithEveryToolDisabledStopsBeforeTheBaseline() throws Exception {
    h.writeConfig(List.of(CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null).replace("\"enabled\": true",
        "\"enabled\": false")));
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "fix value.txt");
    assertUsageError(r, "no tool is enabled in " + h.config + ": set \"enabled\": true on one of its tools");
    assertThat(h.acrHomeContents()).isEmpty();
  }

  @Test
  void aWorkdirThatIsAFileIsNamedSo() throws Exception {
    Path file = h.repo.resolve("value.txt");
    assertUsageError(h.acr("--workdir", file.toString(), "--dry-run", "fix value.txt"),
        "workdir is a file, not a directory: " + file);
    assertUsageError(h.run("doctor", "--workdir", file.toString()), "workdir is a file, not a directory: " + file);
  }

  @Test
  void statsOverAMemoryOfUnreadableLinesDoesNotSayThereIsNoMemoryYet() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.jsonl"), "garbage\n{\"x\": 1}\n");
    CliHarness.Run r = h.run("stats", "--memory", junk.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("2 unreadable line(s) in " + junk + " skipped");
    assertThat(r.out()).isEqualTo("no readable record in " + junk + " (see above)\n");
  }

  @Test
  void aFileNamedWhereOutIsMeantPointsToOut() {
    CliHarness.Run r = h.run("memory", "export", "team.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "acr: Unmatched argument at index 2: 'team.jsonl' (to write to a file: --out FILE|-)",
        "acr: see 'acr memory export --help'");
    assertThat(h.run("stats", "extra").errLines().get(0)).doesNotContain("--out");
  }

  @Test
  void explainSaysWhyARunHadMoreAttemptsThanItsLimit() throws Exception {
    h.agent("offline", "echo 'Error: getaddrinfo ENOTFOUND api.example.invalid' >&2\nexit 1\n");
    h.writeConfig(List.of(CliHarness.tool("offline", h.agents.resolve("offline").toString(), null),
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null)));
    CliHarness.Run r = h.acr("--chain", "offline,fixer", "--max-attempts", "1", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(h.run("explain", "last").out())
        .contains("at most 1 attempt(s) (those in which no agent could run do not count), no budget");
    CliHarness.Run one = h.acr("--chain", "fixer", "--verify", "true", "fix value.txt");
    assertThat(h.run("explain", "last").out()).as(one.toString()).contains("at most 3 attempt(s), no budget");
  }
}
