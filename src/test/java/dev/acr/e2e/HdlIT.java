package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of secworks/sha256 (docs/real-repos-2026-12-06.md, fourteenth session): a Verilog design
 * in rtl/, a self-checking testbench in tb/ that counts its errors and ends with {@code $finish} (vvp exits 0 whatever it
 * found), and a toolruns/Makefile that builds it with Icarus Verilog and runs it from a sim-* target. An uncommitted bug
 * fixed by a stand-in after a breaker, and a stand-in that stops counting errors. Each test skips, naming what to install,
 * without iverilog; .ci/run installs it, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class HdlIT extends StandInTrials {

  private static final String VERIFY = "make -C toolruns sim-adder\\s+\\(detected: toolruns/Makefile \\(its simulation targets\\)\\)";

  @BeforeEach
  void needsIcarus(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.IVERILOG, Toolchains.MAKE);
  }

  private void adderWithTestbench() throws Exception {
    write("rtl/adder.v", "`default_nettype none\nmodule adder(input wire [7:0] a, input wire [7:0] b, output wire [8:0] sum);\n"
        + "  assign sum = a + b;\nendmodule\n");
    write("tb/tb_adder.v", "module tb_adder;\n  reg [7:0] a, b;\n  wire [8:0] sum;\n  integer error_ctr;\n\n"
        + "  adder dut(.a(a), .b(b), .sum(sum));\n\n"
        + "  task check_sum(input [7:0] x, input [7:0] y, input [8:0] expected);\n    begin\n      a = x; b = y; #1;\n"
        + "      if (sum !== expected) begin\n        $display(\"*** ERROR: %0d + %0d gave %0d, expected %0d\", x, y, sum, expected);\n"
        + "        error_ctr = error_ctr + 1;\n      end\n    end\n  endtask\n\n"
        + "  initial begin\n    error_ctr = 0;\n    check_sum(2, 3, 5);\n    check_sum(255, 1, 256);\n"
        + "    if (error_ctr == 0)\n      $display(\"*** All test cases completed successfully\");\n"
        + "    else\n      $display(\"*** %02d errors detected during testing.\", error_ctr);\n    $finish;\n  end\nendmodule\n");
    write("toolruns/Makefile", "CC = iverilog\n\nadder.sim: ../tb/tb_adder.v ../rtl/adder.v\n\t$(CC) -Wall -o adder.sim ../tb/tb_adder.v ../rtl/adder.v\n\n"
        + "sim-adder: adder.sim\n\t./adder.sim\n\nsim-stream:\n\tfusesoc sim adder\n\nlint:\n\tverilator --lint-only ../rtl/adder.v\n\n"
        + "clean:\n\trm -f adder.sim\n");
    write(".gitignore", "*.sim\n");
  }

  @Test
  void aVerilogDesignWithASelfCheckingTestbench() throws Exception {
    adderWithTestbench();
    commitThenBreak("rtl/adder.v", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("verilog", VERIFY, "rtl/adder.v", "a + b");
    verifyLogSays("baseline", "*** ERROR: 2 + 3 gave", "errors detected during testing",
        "the test command exited 0, but its output says tests failed");
  }

  /** A stand-in that stops counting errors: the testbench then reports success, but its patch removes a check. */
  @Test
  void aStandInThatStopsCountingErrorsIsNotVerified() throws Exception {
    adderWithTestbench();
    commitThenBreak("rtl/adder.v", "a + b", "a - b", "a * b");
    breakerRuns("sed -i 's/error_ctr = error_ctr + 1;//' tb/tb_adder.v");
    breakerThenFixerVerifies("verilog", VERIFY, "rtl/adder.v", "a + b");
    assertThat(fx.read("tb/tb_adder.v")).contains("error_ctr = error_ctr + 1;");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
  }
}
