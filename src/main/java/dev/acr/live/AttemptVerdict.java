package dev.acr.live;

import dev.acr.context.Dimension;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Task;
import dev.acr.exec.ProcessOutcome;
import dev.acr.git.Diff;

/**
 * How an attempt ended, as far as is known before the tests: only an attempt that changed
 * something is worth testing. One that changed nothing is {@code no_change} (not verified: the
 * tests would only say what the baseline said), unless the user asked a question, which needs no
 * change: then it is {@code answered}, and nothing of it reaches the user's tree. A benchmark's
 * question is checked like any task, by its tests.
 */
final class AttemptVerdict {

  private AttemptVerdict() {}

  /**
   * The status the attempt ends with without running the tests, or null when the tests decide.
   *
   * @param diff what the attempt changed; null when unknown (--in-place, no snapshot to compare)
   */
  static AttemptStatus beforeTests(ProcessOutcome run, Diff diff, Task task, boolean hasVerifier) {
    if (run.interrupted()) {
      return AttemptStatus.INTERRUPTED;
    }
    if (run.timedOut()) {
      return AttemptStatus.TIMEOUT;
    }
    if (run.exitCode() != 0) {
      return AttemptStatus.AGENT_ERROR;
    }
    // A user's question; a benchmark's (bench set) is a task like any other, its tests check the answer file.
    if (task.dimension() == Dimension.CODE_UNDERSTANDING && task.bench() == null) {
      return AttemptStatus.ANSWERED;
    }
    if (diff != null && diff.empty()) {
      return AttemptStatus.NO_CHANGE;
    }
    return hasVerifier ? null : AttemptStatus.NO_VERIFIER;
  }
}
