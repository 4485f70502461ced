package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Long-form prompts (pasted issues, task statements): what is read, and what it signals. */
class IssueTextTest {

  private final Classifier classifier = new Classifier();

  @Test
  void htmlCommentsAreDropped() {
    assertThat(IssueText.withoutComments("a <!-- explain the data --> b <!-- open")).isEqualTo("a  b ");
    assertThat(IssueText.withoutComments("no comments")).isEqualTo("no comments");
  }

  @Test
  void proseLeavesOutCodeOutputAndLinks() {
    String prose = IssueText.prose("""
        Plotting fails for `df.plot()` on https://example.com/pandas/docs
        ```python
        import pandas as pd
        pd.DataFrame({"a": [1]}).plot()
        ```
        Traceback (most recent call last):
          File "x.py", line 2, in <module>
        ValueError: dataframe has no numeric columns
            indented = code(here)
        >>> series.mean()
        It used to work.
        """);
    assertThat(prose).contains("Plotting fails for x on x").contains("It used to work.")
        .doesNotContain("pandas").doesNotContain("DataFrame").doesNotContain("numeric columns")
        .doesNotContain("indented").doesNotContain("series");
  }

  @Test
  void titleIsTheFirstLineWithoutHeadingMarks() {
    assertThat(IssueText.title("\n## **Crash on save**\nbody")).isEqualTo("Crash on save");
  }

  @Test
  void dataWordsInsideCodeAndTracebackDoNotMakeABugReportDataScience() {
    Classification c = classifier.classify("""
        Table.read fails on files with a blank header card

        When I open the attached file I get an error instead of the table.

        ```python
        import numpy as np
        import pandas as pd
        df = pd.DataFrame(np.zeros((3, 3)), columns=["a", "b", "c"])
        df.groupby("a").mean().plot()
        t = Table.read("blank.dat")
        ```
        Traceback (most recent call last):
          File "read.py", line 6, in <module>
        KeyError: 'column names of the dataframe'
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.BUG_FIXING);
    assertThat(c.evidence()).contains("stack trace (Traceback)");
  }

  @Test
  void expectedAndActualSectionsMakeABugReport() {
    Classification c = classifier.classify("""
        Summary line wraps at the wrong width

        ### Expected behavior
        The summary is wrapped at 80 columns as the docs describe.

        ### Actual behavior
        It is wrapped at 72 columns, and the documentation example differs from the output.

        ### Versions
        tool: 2.1.0
        python: 3.12.1
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.BUG_FIXING);
    assertThat(c.evidence()).anyMatch(e -> e.startsWith("issue section"));
  }

  @Test
  void doesYInsteadOfZIsASymptom() {
    Classification c = classifier.classify("""
        Exporter writes timestamps in local time instead of UTC

        Exporting a report on a machine in another timezone writes the local offset into every
        timestamp, although the format documentation promises UTC. Comparing exports from two
        machines therefore shows differences that are not real, and the importer then rejects
        the files it is given from the other site.
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.BUG_FIXING);
  }

  @Test
  void aFeatureRequestIsAnIssueToResolveInTheRepository() {
    Classification c = classifier.classify("""
        Feature request: a --quiet flag for the sync command

        **Is your feature request related to a problem? Please describe.**
        The sync command prints every file it copies, which floods our CI logs.

        **Describe the solution you'd like**
        A --quiet option that prints only errors and the final summary line.
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.BUG_FIXING);
    assertThat(c.evidence()).anyMatch(e -> e.startsWith("feature request"));
  }

  @Test
  void aTaskStatementIsCodeGeneration() {
    Classification c = classifier.classify("""
        # Lab: a rate limiter

        In this lab you will implement a token-bucket rate limiter for the HTTP client.

        ## Requirements
        - A bucket refills at a fixed rate and holds at most N tokens.
        - A request waits until a token is free, or fails after a timeout.

        Your task is to implement the limiter in limiter/bucket.go; the tests in
        limiter/bucket_test.go describe the behaviour we expect.
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.CODE_GENERATION);
    assertThat(c.evidence()).anyMatch(e -> e.startsWith("task statement"));
  }

  @Test
  void aLongTextWithNothingElseReadsAsAnIssue() {
    Classification c = classifier.classify("""
        Widget layout in the settings dialog

        The settings dialog places the widget below the list on small screens. On wide screens the
        widget sits to the right of the list, which is how the rest of the application lays out its
        dialogs. Screenshots of both are attached; the theme is the default one, window at 1280x720.
        """);
    assertThat(c.dimension()).isEqualTo(Dimension.BUG_FIXING);
    assertThat(c.evidence()).contains("reads as an issue");
  }

  @Test
  void shortPromptsAreReadAsBefore() {
    // A terse prompt is never long form: no title split, no issue head start.
    PromptText text = PromptText.of("explain the retry loop in client.go");
    assertThat(text.longForm()).isFalse();
    assertThat(text.title()).isNull();
    assertThat(classifier.classify("explain the retry loop in client.go").dimension())
        .isEqualTo(Dimension.CODE_UNDERSTANDING);
  }
}
