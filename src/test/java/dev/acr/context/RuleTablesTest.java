package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule tables as data: regexes are compiled lazily, so this compiles every one of them. */
class RuleTablesTest {

  private static final List<Rule> ALL =
      Stream.of(BugRules.BUG, ClassifierRules.TESTS, ClassifierRules.UNDERSTANDING, ClassifierRules.DOCS,
              ClassifierIssues.STRUCTURE, ClassifierIssues.TASK,
              ClassifierRules.REFACTORING, CompletionRules.COMPLETION, DomainRules.ALGORITHMS,
              DomainRules.DATA, DomainRules.GENERATION, DomainRules.LANGUAGES, DomainRules.MULTI,
              ChangeRules.ROBUSTNESS, ChangeRules.DOCS, ChangeRules.TIDYING, TitleRules.NAMES, TitleRules.CHANGES,
              DeliverableRules.RULES)
          .flatMap(List::stream)
          .toList();

  @Test
  void everyRegexCompiles() {
    List<Rule> regexRules = ALL.stream().filter(r -> r.pattern() != null).toList();
    assertThat(regexRules).hasSizeGreaterThan(50);
    for (Rule r : regexRules) {
      assertThatCode(() -> r.pattern().get()).as(r.label() + ": " + r.pattern()).doesNotThrowAnyException();
    }
  }

  @Test
  void termsKeepTheLeadingWordTheRegexUsedToFind() {
    // The definition Term.of replaced: [a-z0-9_]+(?![a-z0-9_]) at the start of the literal.
    Pattern leadingWord = Pattern.compile("[a-z0-9_]+(?![a-z0-9_])");
    List<Rule.Term> terms = ALL.stream().flatMap(r -> r.terms().stream()).toList();
    assertThat(terms).hasSizeGreaterThan(100);
    for (Rule.Term t : terms) {
      Matcher m = leadingWord.matcher(t.literal());
      boolean whole = m.lookingAt() && (m.end() < t.literal().length() || !t.prefix());
      assertThat(t.firstWord()).as(t.literal()).isEqualTo(whole ? m.group() : null);
    }
    assertThat(Rule.Term.of("refactor*").firstWord()).isNull();
    assertThat(Rule.Term.of("stack trace").firstWord()).isEqualTo("stack");
    assertThat(Rule.Term.of("c++").firstWord()).isEqualTo("c");
    assertThat(Rule.Term.of(".net").firstWord()).isNull();
  }
}
