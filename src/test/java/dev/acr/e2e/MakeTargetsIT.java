package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The packaged launcher on the shape of tani/athena (docs/real-repos-2026-12-06.md, seventeenth session): no {@code test}
 * target, but a {@code test-all} that gathers one target per tool, some of which this machine lacks. Before, acr found no
 * test command; run whole, make would stop at the first tool it cannot start.
 */
class MakeTargetsIT extends StandInTrials {

  private void shellProjectWithMakefile(String parts) throws Exception {
    write("lib.sh", "add() { echo $(($1 + $2)); }\n");
    write("tests/run.sh", ". ./lib.sh\n[ \"$(add 2 3)\" = 5 ] || { echo \"FAIL add 2 3 = $(add 2 3)\"; exit 1; }\necho \"ok add\"\n");
    write("tests/run-other.sh", "#!/bin/sh\nno-such-acr-tool --run tests\n");
    write("Makefile", "test-all: " + parts + "\n\ntest-sh:\n\tsh tests/run.sh\n\ntest-other:\n\tsh tests/run-other.sh\n\n"
        + "test-gosh:\n\tno-such-scheme-acr -I . tests/run.scm\n");
    commitThenBreak("lib.sh", "$1 + $2", "$1 - $2", "$1 * $2");
  }

  @Test
  void theToolsThatAreThereAreRunAndTheOthersLeftOut() throws Exception {
    shellProjectWithMakefile("test-sh test-gosh");
    breakerThenFixerVerifies("shell", "make test-sh\\s+\\(detected: Makefile \\(test-all, without test-gosh: no-such-scheme-acr not on PATH\\)\\)",
        "lib.sh", "$1 + $2");
    verifyLogSays("baseline", "FAIL add 2 3 = -1");
  }

  /** A part whose program is there but cannot run: acr stops before any agent, naming the command without that part. */
  @Test
  void aPartThatCannotRunIsNamedWithTheCommandThatLeavesItOut() throws Exception {
    shellProjectWithMakefile("test-other test-sh test-gosh");
    stopsBeforeAnyAgent("no-such-acr-tool: not found",
        "or leave out test-other, the target make stopped at: --verify 'make test-sh'");
  }
}
