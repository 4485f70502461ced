package dev.acr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run for the class-data sharing archive of acr's long commands (bench, stats,
 * runs, memory). {@code src/dist/bin/acr} runs it with {@code -XX:DumpLoadedClassList} when it
 * makes that archive: the classes those commands load, and the lambdas they link, are then mapped
 * from the archive instead of being loaded, verified and spun on every run. The dry run's archive
 * lacks ~1,200 of them (the bench loader, the routers, Jackson's writers), ~0.3 s of a full
 * replay on two cores.
 *
 * <p>It writes a tiny benchmark folder in the upstream layout into the given directory, replays
 * it (and its memory), and reads that memory with stats and runs, through the same {@link Main}
 * entry as a user's command. Output is discarded; the exit code is the first failure's, so a test
 * keeps this run in step with the formats it feeds.
 */
final class ArchiveTraining {

  private static final String MODELS = """
      {"models": [
        {"model": "MiniMax-M2.7", "input_per_1m": 0.3, "output_per_1m": 1.2},
        {"model": "gpt-5.4", "input_per_1m": 2.5, "output_per_1m": 15.0},
        {"model": "claude-opus-4-6", "input_per_1m": 5.0, "output_per_1m": 25.0}
      ]}
      """;

  private static final String OOD_TASKS = """
      {"task_id": "t1", "bench": "swebench", "dimension": "bug_fixing", "language": "python", "prompt": "Fix the crash in the parser when a field is quoted"}
      {"task_id": "t2", "bench": "featurebench", "dimension": "code_generation", "prompt": "Add a retry option to the HTTP client"}
      {"task_id": "t3", "bench": "featurebench", "dimension": "bug_fixing", "prompt": "The date filter drops the last day of the month"}
      """;

  private static final String OOD_RESULTS = """
      task_id,model,resolved,apply_ok,in_tok,out_tok,cost_usd,latency_ms
      t1,MiniMax-M2.7,0,1,1000,100,0.01,1500
      t1,gpt-5.4,1,1,1000,100,0.4,2500
      t1,claude-opus-4-6,1,1,1000,100,1.1,3500
      t2,MiniMax-M2.7,1,1,1000,100,0.02,1200
      t2,gpt-5.4,1,1,1000,100,0.3,2200
      t2,claude-opus-4-6,0,0,1000,100,0.9,3200
      t3,MiniMax-M2.7,0,0,1000,100,0.01,900
      t3,gpt-5.4,0,1,1000,100,0.5,2900
      t3,claude-opus-4-6,1,1,1000,100,1.5,3900
      """;

  private static final String ID_TASKS = """
      {"task_id": "i1", "dimension": "algorithm", "split": "id_test"}
      {"task_id": "i2", "dimension": "code_completion", "split": "id_test"}
      """;

  private static final String ID_RESULTS = """
      task_id,dimension,model,score,cost_usd,input_tokens,output_tokens,latency_ms
      i1,algorithm,MiniMax-M2.7,0.0,0.001,10,10,900
      i1,algorithm,gpt-5.4,0.5,0.01,10,10,1200
      i1,algorithm,claude-opus-4-6,1.0,0.02,10,10,3000
      i2,code_completion,MiniMax-M2.7,0.25,0.002,10,10,800
      i2,code_completion,gpt-5.4,1.0,0.01,10,10,1000
      i2,code_completion,claude-opus-4-6,1.0,0.03,10,10,2500
      """;

  private ArchiveTraining() {}

  /** {@code ArchiveTraining DIR}: trains in DIR (made when missing); exits with the first failure's code. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("acr: usage: ArchiveTraining DIR");
      System.exit(ExitCodes.USAGE);
    }
    System.exit(run(Path.of(args[0])));
  }

  static int run(Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("models.json"), MODELS);
    Files.writeString(data.resolve("ood176_tasks.jsonl"), OOD_TASKS);
    Files.writeString(data.resolve("ood176_results_long.csv"), OOD_RESULTS);
    Files.writeString(data.resolve("id_test_tasks.jsonl"), ID_TASKS);
    Files.writeString(data.resolve("id_test_results_long.csv"), ID_RESULTS);
    String out = dir.resolve("out").toString();
    String memory = dir.resolve("out").resolve("cap8").resolve("memory.jsonl").toString();
    String[][] commands = {
      {"bench", "replay", "--data", data.toString(), "--orders", "2", "--out", out},
      {"bench", "replay", "--memory", memory, "--orders", "1", "--json"},
      {"stats", "--memory", memory},
      {"stats", "--memory", memory, "--json"},
      {"runs", "--memory", memory},
    };
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    for (String[] command : commands) {
      int code = Main.run(discard, discard, command);
      if (code != ExitCodes.OK) {
        System.err.println("acr: archive training: acr " + String.join(" ", command) + " exited " + code);
        return code;
      }
    }
    return ExitCodes.OK;
  }
}
