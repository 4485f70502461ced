package dev.acr.cli;

import static dev.acr.cli.CliHarness.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, parse errors and {@code acr classify}, through picocli with captured output. */
class CliBasicsTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp);
  }

  @Test
  void helpListsOptionsAndExitCodes() throws Exception {
    CliHarness.Run r = h.run("--help");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Usage: acr")
        .contains("PROMPT")
        .contains("--dry-run", "--chain", "--verify", "--budget", "--timeout", "--json")
        .contains("Exit codes:");
    assertThat(r.out()).containsPattern("(?m)^\\s+0\\s+verified")
        .containsPattern("(?m)^\\s+1\\s+not verified")
        .containsPattern("(?m)^\\s+2\\s+usage")
        .containsPattern("(?m)^\\s+130\\s+interrupted");
    assertThat(h.acrHomeContents()).isEmpty();
  }

  @Test
  void subcommandsAreListedWhereverTheUsageIsShown() {
    // The prompt path registers no subcommands (start-up); every usage must still list them all.
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"-Vh"}, new String[] {}, new String[] {"--dry-run"})) {
      CliHarness.Run r = h.run(args);
      assertThat(r.out() + r.err()).as(String.join(" ", args))
          .contains("Commands:").contains("classify", "bench", "doctor", "stats", "completion");
    }
  }

  @Test
  void subcommandNamesMatchTheirCommands() {
    List<String> names = AcrCommand.SUBCOMMANDS.stream()
        .map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name())
        .toList();
    assertThat(names).containsExactlyElementsOf(AcrCommand.SUBCOMMAND_NAMES);
    assertThat(AcrCommand.mayNeedSubcommands("--dry-run", "fix the stats page")).isFalse();
    assertThat(AcrCommand.mayNeedSubcommands("--json", "stats")).isTrue();
  }

  @Test
  void registeringOnlyTheNamedSubcommandsParsesAsTheWholeTreeDoes() {
    // Arguments naming subcommands in every position picocli might take them: first, after root
    // options, as a root option's value, twice, after a help flag, nested, unknown.
    List<String[]> cases = List.of(
        new String[] {"stats", "--json"}, new String[] {"bench", "replay", "--orders", "2"},
        new String[] {"--json", "stats"}, new String[] {"--tool", "bench", "stats"},
        new String[] {"--tool", "bench", "fix it"}, new String[] {"runs", "stats"},
        new String[] {"memory", "export", "--json"}, new String[] {"bench", "--help"},
        new String[] {"--help", "bench"}, new String[] {"-h"}, new String[] {"completion", "bash"},
        new String[] {"explain", "last", "bench"}, new String[] {"bench", "frobnicate"},
        new String[] {"--dry-run", "fix the stats page"}, new String[] {"doctor", "--nope"});
    for (String[] args : cases) {
      assertThat(parsed(Main.commandLine(new Env(java.util.Map.of(), tmp, picocli.CommandLine.Help.Ansi.OFF), args), args))
          .as(String.join(" ", args))
          .isEqualTo(parsed(wholeTree(), args));
    }
    picocli.CommandLine partial = Main.commandLine(new Env(java.util.Map.of(), tmp, picocli.CommandLine.Help.Ansi.OFF), "bench", "replay");
    assertThat(partial.getSubcommands().keySet()).containsExactly("bench");
  }

  @Test
  void helpWrapsAtTheTerminalsWidthForEveryCommand() {
    // picocli asks the terminal only when it prints help; without one it keeps 80 columns.
    picocli.CommandLine cl = Main.commandLine(new Env(java.util.Map.of(), tmp, picocli.CommandLine.Help.Ansi.OFF), "bench", "replay");
    assertThat(cl.isUsageHelpAutoWidth()).isTrue();
    assertThat(cl.getSubcommands().get("bench").getSubcommands().get("replay").isUsageHelpAutoWidth()).isTrue();
  }

  private picocli.CommandLine wholeTree() {
    picocli.CommandLine cl = new AcrCommand(new Env(java.util.Map.of(), tmp, picocli.CommandLine.Help.Ansi.OFF)).commandLine();
    AcrCommand.addSubcommands(cl);
    return cl;
  }

  /** The commands the parse reached, with each one's matched options and positionals, or the error. */
  private static String parsed(picocli.CommandLine cl, String... args) {
    try {
      StringBuilder sb = new StringBuilder();
      for (picocli.CommandLine.ParseResult r = cl.parseArgs(args); r != null; r = r.subcommand()) {
        sb.append(r.commandSpec().qualifiedName()).append(' ')
            .append(r.matchedArgs().stream().map(a -> a.paramLabel() + "=" + a.getValue()).toList())
            .append(r.isUsageHelpRequested() ? " help" : "").append(" | ");
      }
      return sb.toString();
    } catch (picocli.CommandLine.ParameterException e) {
      return "error: " + e.getMessage();
    }
  }

  @Test
  void classifyHelpAlsoListsExitCodes() {
    CliHarness.Run r = h.run("classify", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: acr classify").contains("--file").contains("--json").contains("Exit codes:");
    assertThat(r.out()).as("the run's exit codes are not classify's").doesNotContain("not verified").doesNotContain("130");
  }

  @Test
  void versionPrintsAcrAndAVersion() {
    CliHarness.Run r = h.run("--version");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip()).matches("acr \\S+");
    assertThat(r.out().strip()).isNotEqualTo("acr unknown");
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    CliHarness.Run r = h.run("--frobnicate", "fix it");
    assertUsageError(r, "--frobnicate");
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith("acr: Unknown option");
    assertThat(r.errLines().get(1)).contains("--help");
  }

  @Test
  void noPromptPrintsUsageOnStderr() throws Exception {
    CliHarness.Run r = h.run();
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Usage: acr").contains("PROMPT");
    assertThat(r.errLines().get(0)).startsWith("acr: no prompt: give it as arguments"); // a pipe or script: say what is missing
    assertThat(h.acrHomeContents()).isEmpty();
  }

  @Test
  void classifyPrintsDimensionFirst() {
    CliHarness.Run r = h.run("classify", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("bug_fixing ");
    assertThat(r.out()).containsPattern("(?m)^evidence: .+");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void classifyJoinsPromptWordsLikeOneString() {
    CliHarness.Run words = h.run("classify", "--json", "fix", "the", "NPE", "in", "parser");
    CliHarness.Run one = h.run("classify", "--json", "fix the NPE in parser");
    assertThat(words.out()).isEqualTo(one.out());
  }

  @Test
  void classifyJsonHasDimensionConfidenceEvidence() throws Exception {
    CliHarness.Run r = h.run("classify", "--json", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode n = r.json();
    assertThat(n.get("dimension").asText()).isEqualTo("bug_fixing");
    assertThat(n.get("confidence").isNumber()).isTrue();
    assertThat(n.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(n.get("evidence").isArray()).isTrue();
    assertThat(n.get("evidence")).isNotEmpty();
  }

  @Test
  void classifyFileEmitsOneJsonLinePerPromptWithIds() throws Exception {
    Path f = tmp.resolve("prompts.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\": \"a\", \"prompt\": \"fix the NPE in parser\"}",
        "{\"id\": 2, \"prompt\": \"write unit tests for the Stack class\"}",
        "",
        "{\"id\": \"c\", \"prompt\": \"refactor this method to remove duplication\"}") + "\n");
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", "prompts.jsonl");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode a = CliHarness.JSON.readTree(lines.get(0));
    JsonNode b = CliHarness.JSON.readTree(lines.get(1));
    JsonNode c = CliHarness.JSON.readTree(lines.get(2));
    assertThat(a.get("id").asText()).isEqualTo("a");
    assertThat(a.get("dimension").asText()).isEqualTo("bug_fixing");
    assertThat(b.get("id").isInt()).as("numeric ids stay numbers").isTrue();
    assertThat(b.get("id").asInt()).isEqualTo(2);
    assertThat(c.get("id").asText()).isEqualTo("c");
    for (JsonNode n : List.of(a, b, c)) {
      assertThat(n.has("dimension") && n.has("confidence") && n.has("evidence")).as(n.toString()).isTrue();
    }
  }

  @Test
  void classifyFileMalformedLineNamesFileAndLine() throws Exception {
    Path f = tmp.resolve("bad.jsonl");
    Files.writeString(f, "{\"prompt\": \"fix the NPE\"}\n{\"prompt\": oops}\n{\"prompt\": \"never reached\"}\n");
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", f.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith("acr: " + f + ":2:");
  }

  @Test
  void classifyFileLineWithoutPromptStringNamesFileAndLine() throws Exception {
    Path f = tmp.resolve("noprompt.jsonl");
    Files.writeString(f, "{\"text\": \"fix the NPE\"}\n");
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("acr: " + f + ":1:").contains("prompt");
  }

  @Test
  void classifyMissingFileIsAUsageError() {
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", "nope.jsonl");
    assertUsageError(r, "nope.jsonl");
    assertThat(r.errLines()).hasSize(1);
  }

  @Test
  void classifyFileThatIsADirectoryIsAUsageErrorNotAnInternalError() throws Exception {
    Files.createDirectories(tmp.resolve("dir.jsonl"));
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", "dir.jsonl");
    assertUsageError(r, "cannot read " + tmp.resolve("dir.jsonl"));
    assertThat(r.err()).doesNotContain("internal error");
  }

  @Test
  void classifyFileNotUtf8FailsWithOneLine() throws Exception {
    Files.write(tmp.resolve("latin1.jsonl"), new byte[] {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
    CliHarness.Run r = h.runIn(tmp, "classify", "--file", "latin1.jsonl");
    // Today this is "acr: internal error: java.nio.charset.MalformedInputException ..." (reported as a
    // bug); the contract that holds either way: exit 2, one "acr: " line, nothing on stdout.
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("acr: ");
  }

  @Test
  void classifyWithNothingIsAUsageError() {
    assertUsageError(h.run("classify"), "classify needs a PROMPT");
    assertUsageError(h.run("classify", "   "), "classify needs a PROMPT");
  }
}
