package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial of docs/real-repos.md in small, for the packaged launcher: a project committed, the
 * user's uncommitted bug and untracked NOTES.md, a tools config of two stand-in agents (a sed
 * breaker, then a sed fixer), and the checks made on each real repository. Shared by the
 * integration tests of the languages and build tools acr was tried on.
 */
abstract class StandInTrials {
  @TempDir Path tmp;
  Fixtures fx;
  /** The tools config of the two stand-ins, written by {@link #agents}. */
  Path tools;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
  }

  /** A tools config of two stand-ins: a breaker (bug to worse) and a fixer (bug to fix), each a sed over {@code file}. */
  void agents(String file, String bug, String fix, String worse) throws IOException {
    Fixtures.script(fx.agents.resolve("sed-breaker"), "touch \"$ACR_TEST_PIDS/agent-ran\"\nsed -i 's/" + bug + "/" + worse + "/' " + file + "\n");
    Fixtures.script(fx.agents.resolve("sed-fixer"), "touch \"$ACR_TEST_PIDS/agent-ran\"\nsed -i 's/" + bug + "/" + fix + "/' " + file + "\n");
    tools = tmp.resolve("script-tools.json");
    Files.writeString(tools, "{\"tools\": [\n"
        + "  {\"name\": \"sed-breaker\", \"enabled\": true, \"command\": [\"" + fx.agents.resolve("sed-breaker") + "\"], \"prompt_mode\": \"append_arg\"},\n"
        + "  {\"name\": \"sed-fixer\", \"enabled\": true, \"command\": [\"" + fx.agents.resolve("sed-fixer") + "\"], \"prompt_mode\": \"append_arg\"}\n]}\n");
  }

  /** The breaker stand-in runs {@code shell} instead of its sed: a cheat (a suite emptied, a test-op dropped) to be told from a fix. */
  void breakerRuns(String shell) throws IOException {
    Fixtures.script(fx.agents.resolve("sed-breaker"), "touch \"$ACR_TEST_PIDS/agent-ran\"\n" + shell + "\n");
  }

  void write(String file, String text) throws IOException {
    Path p = fx.repo.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /**
   * Commits what was written, then leaves {@code file} with {@code good} turned to {@code bug}
   * (the user's uncommitted bug) and an untracked NOTES.md; the stand-ins turn {@code bug} to
   * {@code worse} (the breaker) or back to {@code good} (the fixer).
   */
  void commitThenBreak(String file, String good, String bug, String worse) throws Exception {
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "project");
    write(file, fx.read(file).replace(good, bug));
    write("NOTES.md", "my own notes\n");
    agents(file, bug, good, worse);
  }

  Fixtures.Run acr(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--config", tools.toString()));
    all.addAll(List.of(args));
    Process p = fx.startPlain(all);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("acr finished").isTrue();
    return fx.collect(p);
  }

  /** The dry run names the language and the command; the run verifies the fixer after the breaker and applies only its change. */
  void breakerThenFixerVerifies(String language, String verify, String file, String fixed) throws Exception {
    Fixtures.Run dry = acr("--dry-run", "--chain", "sed-breaker,sed-fixer", "fix the failing test");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("language " + language).containsPattern("(?m)^verify\\s+" + verify + "$");

    Fixtures.Run r = acr("--chain", "sed-breaker,sed-fixer", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("baseline: tests fail", "recheck: passed in your working tree");
    assertThat(fx.read(file)).contains(fixed);
    assertThat(fx.read("NOTES.md")).isEqualTo("my own notes\n");
    assertThat(fx.git("status", "--porcelain")).isEqualTo("?? NOTES.md\n");
    assertThat(fx.memoryLines()).hasSize(2);
    assertThat(fx.memoryLines().get(0)).contains("\"status\":\"failed\"");
    assertThat(fx.memoryLines().get(1)).contains("\"status\":\"verified\"", "\"language\":\"" + language + "\"");
  }

  /** The first run's {@code verify.log} of {@code step} ({@code baseline}, {@code attempt-1}) says each of {@code expected}. */
  void verifyLogSays(String step, String... expected) throws IOException {
    try (Stream<Path> logs = Files.walk(fx.home)) {
      assertThat(logs.filter(p -> p.endsWith(step + "/verify.log")).findFirst())
          .hasValueSatisfying(log -> assertThat(log).content().contains(expected));
    }
  }

  /** The run stops with exit 2 before any agent, saying {@code expected}, with nothing recorded. */
  void stopsBeforeAnyAgent(String... expected) throws Exception {
    Fixtures.Run r = acr("--chain", "sed-breaker,sed-fixer", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains(expected).contains("No agent was run and nothing was recorded");
    assertThat(tmp.resolve("pids/agent-ran")).as("no agent ran").doesNotExist();
    assertThat(fx.memoryLines()).isEmpty();
  }

}
