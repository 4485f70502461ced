package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.verify.CannotRun;
import dev.acr.verify.VerifyCommand;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which reason stops a baseline that cannot judge an attempt. */
class BaselineStopTest {
  private final VerifyCommand verify = new VerifyCommand("python3 -m pytest -q", "detected: pyproject.toml");
  private final Path log = Path.of("/tmp/run/baseline/verify.log");

  /** pytest 9 refusing timeout (no pytest-timeout) ends in "no tests ran": the plugin is the fix, not another command. */
  @Test
  void whyItCouldNotRunComesBeforeThatItRanNone() {
    Optional<CannotRun.Why> why = Optional.of(new CannotRun.Why("pytest does not know the config option timeout",
        "install the pytest plugin that reads timeout (pytest-timeout)"));
    assertThat(Baseline.cannotRun(verify, "", why, Optional.of("no tests ran in 0.01s"), log)).hasValueSatisfying(m -> {
      assertThat(m).startsWith("the test command 'python3 -m pytest -q' (detected: pyproject.toml) cannot run: pytest does not"
          + " know the config option timeout; install the pytest plugin that reads timeout (pytest-timeout)");
      assertThat(m).doesNotContain("ran none");
    });
  }

  @Test
  void withNoReasonRanNoneStopsAndElseNothingDoes() {
    assertThat(Baseline.cannotRun(verify, " in pkg", Optional.empty(), Optional.of("no tests ran in 0.01s"), log))
        .hasValueSatisfying(m -> assertThat(m).contains("cannot run your tests in pkg: it ran none (no tests ran in 0.01s)")
            .contains("name the command that runs them"));
    assertThat(Baseline.cannotRun(verify, "", Optional.empty(), Optional.empty(), log)).isEmpty();
  }

  /** Every test skipped (pytest.importorskip of a package not installed): what they skip for is the remedy. */
  @Test
  void aSuiteOfSkippedTestsAsksForWhatTheySkipFor() {
    assertThat(Baseline.cannotRun(verify, "", Optional.empty(), Optional.of("2 skipped in 0.17s"), log))
        .hasValueSatisfying(m -> assertThat(m).contains("it ran none (2 skipped in 0.17s), so it cannot tell a fix from a break;"
            + " give the tests what they are skipped for (a service, a package, a variable; pytest -rs lists the reasons),"
            + " or name a command that runs some (--verify CMD")
            .doesNotContain("name the command that runs them"));
  }
}
