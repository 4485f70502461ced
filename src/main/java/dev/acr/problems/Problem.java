package dev.acr.problems;

import dev.acr.context.Dimension;
import dev.acr.core.Task;
import java.nio.file.Path;

/**
 * One live problem: a tiny project in {@code dir} whose tests fail until the prompt is done.
 * {@code id} is the folder name and the memory task id, so every route's attempt on the problem
 * lands on the same task when the memory is replayed. {@code summary} may be null.
 */
public record Problem(
    String id, Path dir, String prompt, String language, Dimension dimension, String verify, String summary) {

  /** The benchmark name the router sees for live problems (memory field {@code bench}). */
  public static final String BENCH = "live-bench";

  /** The folder an agent must never see: the reference solution. */
  public static final String SOLUTION_DIR = "solution";

  /** What a router sees of this problem: its id, prompt, labelled dimension, bench and language. */
  public Task task() {
    return new Task(id, prompt, dimension, BENCH, language);
  }
}
