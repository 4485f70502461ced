package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildErrorsTest {

  /** google/gson's mvn -q -B test, run in an acr worktree: the reactor's test-jpms module did not compile. */
  @Test
  void javacUnderMavenWithTheWorktreeLeftOut() {
    assertThat(BuildErrors.first(List.of("[ERROR] COMPILATION ERROR : ",
        "[ERROR] /home/u/.acr/worktrees/gson-b36cb4af/1/test-jpms/src/test/java/module-info.java:[19,22] module not found: com.google.gson",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.15.0:testCompile")))
        .contains("test-jpms/src/test/java/module-info.java:19: module not found: com.google.gson");
  }

  @Test
  void otherCompilers() {
    assertThat(BuildErrors.first(List.of("src/parse.c:12:5: error: 'x' undeclared (first use in this function)")))
        .contains("src/parse.c:12: 'x' undeclared (first use in this function)");
    assertThat(BuildErrors.first(List.of("src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.")))
        .contains("src/a.ts:3: TS2322: Type 'string' is not assignable to type 'number'.");
    assertThat(BuildErrors.first(List.of("error[E0425]: cannot find value `y` in this scope", "  --> src/lib.rs:4:9", "   |")))
        .contains("src/lib.rs:4: cannot find value `y` in this scope");
    assertThat(BuildErrors.first(List.of("e: file:///w/app/src/main/kotlin/A.kt:3:5 Unresolved reference: foo")))
        .contains("/w/app/src/main/kotlin/A.kt:3: Unresolved reference: foo");
    assertThat(BuildErrors.first(List.of("# example.com/m", "./calc.go:7:9: undefined: sub", "FAIL\texample.com/m [build failed]")))
        .contains("./calc.go:7: undefined: sub");
  }

  /** GNU ld's words, as Debian's binutils prints them: dleonard0/infod3's make check under GCC 12, and a misspelt call. */
  @Test
  void theLinker() {
    assertThat(BuildErrors.first(List.of("cc -ggdb -Os -o t-proto lib-t-proto.o lib-proto.o lib-protofram.o",
        "/usr/bin/ld: lib-protofram.o:/root/.acr/worktrees/infod3-1a2b3c4d/1/lib/rxbuf.h:8: multiple definition of `rx';"
            + " lib-proto.o:/root/.acr/worktrees/infod3-1a2b3c4d/1/lib/rxbuf.h:8: first defined here",
        "collect2: error: ld returned 1 exit status", "make: *** [Makefile:33: t-proto] Error 1")))
        .contains("lib/rxbuf.h:8: multiple definition of `rx'");
    assertThat(BuildErrors.first(List.of("/usr/bin/ld: t.o: in function `main':", "t.c:(.text+0x5): undefined reference to `foo'",
        "collect2: error: ld returned 1 exit status"))).contains("t.c: undefined reference to `foo'");
    assertThat(BuildErrors.first(List.of("/usr/bin/ld: /tmp/ccWgdjPu.o:(.data+0x0): multiple definition of `x';"
        + " /tmp/ccCEB5nZ.o:(.data+0x0): first defined here"))).contains("/tmp/ccWgdjPu.o: multiple definition of `x'");
  }

  /** A failing test's output is no build error: go's file:line lines of a test that ran, a JUnit assertion. */
  @Test
  void testFailuresAreNot() {
    assertThat(BuildErrors.first(List.of("--- FAIL: TestAdd (0.00s)", "    calc_test.go:9: add(2, 3) = -1, want 5", "FAIL"))).isEmpty();
    assertThat(BuildErrors.first(List.of("[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0",
        "[ERROR]   CalcTest.adds:12 expected: <5> but was: <-1>"))).isEmpty();
  }

  /** sindresorhus/camelcase's xo && ava && tsd, a change xo rejects: before, "its tests fail (exit 1)" and no word of why. */
  @Test
  void javaScriptLinters() {
    assertThat(BuildErrors.lint(List.of("> camelcase@9.0.0 test", "> xo && ava && tsd", "", "",
        "  index.js:4:24", "  ✖  4:24  Unnecessary escape character: \\-.  no-useless-escape", "", "  1 error")))
        .contains("index.js:4: Unnecessary escape character: \\-. (no-useless-escape)");
    // ESLint's stylish report in an acr worktree, a warning before the error.
    assertThat(BuildErrors.lint(List.of("/home/u/.acr/worktrees/camel-1a2b/1/src/parse.js",
        "  3:1   warning  Unexpected console statement  no-console",
        "  7:10  error    'x' is not defined             no-undef", "", "✖ 2 problems (1 error, 1 warning)")))
        .contains("src/parse.js:7: 'x' is not defined (no-undef)");
    assertThat(BuildErrors.lint(List.of("standard: Use JavaScript Standard Style (https://standardjs.com)",
        "  /x/index.js:4:24: Unnecessary escape character: \\-. (no-useless-escape)")))
        .contains("/x/index.js:4: Unnecessary escape character: \\-. (no-useless-escape)");
    assertThat(BuildErrors.lint(List.of("/x/src/parse.js", "  3:1  warning  Unexpected console statement  no-console",
        "", "✖ 1 problem (0 errors, 1 warning)"))).as("a warning fails no run").isEmpty();
    assertThat(BuildErrors.lint(List.of("index.js", "  1 test failed", "  12:3  expected 5"))).as("a file named, then no report of it").isEmpty();
  }
}
