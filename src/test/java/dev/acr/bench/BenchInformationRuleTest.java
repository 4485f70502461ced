package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The information rule: a router sees the Task and the feedback of attempts it chose, never a
 * cell it did not pay for. Every router's revealed cells must equal its attempted cells, and a
 * router holding the replay's own executor that peeks is stopped.
 */
class BenchInformationRuleTest {
  @TempDir Path dir;

  @Test
  void revealedCellsAreExactlyTheAttemptedOnesForEveryRouter() throws Exception {
    for (BenchDataset dataset : BenchDataset.values()) {
      BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), dataset);
      assertRevealedEqualsAttempted(table);
    }
  }

  @Test
  void revealedCellsAreExactlyTheAttemptedOnesOnRealOod176() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), BenchDataset.OOD176);
    assertRevealedEqualsAttempted(table);
  }

  private static void assertRevealedEqualsAttempted(BenchTable table) {
    int[] order = Seeds.permutation(table.taskCount(), 7, 1);
    for (Contestant c : Contestants.all(table, new TaskFeatures(table.tasks()))) {
      Contestant.Seat seat = c.factory().create(42);
      Replay.Result r = Replay.run(table, seat.router(), seat.learner(), order, 8, true);
      assertThat(r.revealed()).as(c.name()).isEqualTo(r.attempted());
      assertThat(r.revealed().cardinality()).as(c.name()).isPositive();
    }
  }

  /** Tries every route through the executor it was handed, then plans the one that resolved. */
  private static final class PeekingRouter implements Router {
    private final TableExecutor executor;
    private final RouteMenu menu;

    PeekingRouter(TableExecutor executor, RouteMenu menu) {
      this.executor = executor;
      this.menu = menu;
    }

    @Override
    public String name() {
      return "Peeking";
    }

    @Override
    public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
      if (!attemptsSoFar.isEmpty()) {
        return List.of();
      }
      for (Route r : menu.routes()) {
        if (executor.attempt(task, r, 1).resolved()) {
          return List.of(r);
        }
      }
      return List.of(menu.routes().get(0));
    }
  }

  @Test
  void aRouterThatPeeksThroughTheExecutorFailsTheReplay() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), BenchDataset.OOD176);
    TableExecutor executor = new TableExecutor(table);
    Router spy = new PeekingRouter(executor, table.menu());
    int[] order = Seeds.permutation(table.taskCount(), 1, 0);
    assertThatThrownBy(() -> Replay.run(table, executor, spy, null, order, 8, false))
        .isInstanceOf(Replay.InformationRuleViolation.class)
        .hasMessageContaining("Peeking opened")
        .hasMessageContaining("but paid for 1");
  }

  @Test
  void anHonestRouterWithTheSameExecutorPasses() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), BenchDataset.OOD176);
    TableExecutor executor = new TableExecutor(table);
    Router honest = new AlwaysRouter(table.menu(), 0, "Always-gpt-5.4");
    Replay.Result r = Replay.run(table, executor, honest, null, new int[] {0, 1, 2}, 8, false);
    assertThat(r.revealed().cardinality()).isEqualTo(3);
  }

  @Test
  void unavailableRoutesAreNeverOfferedNorRevealed() throws Exception {
    BenchTable full = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), BenchDataset.OOD176);
    // Drop opus on t1 and gpt on t2: a memory where not every route was tried on every task.
    AttemptResult[][] cells = new AttemptResult[3][3];
    for (int t = 0; t < 3; t++) {
      for (int r = 0; r < 3; r++) {
        cells[t][r] = full.cell(t, r);
      }
    }
    cells[0][2] = null;
    cells[1][0] = null;
    BenchTable sparse = new BenchTable("sparse", full.tasks(), full.routes(), cells, full.prices());
    assertThat(sparse.menu().offered(full.tasks().get(0))).containsExactly(0, 1);
    assertRevealedEqualsAttempted(sparse);
    Contestant always = Contestants.all(sparse, new TaskFeatures(sparse.tasks())).stream()
        .filter(c -> c.name().equals("Always-gpt-5.4")).findFirst().orElseThrow();
    Replay.Result r = Replay.run(sparse, always.factory().create(1).router(), null, new int[] {0, 1, 2}, 8, true);
    assertThat(r.decisions().get(1).chain()).isEmpty();
    assertThat(r.metrics().get(Metric.AVG_STEPS)).isEqualTo(2.0 / 3);
  }
}
