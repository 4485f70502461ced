package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The packaged launcher on the shape of dleonard0/infod3 (docs/real-repos-2026-12-06.md, seventeenth session): a C library
 * whose makefile's check target builds and runs a test program of assert() calls. A stand-in that deleted the failing
 * assert was verified before: the test program still ran, and passed.
 */
class FailedChecksIT extends StandInTrials {

  private void cLibraryWithAsserts() throws Exception {
    write("calc.h", "int add(int a, int b);\n");
    write("calc.c", "#include \"calc.h\"\n\nint add(int a, int b) { return a + b; }\n");
    write("t-calc.c", "#include <assert.h>\n#include \"calc.h\"\n\nint main(void) {\n\tassert(add(0, 0) == 0);\n"
        + "\tassert(add(2, 3) == 5);\n\treturn 0;\n}\n");
    write("Makefile", "CFLAGS += -Wall\n\ncheck: t-calc\n\t./t-calc\n\nt-calc: t-calc.c calc.c\n\t$(CC) $(CFLAGS) -o $@ t-calc.c calc.c\n");
    write(".gitignore", "t-calc\n");
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
  }

  @Test
  void aStandInThatDeletesTheFailingAssertIsNotVerified() throws Exception {
    cLibraryWithAsserts();
    breakerRuns("sed -i '/add(2, 3)/d' t-calc.c");
    breakerThenFixerVerifies("c", "make check\\s+\\(detected: Makefile \\(check\\)\\)", "calc.c", "return a + b;");
    assertThat(fx.read("t-calc.c")).contains("assert(add(2, 3) == 5);");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
    verifyLogSays("baseline", "t-calc.c:6: main: Assertion `add(2, 3) == 5' failed.");
  }
}
