package dev.acr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny hand-computed benchmark folders for the tests. Three models (gpt-5.4, kimi-k2.5,
 * claude-opus-4-6); the expected figures are worked out in {@link BenchMetricsTest}.
 */
final class Fixtures {
  private Fixtures() {}

  static final String MODELS = """
      {"models": [
        {"model": "gpt-5.4", "input_per_1m": 2.5, "output_per_1m": 15.0},
        {"model": "kimi-k2.5", "input_per_1m": 0.01, "output_per_1m": 2.9},
        {"model": "claude-opus-4-6", "input_per_1m": 5.0, "output_per_1m": 25.0}
      ]}
      """;

  /** Task t1's id holds a comma, so the CSV must quote it. */
  static final String OOD_TASKS = """
      {"task_id": "t1, with comma", "bench": "old112", "dimension": "bug_fixing", "language": "python", "prompt": "Fix the crash in the parser when a field is quoted"}
      {"task_id": "t2", "bench": "featurebench", "dimension": "bug_fixing", "prompt": "Add a retry option to the HTTP client"}
      {"task_id": "t3", "bench": "longcli", "dimension": "code_generation", "prompt": "Write a CLI that counts words"}
      """;

  /** Rows deliberately not in task order (the loader takes the order from the tasks file). */
  static final String OOD_RESULTS = """
      task_id,bench,dimension,model,resolved,apply_ok,in_tok,out_tok,cost_usd,note
      t3,longcli,code_generation,kimi-k2.5,0,0,100,10,0.1,"plain"
      t2,featurebench,bug_fixing,kimi-k2.5,1,1,100,10,0.2,
      "t1, with comma",old112,bug_fixing,kimi-k2.5,0,1,100,10,0.1,"a ""quoted"", note"
      "t1, with comma",old112,bug_fixing,gpt-5.4,0,1,100,10,0.5,
      t2,featurebench,bug_fixing,gpt-5.4,1,1,100,10,1.0,
      t3,longcli,code_generation,gpt-5.4,0,1,100,10,0.4,
      "t1, with comma",old112,bug_fixing,claude-opus-4-6,1,1,100,10,2.0,
      t2,featurebench,bug_fixing,claude-opus-4-6,1,1,100,10,3.0,
      t3,longcli,code_generation,claude-opus-4-6,1,1,100,10,1.0,
      """;

  static final String ID_TASKS = """
      {"task_id": "i1", "dimension": "algorithm", "split": "id_test"}
      {"task_id": "i2", "dimension": "code_completion", "split": "id_test"}
      """;

  static final String ID_RESULTS = """
      task_id,split,dimension,model,score,cost_usd,input_tokens,output_tokens,total_tokens,latency_ms
      i1,id_test,algorithm,gpt-5.4,0.5,0.01,10,10,20,1200
      i1,id_test,algorithm,kimi-k2.5,0.0,0.001,10,10,20,900
      i1,id_test,algorithm,claude-opus-4-6,1.0,0.02,10,10,20,3000
      i2,id_test,code_completion,gpt-5.4,1.0,0.01,10,10,20,1000
      i2,id_test,code_completion,kimi-k2.5,0.25,0.002,10,10,20,800
      i2,id_test,code_completion,claude-opus-4-6,1.0,0.03,10,10,20,2500
      """;

  /** Writes the fixture folder in the upstream layout. */
  static Path write(Path dir) throws IOException {
    Files.writeString(dir.resolve("models.json"), MODELS);
    Files.writeString(dir.resolve("ood176_tasks.jsonl"), OOD_TASKS);
    Files.writeString(dir.resolve("ood176_results_long.csv"), OOD_RESULTS);
    Files.writeString(dir.resolve("id_test_tasks.jsonl"), ID_TASKS);
    Files.writeString(dir.resolve("id_test_results_long.csv"), ID_RESULTS);
    return dir;
  }

  /**
   * The real CodeRouterBench data: the copy bundled in acr's resources, so these tests always
   * run (a build without it fails them rather than skipping).
   */
  static BenchSource realData() {
    return BenchSource.bundled();
  }
}
