package dev.acr.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptStatusTest {

  @Test
  void theFastStringCheckAgreesWithTheEnumForEveryStatus() {
    for (AttemptStatus s : AttemptStatus.values()) {
      assertThat(AttemptStatus.isEvidence(s.id())).as(s.id()).isEqualTo(s.isEvidence());
      assertThat(AttemptStatus.of(s.id())).isEqualTo(s);
    }
    assertThat(AttemptStatus.isEvidence(null)).isFalse();
    assertThat(AttemptStatus.isEvidence("something_new")).isFalse();
  }

  @Test
  void infraAcrCancelledAndAnsweredAttemptsAreNotEvidence() {
    assertThat(AttemptStatus.INFRA_ERROR.isEvidence()).isFalse();
    assertThat(AttemptStatus.ACR_ERROR.isEvidence()).isFalse();
    assertThat(AttemptStatus.CANCELLED.isEvidence()).isFalse();
    assertThat(AttemptStatus.ANSWERED.isEvidence()).isFalse();
    assertThat(AttemptStatus.NO_CHANGE.isEvidence()).isTrue();
    assertThat(AttemptStatus.FAILED.isEvidence()).isTrue();
  }

  @Test
  void aFailureLeavingOnlyTheBaselinesFailingTestsIsNotEvidence() {
    assertThat(AttemptStatus.isEvidence("failed", RunLoop.ONLY_BASELINE_FAILURES)).isFalse();
    assertThat(AttemptStatus.isEvidence("failed", null)).isTrue();
    assertThat(AttemptStatus.isEvidence("failed", "something else")).isTrue();
    assertThat(AttemptStatus.isEvidence("verified", RunLoop.ONLY_BASELINE_FAILURES)).isTrue();
    assertThat(AttemptStatus.isEvidence("infra_error", null)).isFalse();
  }
}
