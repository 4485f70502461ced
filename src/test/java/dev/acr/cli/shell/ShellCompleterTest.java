package dev.acr.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ShellCompleterTest {
  private final ShellCompleter completer =
      new ShellCompleter(List.of("codex", "fixer"), List.of("codex:gpt-5.4", "codex:o3", "fixer"));

  private List<Candidate> complete(String line) {
    List<Candidate> out = new ArrayList<>();
    completer.complete(null, new DefaultParser().parse(line, line.length()), out);
    return out;
  }

  private static List<String> values(List<Candidate> cs) {
    return cs.stream().map(Candidate::value).toList();
  }

  @Test
  void aColonAtTheStartCompletesCommands() {
    assertThat(values(complete(":"))).containsExactly(":help", ":tools", ":chain", ":dry-run", ":quit");
    assertThat(complete(":ch")).allMatch(Candidate::complete).extracting(Candidate::descr).doesNotContainNull();
  }

  @Test
  void chainCompletesEachCommaSeparatedEntryWithoutClosingTheWord() {
    List<Candidate> first = complete(":chain co");
    assertThat(values(first)).contains("policy", "codex", "codex:gpt-5.4", "codex:o3", "fixer");
    List<Candidate> second = complete(":chain fixer,co");
    assertThat(values(second)).containsExactly("fixer,codex", "fixer,codex:gpt-5.4", "fixer,codex:o3")
        .doesNotContain("fixer,policy");
    assertThat(second).noneMatch(Candidate::complete);
    assertThat(second).extracting(Candidate::displ).containsExactly("codex", "codex:gpt-5.4", "codex:o3");
  }

  @Test
  void insideAPromptToolAndRouteNamesComplete() {
    // "fixer" is both a tool and its only route: offered once.
    assertThat(values(complete("ask co"))).containsExactly("codex", "fixer", "codex:gpt-5.4", "codex:o3");
    assertThat(values(complete("fix the "))).doesNotContain(":help");
  }

  @Test
  void anEmptyLineOffersCommandsAndNames() {
    assertThat(values(complete(""))).contains(":help", ":quit", "codex", "codex:o3");
  }

  @Test
  void theChainQuestionCompletesRoutesOnly() {
    List<Candidate> out = new ArrayList<>();
    completer.forChain().complete(null, new DefaultParser().parse("codex:gpt-5.4,f", 15), out);
    assertThat(values(out)).contains("codex:gpt-5.4,fixer").noneMatch(v -> v.startsWith(":"));
  }

  @Test
  void answersAreASingleKeyOrAShortWord() {
    assertThat(Answer.parse("")).isEqualTo(Answer.RUN);
    assertThat(Answer.parse(" R ")).isEqualTo(Answer.RUN);
    assertThat(Answer.parse("yes")).isEqualTo(Answer.RUN);
    assertThat(Answer.parse("c")).isEqualTo(Answer.CHANGE_CHAIN);
    assertThat(Answer.parse("dry-run")).isEqualTo(Answer.DRY_RUN);
    assertThat(Answer.parse("n")).isEqualTo(Answer.CANCEL);
    assertThat(Answer.parse("cancel")).isEqualTo(Answer.CANCEL);
    assertThat(Answer.parse("maybe")).isNull();
    assertThat(Answer.completions()).allMatch(w -> Answer.parse(w) != null);
  }

  @Test
  void chainsParseFromCommasAndPolicyMeansNone() {
    assertThat(Shell.parseChain("a, b ,c")).containsExactly("a", "b", "c");
    assertThat(Shell.parseChain(" policy ")).isNull();
    assertThat(Shell.parseChain(" , ")).isNull();
  }

  @Test
  void everyCommandHasHelpAndIsFoundByItsAliases() {
    for (ShellCommand c : ShellCommand.values()) {
      assertThat(c.help).isNotBlank();
      assertThat(ShellCommand.of(c.word)).contains(c);
      c.aliases.forEach(a -> assertThat(ShellCommand.of(a)).contains(c));
    }
    assertThat(ShellCommand.of(":q")).contains(ShellCommand.QUIT);
    assertThat(ShellCommand.of(":nope")).isEmpty();
  }
}
