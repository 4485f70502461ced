package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SWI-Prolog packs, as GeoffChurch/subsumes and GeoffChurch/anti_unify (swipl 9.0.4, plunit)
 * printed them (docs/real-repos.md): the test command and package found from pack.pl and the
 * {@code .plt} files, plunit's summaries and failing tests read, and a pack that pack.pl requires
 * but nobody installed told from a failing test.
 */
class PrologTest {

  private static final String PACK = "name(subsumes).\nversion('0.6').\ntitle('Relational term subsumption.').\n";
  private static final String UNIT = ":- use_module(\"../prolog/subsumes\").\n\n:- begin_tests(subsumes).\n"
      + "test(idempotent) :- true.\n:- end_tests(subsumes).\n";

  @TempDir Path root;

  @Test
  void aPackWithPlunitFilesRunsThemAll() throws IOException {
    write(root, "pack.pl", PACK);
    write(root, "prolog/subsumes.pl", ":- module(subsumes, [subsumes/2]).\n");
    assertThat(VerifyDetector.detect(root, null)).as("no test file yet").isEmpty();
    assertThat(PackageFolder.nearest(root, root.resolve("prolog"))).isEqualTo(new PackageFolder(root, "pack.pl"));
    write(root, "test/plot.plt", "set terminal png\nplot sin(x)\n");
    assertThat(VerifyDetector.detect(root, null)).as("a gnuplot script is no plunit file").isEmpty();
    write(root, "test/subsumes.plt", UNIT);
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("swipl --on-error=status -p library=prolog"
        + " -g \"expand_file_name('test/*.plt', Files), load_files(Files), run_tests\" -t halt", "detected: test/*.plt (plunit)"));
  }

  @Test
  void plunitFilesBesideTheCodeRunWithoutALibraryFolder() throws IOException {
    write(root, "lists_extra.pl", ":- module(lists_extra, []).\n");
    write(root, "lists_extra.plt", ":- begin_tests(lists_extra).\ntest(a) :- true.\n:- end_tests(lists_extra).\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("swipl --on-error=status"
        + " -g \"expand_file_name('*.plt', Files), load_files(Files), run_tests\" -t halt", "detected: *.plt (plunit)"));
  }

  @Test
  void aPerlScriptCalledPackPlIsNoPrologPack() throws IOException {
    write(root, "pack.pl", "#!/usr/bin/perl\nuse strict;\nmy $name = shift;\n");
    assertThat(BuildTools.isPrologPack(root)).isFalse();
    assertThat(PackageFolder.nearest(root, root).marker()).isNull();
    write(root, "pack.pl", "name('my-pack').\nversion('1.0').\n");
    assertThat(BuildTools.isPrologPack(root)).isTrue();
  }

  /** swipl 9.0.4's plunit output for GeoffChurch/subsumes with my bug, and its later form. */
  @Test
  void failingTestsAreNamed() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("% PL-Unit: subsumes ................",
        "ERROR: " + root + "/test/subsumes.plt:88:",
        "\ttest subsumption_with_cyclic_data: assertion at /usr/lib/swi-prolog/boot/init.pl:679 failed",
        "\tAssertion: [_268,_270]==[_268,_270,_274]",
        "A.**FAILED 0.097 sec",
        "ERROR: " + root + "/test/subsumes_chk.plt:11:",
        "\ttest variant_terms: failed",
        "\ttest lgg_pushes_down: received error: plunit_anti_unify:'unit body'/2: Unknown procedure: anti_unify/3",
        "\ttest member_all (forall bindings = [1]): wrong answer (compared using ==)",
        "ERROR:     test subsumes_chk:cyclic_nonsubsuming: failed",
        "% 4 tests failed",
        "% 21 tests passed")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("subsumption_with_cyclic_data", "variant_terms", "lgg_pushes_down",
        "member_all", "subsumes_chk:cyclic_nonsubsuming");
    FailingTests other = new FailingTests(root);
    other.accept("  test the parser: failed to start");
    other.accept("test x: failed");
    assertThat(other.names()).as("only plunit's indented report").isEmpty();
  }

  @Test
  void plunitSummariesSayWhetherTestsRan() {
    assertThat(NoTests.in(List.of("% No tests to run"))).as("swipl -g run_tests with no unit loaded exits 0")
        .contains("% No tests to run");
    assertThat(NoTests.in(List.of("% PL-Unit: subsumes .................. passed 0.018 sec", "% All 25 tests passed")))
        .isEmpty();
    assertThat(NoTests.in(List.of("% All 25 tests passed in 0.045 seconds (0.040 cpu)"))).isEmpty();
    assertThat(NoTests.in(List.of("% 1 assertion failed", "% 4 tests failed", "% 21 tests passed"))).isEmpty();
    assertThat(NoTests.in(List.of("% 8 tests failed", "% 0 tests passed"))).isEmpty();
    assertThat(NoTests.in(List.of("% test passed"))).isEmpty();
  }

  /**
   * A project's own {@code swipl -g run_tests -t halt} (no --on-error=status): a test hidden behind a
   * syntax error is skipped and the rest pass, exit 0. swipl's syntax error fails the run all the same;
   * other errors a passing test prints on purpose (plunit_assert's own messages) do not.
   */
  @Test
  void aPrologFileThatDoesNotLoadFailsTheRunThoughItExitsZero() throws Exception {
    Verifier verifier = new Verifier();
    VerifyResult r = verifier.run(new VerifyCommand("echo 'ERROR: " + root + "/test/calc.plt:5:30: Syntax error: Operator expected';"
        + " echo '% PL-Unit: calc . passed 0.000 sec'; echo '% All 1 tests passed'", "--verify"), root,
        java.time.Duration.ofSeconds(30), java.util.Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.tail()).endsWith("test/calc.plt:5:30: Syntax error: Operator expected): counted as failing");
    r = verifier.run(new VerifyCommand("echo \"ERROR: [plunit_assert] Actual message was: 'Asserted true but got false for: false'\";"
        + " echo '% All 48 tests passed'", "--verify"), root, java.time.Duration.ofSeconds(30), java.util.Map.of(),
        root.resolve("logs/verify.log"));
    assertThat(r.passed()).isTrue();
  }

  /** GeoffChurch/anti_unify requires the pack subsumes; without it swipl cannot load the code under test. */
  @Test
  void aRequiredPackNotInstalledStopsTheRunAMissingLibraryOfTheProjectDoesNot() throws IOException {
    write(root, "pack.pl", "name(anti_unify).\nversion('0.5').\nrequires(subsumes).\n");
    List<String> output = List.of("ERROR: " + root + "/prolog/anti_unify.pl:3:",
        "ERROR:    source_sink `library(subsumes)' does not exist",
        "Warning:    Goal (directive) failed: anti_unify:use_module(library(subsumes))",
        "\ttest cyclic_data: received error: Unknown procedure: plunit_anti_unify:anti_unify/3", "% 8 tests failed");
    Optional<CannotRun.Why> why = CannotRun.check(1, output, root, root, "fix the failing test");
    assertThat(why).map(CannotRun.Why::problem).contains(
        "the pack subsumes that pack.pl requires is not installed (swipl: library(subsumes) does not exist)");
    assertThat(why).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("pack_install(subsumes)"));
    assertThat(CannotRun.check(1, List.of("ERROR:    source_sink `library(guardedmap)' does not exist"), root, root, "fix it"))
        .as("not a pack that pack.pl requires: the project's own, or an agent's").isEmpty();
    assertThat(CannotRun.check(1, output, root, root, "add the subsumes pack")).as("asked for").isEmpty();
    write(root, "pack.pl", "name(x).\nrequires(subsumes >= 0.5).\nrequires(typedef).\n");
    assertThat(ToolchainNeeds.packRequires(root)).containsExactly("subsumes", "typedef");
  }

  @Test
  void aMissingSwiplNamesDebiansPackage() {
    assertThat(CannotRun.check(127, List.of("sh: 1: swipl: not found"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("swi-prolog-nox"));
  }
}
