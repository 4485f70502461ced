package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.verify.VerifyCommand;
import org.junit.jupiter.api.Test;

/** What the baseline says when the tests already pass, by what the prompt asked. */
class BaselineWordsTest {
  private final VerifyCommand verify = new VerifyCommand("meson test -C builddir", "detected: meson.build (test())");

  @Test
  void aBugNoTestShowsIsVerifiedOnlyAsFarAsTheTestsGo() {
    // benhoyt/inih: a bug in ini_lskip that no test covers.
    assertThat(Baseline.alreadyPasses(verify, "fix ini_lskip: leading tabs are not skipped"))
        .startsWith("the tests already pass before any change (meson test -C builddir), so no test shows the bug the prompt"
            + " describes: an attempt verifies when they still pass, which does not prove the bug fixed")
        .doesNotContain("asks to fix a failing test");
  }

  @Test
  void aFailingTestAskedForMayNotBeRun() {
    assertThat(Baseline.alreadyPasses(verify, "fix the failing parser test"))
        .contains("but the prompt asks to fix a failing test: there may be nothing to fix here");
  }
}
