package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.cli.BenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad benchmark files give one clear {@code acr: file:line: what} line and exit 2. */
class BenchBadDataTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run replay(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new BenchCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    String[] args = new String[4 + extra.length];
    args[0] = "replay";
    args[1] = "--data";
    args[2] = dir.toString();
    args[3] = "--orders=0";
    System.arraycopy(extra, 0, args, 4, extra.length);
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private void replace(String file, String from, String to) throws Exception {
    Path p = dir.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private void assertProblem(Run r, String file, int line, String what) {
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("acr: " + dir.resolve(file) + ":" + line + ": ").contains(what);
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void badNumberNamesFileAndLine() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t2,featurebench,bug_fixing,gpt-5.4,1,1,100,10,1.0,", "t2,featurebench,bug_fixing,gpt-5.4,1,1,100,10,one dollar,");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 6, "cost_usd 'one dollar' is not a non-negative number");
  }

  @Test
  void resolvedMustBeZeroOrOne() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t3,longcli,code_generation,kimi-k2.5,0,0,", "t3,longcli,code_generation,kimi-k2.5,2,0,");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 2, "resolved '2' is not 0 or 1");
  }

  @Test
  void missingColumn() throws Exception {
    Fixtures.write(dir);
    replace("id_test_results_long.csv", ",score,", ",points,");
    assertProblem(replay("--dataset", "id-test"), "id_test_results_long.csv", 1, "missing column 'score'");
  }

  @Test
  void scoreOutOfRange() throws Exception {
    Fixtures.write(dir);
    replace("id_test_results_long.csv", "i2,id_test,code_completion,kimi-k2.5,0.25,", "i2,id_test,code_completion,kimi-k2.5,1.25,");
    assertProblem(replay("--dataset", "id-test"), "id_test_results_long.csv", 6, "score '1.25' is not a number in [0,1]");
  }

  @Test
  void taskWithoutARowForEveryModel() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t3,longcli,code_generation,gpt-5.4,0,1,100,10,0.4,\n", "");
    assertProblem(replay("--dataset", "ood176"), "ood176_tasks.jsonl", 3, "task 't3' has no row for model 'gpt-5.4'");
  }

  @Test
  void unknownModelAndTask() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t2,featurebench,bug_fixing,kimi-k2.5,", "t2,featurebench,bug_fixing,kimi-k9,");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 3, "model 'kimi-k9' is not in models.json");
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t2,featurebench,bug_fixing,kimi-k2.5,", "t9,featurebench,bug_fixing,kimi-k2.5,");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 3, "task 't9' is not in ood176_tasks.jsonl");
  }

  @Test
  void duplicateRowAndWrongFieldCount() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t3,longcli,code_generation,kimi-k2.5,0,0,100,10,0.1,\"plain\"", "t2,featurebench,bug_fixing,kimi-k2.5,1,1,100,10,0.2,");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 3, "second row for task 't2' and model 'kimi-k2.5'");
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t2,featurebench,bug_fixing,kimi-k2.5,1,1,100,10,0.2,", "t2,featurebench,bug_fixing,kimi-k2.5,1,1,100,10,0.2");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 3, "9 fields, header has 10");
  }

  @Test
  void unterminatedQuote() throws Exception {
    Fixtures.write(dir);
    replace("ood176_results_long.csv", "t3,longcli,code_generation,claude-opus-4-6,1,1,100,10,1.0,", "t3,longcli,code_generation,claude-opus-4-6,1,1,100,10,1.0,\"oops");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 10, "unterminated quoted field");
    Fixtures.write(dir);
    // A stray quote mid-file swallows the following lines into one record.
    replace("ood176_results_long.csv", "t3,longcli,code_generation,gpt-5.4,0,1,100,10,0.4,", "t3,longcli,code_generation,gpt-5.4,0,1,100,10,0.4,\"oops");
    assertProblem(replay("--dataset", "ood176"), "ood176_results_long.csv", 7, "20 fields, header has 10 (a quoted field runs on to line 8)");
  }

  @Test
  void badTaskLines() throws Exception {
    Fixtures.write(dir);
    replace("ood176_tasks.jsonl", "{\"task_id\": \"t2\"", "{task_id: \"t2\"");
    assertProblem(replay("--dataset", "ood176"), "ood176_tasks.jsonl", 2, "invalid JSON");
    Fixtures.write(dir);
    replace("id_test_tasks.jsonl", "\"dimension\": \"code_completion\"", "\"dimension\": \"poetry\"");
    assertProblem(replay("--dataset", "id-test"), "id_test_tasks.jsonl", 2, "unknown dimension 'poetry'");
  }

  @Test
  void badModelsFile() throws Exception {
    Fixtures.write(dir);
    replace("models.json", "\"input_per_1m\": 0.01, ", "");
    assertProblem(replay(), "models.json", 3, "model 'kimi-k2.5' needs numeric input_per_1m and output_per_1m");
  }

  @Test
  void missingFileAndMissingFolder() throws Exception {
    Fixtures.write(dir);
    Files.delete(dir.resolve("id_test_tasks.jsonl"));
    Run r = replay("--dataset", "id-test");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("acr: " + dir.resolve("id_test_tasks.jsonl") + ": no such file" + System.lineSeparator());
    dir = dir.resolve("nowhere");
    assertThat(replay().err()).startsWith("acr: " + dir + ": not a directory");
  }

  @Test
  void badMemoryLine() throws Exception {
    Path mem = dir.resolve("memory.jsonl");
    Files.writeString(mem, "{\"task\":\"a\",\"tool\":\"codex\",\"model\":\"gpt-5.4\",\"resolved\":true}\n{\"task\":\"b\",\"status\":\"exploded\",\"tool\":\"codex\"}\n");
    Run r = replay("--memory", mem.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("acr: " + mem + ":2: unknown status 'exploded'");
  }
}
