package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardware designs as secworks/sha256 has them (docs/real-repos-2026-12-06.md, fourteenth session): testbenches in src/tb, a
 * toolruns/Makefile that builds them with Icarus Verilog and runs them from its sim-* targets, and their output, as printed
 * there with a bug in the core's maj function. Icarus and GHDL lines as the Debian builds print them.
 */
class HdlTestbenchesTest {

  /** secworks/sha256's toolruns/Makefile, cut down: its lint and FuseSoC targets are no simulation of a built model. */
  private static final String SECWORKS_MAKEFILE = "CORE_SRC = ../src/rtl/sha256_core.v\nCC = iverilog\nCC_FLAGS = -Wall\n"
      + "LINT = verilator\n\nall: top.sim core.sim\n\ntop.sim: $(TOP_TB_SRC) $(TOP_SRC)\n\t$(CC) $(CC_FLAGS) -o top.sim $(TOP_TB_SRC)\n\n"
      + "core.sim: $(CORE_TB_SRC) $(CORE_SRC)\n\t$(CC) $(CC_FLAGS) -o core.sim $(CORE_SRC)\n\n"
      + "sim-stream: $(REFERENCE_FILE).padded\n\tfusesoc --cores-root=.. sim --sim=$(SIM) sha256\n\n"
      + "sim-top: top.sim\n\t./top.sim\n\n\nsim-core: core.sim\n\t./core.sim\n\n\nlint: $(TOP_SRC)\n\t$(LINT) --lint-only $(TOP_SRC)\n\n"
      + "clean:\n\trm -f top.sim\n";

  @TempDir Path root;

  @Test
  void theSimulationTargetsOfAMakefileInAToolFolderAreTheTests() throws IOException {
    write(root, "src/rtl/sha256_core.v", "module sha256_core(); endmodule\n");
    write(root, "toolruns/Makefile", "all:\n\techo nothing\n");
    assertThat(VerifyDetector.detect(root, null)).as("a makefile that names no simulator").isEmpty();
    write(root, "toolruns/Makefile", SECWORKS_MAKEFILE);
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make -C toolruns sim-top sim-core",
        "detected: toolruns/Makefile (its simulation targets)"));
  }

  /** tmeissner/libvhdl's test/Makefile: its targets are its testbenches' names, its default target runs them all. */
  @Test
  void aTestFoldersMakefileThatRunsTheSimulatorRunsByDefault() throws IOException {
    write(root, "sim/QueueP.vhd", "package QueueP is end package;\n");
    write(root, "test/Makefile", ".PHONY: all\nall: queue dict\n\nqueuet: QueueP.o QueueT.vhd\n\tghdl -a --std=08 QueueT.vhd\n"
        + "\tghdl -e --std=08 $@\n\n%: %t\n\tghdl -r --std=08 $@t\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make -C test", "detected: test/Makefile (runs its testbenches)"));
    write(root, "test/Makefile", "all: queuet\n\nqueuet: QueueT.vhd\n\tghdl -a --std=08 QueueT.vhd\n");
    assertThat(VerifyDetector.detect(root, null)).as("builds, runs nothing").isEmpty();
  }

  /** ValeraDanger/Verilog_Implication: src/Makefile, whose tests target runs the testbench through $(VVP). */
  @Test
  void aSourceFoldersMakefileWithATestsTarget() throws IOException {
    write(root, "src/implic.sv", "module implic(); endmodule\n");
    write(root, "src/Makefile", "IVERILOG ?= iverilog\nVVP ?= vvp\n\nall: tests\n\nbuild:\n\tmkdir -p build\n"
        + "\t$(IVERILOG) -g2012 implic.sv testbenches/implic_tb.sv -s implic_tb -o build/implic_tb\n\ntests: build\n\t$(VVP) build/implic_tb\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make -C src tests", "detected: src/Makefile (its simulation targets)"));
  }

  @Test
  void aTestTargetOrASimTargetComesFirst() {
    assertThat(HdlTestbenches.targets("VVP = vvp\nsim: tb.vvp\n\t$(VVP) -n tb.vvp\nsim-x: x.vvp\n\t./x.vvp\n"))
        .as("a sim target running the simulator through a variable").containsExactly("sim");
    assertThat(HdlTestbenches.targets("test: tb\n\tvvp tb\nsim-x: x\n\t./x\n")).containsExactly("test");
    assertThat(HdlTestbenches.targets("sim: tb\n\tgtkwave tb.vcd\nsim_alu: alu\n\tvvp alu\n"))
        .as("a sim target that opens a waveform viewer runs no testbench").containsExactly("sim_alu");
    assertThat(HdlTestbenches.targets("build: x\n\tiverilog -o x x.v\n")).isEmpty();
    assertThat(HdlTestbenches.targets("VVP ?= vvp\nbuild:\n\tiverilog -o build/tb x.sv\n\ntests: build\n\t$(VVP) build/tb\n"))
        .containsExactly("tests");
    assertThat(HdlTestbenches.targets("all:\n\t@iverilog -g2012 -o a.vvp x.sv\n\nrun: all\n\t@vvp a.vvp\n")).containsExactly("run");
    assertThat(HdlTestbenches.targets("run: all\n\tyosys -p synth x.v\nrun-alu: alu.vvp\n\tvvp -n alu.vvp\n"))
        .as("a run target that synthesises").containsExactly("run-alu");
    assertThat(HdlTestbenches.targets("sim-build:\n\tghdl -a alu.vhd\nsim-alu:\n\tghdl -a alu.vhd tb_alu.vhd\n\tghdl --elab-run tb_alu\n"
        + "\t# --wave=alu.ghw\nsim-one:\n\tiverilog -o a.vvp tb.v && vvp -n a.vvp\n"))
        .as("analysis alone runs nothing; a comment in a recipe is none of its commands").containsExactly("sim-alu", "sim-one");
  }

  @Test
  void aRootMakefileWithATestTargetKeepsMakeTest() throws IOException {
    write(root, "rtl/alu.v", "module alu(); endmodule\n");
    write(root, "Makefile", "test: tb\n\tvvp tb\nsim-alu: alu\n\t./alu\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  @Test
  void testbenchesAreFoundByNameOrFolderButNotInACoqProject() throws IOException {
    assertThat(HdlTestbenches.present(root)).isFalse();
    write(root, "src/rtl/alu.v", "module alu(); endmodule\n");
    assertThat(HdlTestbenches.present(root)).as("a design alone").isFalse();
    write(root, "src/tb/top.sv", "module top; endmodule\n");
    assertThat(HdlTestbenches.present(root)).isTrue();
    Path coq = Files.createDirectories(root.resolve("coq"));
    write(coq, "_CoqProject", "-R theories X\n");
    write(coq, "tests/Basics.v", "Require Import Arith.\n");
    assertThat(HdlTestbenches.present(coq)).isFalse();
    for (String name : List.of("tb_sha256.v", "sha256_tb.sv", "testbench.vhd", "alu_test.vhdl", "sim/top.v", "verif/x.sv")) {
      assertThat(HdlTestbenches.TESTBENCH.matcher("a/" + name).find()).as(name).isTrue();
    }
    assertThat(HdlTestbenches.TESTBENCH.matcher("src/rtl/sha256_core.v").find()).isFalse();
  }

  /** The baseline of secworks/sha256 with the maj bug: vvp exits 0 after every testbench. Any change was verified. */
  @Test
  void aTestbenchsOwnErrorReportFailsARunThatExitsZero() throws Exception {
    write(root, "src/tb/tb_sha256_core.v", "module tb_sha256_core; endmodule\n");
    VerifyResult r = run("printf '*** TC0 - Single block test started.\\nTC0: ERROR.\\n*** 07 errors detected during testing.\\n'");
    assertThat(r.passed()).isFalse();
    assertThat(r.tail()).endsWith("[acr] the test command exited 0, but its output says tests failed (TC0: ERROR.): counted as failing");
    assertThat(Verifier.failedAnyway(r)).isEqualTo("TC0: ERROR.");
    assertThat(run("printf '*** 03 test cases did not complete successfully.\\n*** 3 errors detected during testing.\\n'").passed())
        .isFalse();
    assertThat(run("printf 'Error: expected 5, got 3\\n'").passed()).isFalse();
    assertThat(run("printf 'ERRORS: 2\\n'").passed()).isFalse();
    for (String passing : List.of("*** All 05 test cases completed successfully", "*** 00 errors detected during testing.",
        "Errors: 0", "PASS: 5 FAIL: 0", "NO ERROR found", "error_code = 0x00", "Simulation complete, 0 mismatches", "Failed: 0 Passed: 5",
        "ERROR_COUNT = 0", "Error count: 0")) {
      assertThat(run("printf '" + passing + "\\n'").passed()).as(passing).isTrue();
    }
  }

  @Test
  void aTestbenchsWordsCountOnlyWhereTestbenchesAre() throws Exception {
    write(root, "tests/test_app.py", "def test_x(): pass\n");
    assertThat(run("printf 'ERROR: logged on purpose by a passing test\\n'").passed()).isTrue();
  }

  @Test
  void theSimulatorsOwnErrorsFailARunThatExitsZeroAnywhere() throws Exception {
    VerifyResult icarus = run("printf 'hello\\nERROR: t.v:1: bad thing 3\\n       Time: 0 Scope: t\\nafter\\n'");
    assertThat(icarus.passed()).isFalse();
    assertThat(Verifier.failedAnyway(icarus)).isEqualTo("ERROR: t.v:1: bad thing 3");
    VerifyResult ghdl = run("printf 'a.vhd:4:5:@0ms:(report note): hello\\na.vhd:5:5:@0ms:(assertion error): mismatch here\\n'");
    assertThat(ghdl.passed()).isFalse();
    assertThat(Verifier.failedAnyway(ghdl)).isEqualTo("a.vhd:5:5:@0ms:(assertion error): mismatch here");
    assertThat(run("printf 'a.vhd:4:5:@0ms:(report note): hello\\n'").passed()).isTrue();
  }

  /**
   * tmeissner/libvhdl's passing run (make -C test, exit 0) prints PSL directives firing during reset: the simulator's own
   * lines are judged by their kind, not by the words of their message, testbenches present or not.
   */
  @Test
  void theSimulatorsNotesWarningsAndPslReportsPassWhateverTheyCite() throws Exception {
    write(root, "test/QueueT.vhd", "entity QueueT is end entity;\n");
    assertThat(run("printf '../syn/WishBoneSlaveE.vhd:231:5:@35ns:(psl assertion error): PSL ERROR: LocalWen invalid\\n"
        + "SpiT.vhd:364:9:@115300ns:(report note): INFO: no ERROR so far\\nWARNING: tb.v:3: FAIL would be shown here\\n"
        + "%%%% DATA_ERROR  Bin:(3)   Count = 14  AtLeast = 1\\nsimulation finished @294160ns with status 0\\n'").passed()).isTrue();
  }

  @Test
  void theCompilersErrorsAreTheBuildsNotTheirWarnings() {
    assertThat(BuildErrors.first(List.of("../src/rtl/sha256_w_mem.v:141: warning: @* is sensitive to all 16 words in array 'w_mem'.",
        "../src/rtl/sha256_core.v:359: syntax error", "../src/rtl/sha256_core.v:359: error: malformed statement")))
        .contains("../src/rtl/sha256_core.v:359: syntax error");
    assertThat(BuildErrors.first(List.of("b.vhd:4:15: missing \";\" at end of statement"))).contains("b.vhd:4: missing \";\" at end of statement");
    assertThat(BuildErrors.first(List.of("%Error: core.v:3:5: syntax error, unexpected end"))).contains("core.v:3: syntax error, unexpected end");
    assertThat(BuildErrors.first(List.of("tb.v:20: warning: Port 1 (a) of adder expects 8 bits, got 4.",
        "tb.v:20:        : Padding 4 high bits of the port.", "*** ERROR: 2 + 3 gave 1, expected 5"))).as("a warning going on").isEmpty();
  }

  /** The stand-in that stopped counting errors on secworks/sha256 was verified and applied. */
  @Test
  void checksRemovedFromATestbenchTurnTestsOff() throws IOException {
    Path patch = patch("diff --git a/src/tb/tb_sha256.v b/src/tb/tb_sha256.v\nindex 1..2 100644\n--- a/src/tb/tb_sha256.v\n+++ b/src/tb/tb_sha256.v\n"
        + "@@ -445,4 +445,4 @@\n           $display(\"TC%01d: ERROR.\", tc_ctr);\n-          error_ctr = error_ctr + 1;\n+          ;\n"
        + "@@ -556,3 +556,2 @@\n-      single_block_test(SHA224_MODE, tc0, res0);\n       double_block_test(SHA224_MODE, tc1_0, res1_0, tc1_1, res1_1);\n");
    assertThat(checksRemoved(patch))
        .contains("2 checks removed from the testbench src/tb/tb_sha256.v ('error_ctr = error_ctr + 1;')");
    assertThat(DisabledTests.find(patch, "fix the failing sha256 testbench", List.of())).hasValueSatisfying(
        reason -> assertThat(reason).startsWith("its change turns tests off instead of making them pass (2 checks removed"));
    assertThat(DisabledTests.find(patch, "remove the sha224 test case", List.of())).as("asked for").isEmpty();
  }

  /** A stand-in on tmeissner/libvhdl that pushed one entry fewer and dropped the fullness checks was verified and applied. */
  @Test
  void assertionProceduresAreChecks() throws IOException {
    Path patch = patch("diff --git a/test/QueueT.vhd b/test/QueueT.vhd\nindex 1..2 100644\n--- a/test/QueueT.vhd\n+++ b/test/QueueT.vhd\n"
        + "@@ -70,8 +70,6 @@\n-    for i in 0 to C_QUEUE_DEPTH-1 loop\n+    for i in 0 to C_QUEUE_DEPTH-2 loop\n       sv_simple_queue.push(v_data);\n"
        + "     end loop;\n     -- check that it's full\n-    assert_true(sv_simple_queue.is_full, \"Queue should be full!\");\n"
        + "     -- Check number of entries\n-    assert_equal(sv_simple_queue.fillstate, C_QUEUE_DEPTH, \"Queue should have\");\n");
    assertThat(checksRemoved(patch))
        .contains("2 checks removed from the testbench test/QueueT.vhd ('assert_true(sv_simple_queue.is_full, \"Queue should be full!…')");
  }

  @Test
  void checksEditedMovedOrAddedAreNoneRemoved() throws IOException {
    Path edited = patch("diff --git a/tb/tb_alu.v b/tb/tb_alu.v\nindex 1..2 100644\n--- a/tb/tb_alu.v\n+++ b/tb/tb_alu.v\n@@ -10,3 +10,3 @@\n"
        + "-      check_sum(8'd2, 8'd3, 9'd6);\n+      check_sum(8'd2, 8'd3, 9'd5);\n-    // errors = errors + 1;\n"
        + "--- assert x = 1 report \"old\" severity error;\n");
    assertThat(checksRemoved(edited)).as("an expected value corrected; comments removed").isEmpty();
    Path created = patch("diff --git a/tb/tb_new.v b/tb/tb_new.v\nnew file mode 100644\nindex 0..2\n--- /dev/null\n+++ b/tb/tb_new.v\n"
        + "@@ -0,0 +1,2 @@\n+      check_sum(1, 2, 3);\n+      $error(\"x\");\n");
    assertThat(checksRemoved(created)).isEmpty();
    Path design = patch("diff --git a/rtl/alu.v b/rtl/alu.v\nindex 1..2 100644\n--- a/rtl/alu.v\n+++ b/rtl/alu.v\n@@ -1,1 +1,1 @@\n"
        + "-  assert (a == b);\n+  assign y = a + b;\n");
    assertThat(checksRemoved(design)).as("not a testbench").isEmpty();
    Path coq = patch("diff --git a/tests/Lists.v b/tests/Lists.v\nindex 1..2 100644\n--- a/tests/Lists.v\n+++ b/tests/Lists.v\n@@ -3,2 +3,1 @@\n"
        + "-  assert (H : length l = 0).\n   auto.\n");
    assertThat(checksRemoved(coq)).as("a Coq proof's assert").isEmpty();
    Path deleted = patch("diff --git a/tb/tb_alu.vhd b/tb/tb_alu.vhd\ndeleted file mode 100644\nindex 1..0\n--- a/tb/tb_alu.vhd\n+++ /dev/null\n"
        + "@@ -1,2 +0,0 @@\n-    assert sum = 5 report \"wrong sum\" severity error;\n-    wait;\n");
    assertThat(checksRemoved(deleted)).contains("1 check removed from the testbench tb/tb_alu.vhd ('assert sum = 5 report \"wrong sum\" severity error;')");
  }

  @Test
  void theSimulatorsComeFromDebian() {
    assertThat(InstallHints.of("iverilog", root)).contains("Icarus Verilog: Debian's iverilog");
    assertThat(InstallHints.of("ghdl", root)).contains("GHDL: Debian's ghdl");
  }

  /** What the patch scan DisabledTests makes finds of a testbench's checks. */
  private static java.util.Optional<String> checksRemoved(Path patch) throws IOException {
    return PatchScan.of(patch, 200_000).checksRemoved();
  }

  private Path patch(String text) throws IOException {
    Path p = root.resolve("changes.patch");
    Files.writeString(p, text);
    return p;
  }

  private VerifyResult run(String command) throws Exception {
    return new Verifier().run(new VerifyCommand(command, "--verify"), root, Duration.ofSeconds(30), Map.of(),
        root.resolve("logs/verify.log"));
  }
}
