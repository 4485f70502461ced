package dev.acr.verify;

import dev.acr.exec.Colour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hardware designs (Verilog, SystemVerilog, VHDL) tested by simulating self-checking testbenches. The simulators exit 0
 * whatever a testbench found: Icarus's {@code vvp} after {@code $error} or a {@code $display("ERROR ...")}, GHDL after an
 * {@code assert ... severity error}. On secworks/sha256 ({@code make -C toolruns sim-top sim-core}, its testbenches printing
 * {@code *** 07 errors detected during testing.}) a change that broke the core further was verified and applied, and so was
 * one that stopped counting errors (docs/real-repos-2026-12-06.md). Here: the test command such a project has
 * ({@link #detect}), the failures its output reports ({@link Reports}), and checks a change removes from a testbench
 * ({@link PatchScan#checksRemoved}).
 */
final class HdlTestbenches {

  /** A testbench by its name or its folder: tb_sha256.v, alu_tb.sv, testbench.vhd, tb/top.v, sim/alu.sv. */
  static final Pattern TESTBENCH = Pattern.compile("(?:(?:^|/)(?:tb_[^/]*|[^/]*_tb|testbench[^/]*|[^/]*_test|test_[^/]*)"
      + "|(?:^|/)(?:tb|tbs|testbench(?:es)?|tests?|sim|verif)/[^/]*)\\.(?:v|sv|vhd|vhdl)$");

  /** The simulators and their compilers, named in a makefile that tests a design. */
  private static final Pattern SIMULATOR = Pattern.compile("\\b(?:iverilog|vvp|verilator|ghdl|nvc)\\b");
  /** A recipe's command that runs a model the makefile built ({@code ./top.sim}), a simulator or a simulator's compiler. */
  private static final Pattern SIMULATOR_COMMAND = Pattern.compile("^(?:\\./\\S+|obj_dir/\\S+|vvp|ghdl|nvc|iverilog|verilator)(?:\\s|$)");
  /** One that runs a simulation: the model, {@code vvp}, {@code ghdl -r}, {@code nvc -r}, also after a build ({@code && vvp x}). */
  private static final Pattern RUNS_MODEL = Pattern.compile("(?:^|[;&|]\\s*)(?:\\./\\S+|obj_dir/\\S+|vvp\\b)"
      + "|\\bghdl\\s+(?:-r|--elab-run)\\b|\\bnvc\\b.*\\s-r\\b");
  /** Targets named for running the testbenches: {@code sim-top}, {@code test_alu}, {@code run-adder}. */
  private static final Pattern TEST_TARGET = Pattern.compile("^(?:tests?|check|sim|simulate|run)[-_][\\w-]+$");
  private static final List<String> FOLDERS = List.of("", "toolruns", "src", "sim", "tb", "test", "tests", "verif");
  private static final List<String> TEST_FOLDERS = List.of("sim", "tb", "test", "tests", "verif");
  /** A recipe that runs a simulation: {@code ghdl -r}, {@code ghdl --elab-run}, {@code vvp}, {@code nvc -r}. */
  private static final Pattern RUNS_SIMULATION = Pattern.compile("(?m)^\\t.*\\b(?:ghdl\\s+(?:-r|--elab-run)\\b|vvp\\b|nvc\\b.*\\s-r\\b)");

  private HdlTestbenches() {}

  /**
   * {@code make} of the targets that simulate the testbenches, in the first makefile of these folders that builds with a
   * simulator: its {@code test}, {@code tests} or {@code check} target, else {@code sim}, {@code simulate} or {@code run} when
   * its recipe runs a simulation, else every {@code sim-*}, {@code test-*}, {@code run-*} target
   * whose recipe runs a model the makefile built or a simulator (secworks's {@code sim-top}, {@code sim-core}; not its
   * {@code sim-stream}, which runs FuseSoC). A root makefile's {@code test} target was found before this.
   */
  static Optional<VerifyCommand> detect(Path root) {
    for (String folder : FOLDERS) {
      Path dir = folder.isEmpty() ? root : root.resolve(folder);
      String name = VerifyDetector.firstFile(dir, "GNUmakefile", "makefile", "Makefile");
      String text = name == null ? "" : VerifyDetector.readOrEmpty(dir.resolve(name));
      if (!SIMULATOR.matcher(text).find()) {
        continue;
      }
      List<String> targets = targets(text);
      String where = folder.isEmpty() ? name : folder + "/" + name;
      if (!targets.isEmpty()) {
        return Optional.of(new VerifyCommand("make " + (folder.isEmpty() ? "" : "-C " + folder + " ") + String.join(" ", targets),
            "detected: " + where + " (its simulation targets)"));
      }
      // A test folder's makefile whose targets are the tests' own names (tmeissner/libvhdl's test/Makefile: all: queue dict
      // stack sim …, each running ghdl -r): its default target runs them. Not the root's or a tool folder's: theirs builds.
      if (TEST_FOLDERS.contains(folder) && RUNS_SIMULATION.matcher(text).find()) {
        return Optional.of(new VerifyCommand("make -C " + folder, "detected: " + where + " (runs its testbenches)"));
      }
    }
    return Optional.empty();
  }

  /** The targets of {@link #detect} in a makefile's text; empty when none. */
  static List<String> targets(String makefile) {
    MakeRules make = MakeRules.parse(makefile);
    Map<String, MakeRules.Rule> rules = make.rules();
    for (String whole : List.of("test", "tests", "check", "sim", "simulate", "run")) {
      // A test target is the project's word, whatever it runs; sim and run also name targets that only build or view waves.
      boolean testTarget = whole.startsWith("test") || whole.equals("check");
      if (rules.containsKey(whole) && (testTarget || simulates(rules.get(whole).recipe(), make))) {
        return List.of(whole);
      }
    }
    return rules.entrySet().stream().filter(e -> TEST_TARGET.matcher(e.getKey()).find() && simulates(e.getValue().recipe(), make))
        .map(Map.Entry::getKey).toList();
  }

  /**
   * Whether a recipe runs a simulation and nothing but the simulators: each command (after {@code @}, {@code -}, a variable
   * such as {@code $(VVP)} read as its value) runs a model the makefile built or a simulator or its compiler, and one runs a
   * simulation ({@code ./top.sim}, {@code vvp}, {@code ghdl -r}). Not a waveform viewer's, FuseSoC's or a synthesis recipe.
   */
  private static boolean simulates(List<String> recipe, MakeRules make) {
    boolean runs = false;
    for (String command : recipe) {
      String resolved = make.resolved(command);
      if (resolved.startsWith("#")) {
        continue;
      }
      if (!SIMULATOR_COMMAND.matcher(resolved).find()) {
        return false;
      }
      runs |= RUNS_MODEL.matcher(resolved).find();
    }
    return runs;
  }

  /** Whether {@code dir} holds testbenches within four levels (not a Coq project's tests/*.v): their output is read as one. */
  static boolean present(Path dir) {
    if (Files.isRegularFile(dir.resolve("_CoqProject"))) {
      return false;
    }
    Deque<Path> folders = new ArrayDeque<>(List.of(dir));
    int seen = 0;
    while (!folders.isEmpty() && seen < 5_000) {
      Path folder = folders.poll();
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          String name = p.getFileName().toString();
          if (seen++ >= 5_000) {
            break;
          } else if (Files.isDirectory(p)) {
            if (!name.startsWith(".") && !name.equals("node_modules") && dir.relativize(p).getNameCount() < 4) {
              folders.add(p);
            }
          } else if (TESTBENCH.matcher(dir.relativize(p).toString().replace('\\', '/')).find()) {
            return true;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // An unreadable folder holds no testbench we could run.
      }
    }
    return false;
  }

  /**
   * A check, on a testbench's line: an assertion, {@code $error}/{@code $fatal}, a {@code $display} of a failure, VHDL's
   * {@code report ... severity error}, an error counter's increment, or a call of a test or check task or an assertion
   * procedure ({@code check_sum(...)}, libvhdl's {@code assert_equal(...)}, VUnit's {@code check_equal(...)}).
   */
  private static final Pattern CHECK = Pattern.compile("\\$(?:error|fatal)\\b|\\bassert\\b"
      + "|\\$(?:display|write|strobe)\\w*\\s*\\(.*(?i:\\berror|\\bfail|mismatch|incorrect|wrong)"
      + "|\\bseverity\\s+(?i:error|failure)\\b"
      + "|\\b(\\w*(?i:err|fail|mismatch)\\w*)\\s*<?=\\s*\\1\\s*\\+\\s*1\\b|\\b\\w*(?i:err|fail|mismatch)\\w*\\s*(?:\\+\\+|\\+=\\s*1\\b)"
      + "|^\\w*(?i:test|check|verify|expect|assert)\\w*\\s*\\(");

  /** Whether a line of the testbench {@code file} is a check ({@link #CHECK}), not in a comment. */
  static boolean check(String file, String text) {
    // A Coq sentence ends with a full stop ("assert (H : x = y)."): .v files are Coq's too, a statement of Verilog's does not.
    boolean coq = file.endsWith(".v") && text.endsWith(".");
    return !PatchScan.comment(text) && !coq && CHECK.matcher(text).find();
  }

  /**
   * The failures a simulation reports on a run that exits 0. The simulators' own: Icarus's {@code $error}
   * ({@code ERROR: tb.v:12: msg}), GHDL's failed assertion or error report ({@code tb.vhd:5:5:@0ms:(assertion error): msg}),
   * read wherever they appear. A testbench's own words ({@code *** ERROR: TC 1 NOT successful.}, {@code TC0: ERROR.},
   * {@code *** 07 errors detected during testing.}, {@code Errors: 3}) only where the folder holds testbenches
   * ({@link #present}): other runners' passing tests print such lines on purpose.
   */
  static final class Reports {
    private static final Pattern SIMULATOR_ERROR = Pattern.compile("^(?:ERROR|FATAL): \\S+\\.(?:v|sv|vh|svh):\\d+: "
        + "|^\\S+\\.vhdl?:\\d+:\\d+:@[^:]*:\\((?:assertion|report) (?:error|failure)\\):");
    /** Any report of the simulators in their own format: GHDL's {@code tb.vhd:5:5:@0ms:(report note): …}, Icarus's {@code WARNING: tb.v:3: …}. */
    private static final Pattern SIMULATOR_LINE = Pattern.compile("^\\S+\\.vhdl?:\\d+:\\d+:@[^:]*:\\([^)]*\\):"
        + "|^(?:ERROR|FATAL|WARNING|INFO): \\S+\\.(?:v|sv|vh|svh):\\d+: ");
    /**
     * An upper-case failure word, or a line opening with {@code Error:}, not a count of none ({@code FAIL: 0}, {@code 0 ERROR},
     * {@code NO ERROR}, {@code Failed: 0}).
     */
    private static final Pattern SAYS_FAILED = Pattern.compile("(?<!\\b(?:0|NO|[Nn]o)\\s)\\b(?:ERROR|FAIL|FAILED|FAILURE|MISMATCH)\\b(?!\\s*[:=]?\\s*0\\b)"
        + "|^[*#=\\s-]*(?:Error|Failed|Failure|Mismatch)\\s*[:!](?!\\s*0\\b)");
    private static final Pattern COUNTED = Pattern.compile("(?i)\\b(\\d+)\\s+(?:errors?|failures?|mismatch(?:es)?|tests?\\s+failed)\\b"
        + "|\\b(?:errors?|failures?|mismatch(?:es)?|failed)\\s*[:=]\\s*(\\d+)\\b");

    private String simulator;
    private String testbench;

    synchronized void accept(String raw) {
      String line = Colour.strip(raw).strip();
      if (SIMULATOR_LINE.matcher(line).find()) {
        // The simulator's own report is judged by its kind, not its words: tmeissner/libvhdl's passing run prints
        // "(psl assertion error): PSL ERROR: LocalWen invalid" from a PSL directive during reset, GHDL's exit 0 standing.
        simulator = simulator == null && SIMULATOR_ERROR.matcher(line).find() ? line : simulator;
      } else if (testbench == null && !line.isEmpty()) {
        Matcher n = COUNTED.matcher(line);
        boolean counted = n.find() && Integer.parseInt(n.group(1) != null ? n.group(1) : n.group(2)) > 0;
        testbench = counted || SAYS_FAILED.matcher(line).find() ? line : null;
      }
    }

    /** The first failure reported, the simulator's before a testbench's; empty when none or {@code dir} holds no testbench. */
    synchronized Optional<String> result(Path dir) {
      if (simulator != null) {
        return Optional.of(simulator);
      }
      return testbench != null && present(dir) ? Optional.of(testbench) : Optional.empty();
    }
  }
}
