package dev.acr.bench;

import java.util.List;

/** The two CodeRouterBench splits acr replays, with their upstream file names. */
public enum BenchDataset {
  OOD176("ood176", "ood176_results_long.csv", "ood176_tasks.jsonl", false),
  ID_TEST("id-test", "id_test_results_long.csv", "id_test_tasks.jsonl", true);

  private final String key;
  private final String resultsFile;
  private final String tasksFile;
  private final boolean scored;

  BenchDataset(String key, String resultsFile, String tasksFile, boolean scored) {
    this.key = key;
    this.resultsFile = resultsFile;
    this.tasksFile = tasksFile;
    this.scored = scored;
  }

  /** The name used on the command line and as the metrics.json key. */
  public String key() {
    return key;
  }

  public String resultsFile() {
    return resultsFile;
  }

  public String tasksFile() {
    return tasksFile;
  }

  /** True for the ID split, whose outcome is a continuous {@code score} instead of resolved/apply_ok. */
  public boolean scored() {
    return scored;
  }

  /** {@code ood176}, {@code id-test} or {@code all}; null for anything else. */
  public static List<BenchDataset> parse(String spec) {
    return switch (spec) {
      case "all" -> List.of(OOD176, ID_TEST);
      case "ood176" -> List.of(OOD176);
      case "id-test" -> List.of(ID_TEST);
      default -> null;
    };
  }
}
