package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * At a 60-column terminal (COLUMNS=60, which a terminal's width stands for) help, tables and the
 * dry run fit: nothing wider than 60 but a single word (a path) that cannot be broken, and a
 * wrapped line goes on under its own text, not at the left margin.
 */
class CliNarrowTerminalTest {
  private static final int WIDTH = 60;
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    h.extraEnv.put("COLUMNS", Integer.toString(WIDTH));
  }

  /** Lines wider than the terminal that hold more than one word after their indent and label. */
  private static List<String> overlong(String text) {
    List<String> bad = new ArrayList<>();
    for (String line : text.lines().toList()) {
      // What stays when a line is a label and one word too long to break ("run dir    /a/long/path").
      String rest = line.strip().replaceFirst("^(ok|warn|FAIL) +\\S+:? ", "").replaceFirst("^\\S+(?: \\S+)* {2,}", "");
      if (line.length() > WIDTH && rest.contains(" ")) {
        bad.add(line.length() + ": " + line);
      }
    }
    return bad;
  }

  @Test
  void everyHelpFitsAndItsExitCodesWrapUnderTheirText() {
    List<String> bad = new ArrayList<>();
    for (CommandLine c : CliHarness.allCommands(tmp)) {
      List<String> words = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName().split(" ")));
      words.remove(0);
      words.add("--help");
      CliHarness.Run r = h.run(words.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isZero();
      overlong(r.out()).forEach(l -> bad.add(words + " " + l));
      String codes = r.out().substring(r.out().indexOf("Exit codes:"));
      // A code's text and its continuation start in one column, right of the codes.
      assertThat(codes.lines().skip(1).filter(l -> !l.isBlank())).as(words.toString())
          .allMatch(l -> l.matches("  \\S.*") || l.startsWith("     "));
    }
    assertThat(bad).isEmpty();
    String root = h.run("--help").out();
    assertThat(root).contains("  1    not verified; or verified but not applied (your tree\n       changed since the snapshot,");
    // An example too long to have its words beside it has them below it.
    assertThat(root).contains("  acr --dry-run \"fix the failing parser test\"\n      what it would run; runs nothing\n");
  }

  @Test
  void runsStatsDoctorAndTheDryRunFit() throws Exception {
    assertThat(h.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt, which the check reads,"
        + " and say in a long prompt what was wrong with it").exit()).isZero();
    List<String> bad = new ArrayList<>();
    for (List<String> args : List.of(List.of("runs"), List.of("stats"), List.of("explain", "last"),
        List.of("doctor", "--config", h.config.toString()),
        List.of("--config", h.config.toString(), "--dry-run", "--verify", "sh check.sh", "fix value.txt"))) {
      CliHarness.Run r = h.run(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isIn(0, 1);
      overlong(r.out()).forEach(l -> bad.add(args + " " + l));
    }
    assertThat(bad).isEmpty();
    // What is left out at 60 columns: the columns a narrow terminal cannot hold, never the run, result or prompt.
    String runs = h.run("runs").out();
    assertThat(runs.lines().findFirst().orElseThrow()).startsWith("run ").contains("result").contains("prompt");
    assertThat(runs).containsPattern("(?m)^\\d{8}-\\d{6}-[0-9a-f]{4}  verified, applied +fix value\\.txt, wh");
    // A wrapped line of the decision goes on under its text, after the label's column.
    String dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt").out();
    assertThat(dry).containsPattern("(?m)^first run  \\$ .*\\n {11}\\S");
  }

  @Test
  void inAPipeWithoutColumnsNothingIsWrappedOrLeftOut() throws Exception {
    h.extraEnv.remove("COLUMNS");
    assertThat(h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt").exit()).isZero();
    assertThat(h.run("runs").out().lines().findFirst().orElseThrow()).contains("ended (UTC)", "dimension", "attempts", "cost");
    assertThat(h.run("stats").out()).contains("last used");
    String dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt").out();
    assertThat(dry).containsPattern("(?m)^first run  \\$ \\S+fixer 'fix value.txt'$");
  }
}
