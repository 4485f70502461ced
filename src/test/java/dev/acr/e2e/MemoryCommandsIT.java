package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acr runs, acr explain and acr memory through the packaged launcher, after a real run. */
class MemoryCommandsIT {
  @TempDir Path tmp;

  private static Fixtures.Run plain(Fixtures fx, String... args) throws Exception {
    Process p = fx.startPlain(List.of(args));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("acr finished").isTrue();
    return fx.collect(p);
  }

  @Test
  void aRunIsListedExplainedExportedImportedAndCompacted() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    Fixtures.Run run = fx.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(run.exit()).as(run.err()).isZero();
    String runId = run.out().lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().substring(4, 24);

    Fixtures.Run runs = plain(fx, "runs");
    assertThat(runs.exit()).as(runs.err()).isZero();
    assertThat(runs.out()).containsPattern("(?m)^" + runId + " .* 2  verified, applied +\\$0\\.0123\\+  fix value\\.txt$");

    Fixtures.Run explain = plain(fx, "explain", "last");
    assertThat(explain.exit()).as(explain.err()).isZero();
    Path runDir = fx.home.resolve("runs").resolve(runId);
    assertThat(explain.out()).contains("run        " + runId + "  (live)")
        .contains("patch     " + runDir.resolve("attempt-1/changes.patch") + "  (junk.txt, value.txt)")
        .containsPattern("(?m)^  2\\. fixer +verified .* \\$0\\.0123  tokens 1000 in / 50 out  exit 0$")
        .contains("result     verified after 2 attempt(s); applied to the working tree; total cost $0.0123 (1 of 2 attempt(s) reported a cost)");

    Fixtures.Run export = plain(fx, "memory", "export", "--no-prompts", "--out", tmp.resolve("share.jsonl").toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(Files.readString(tmp.resolve("share.jsonl"))).doesNotContain("fix value.txt").contains(runId);

    Path laptop = tmp.resolve("laptop.jsonl");
    Fixtures.Run imported = plain(fx, "memory", "import", "--memory", laptop.toString(), tmp.resolve("share.jsonl").toString());
    assertThat(imported.out()).isEqualTo("imported into " + laptop + ": 2 added, 0 duplicate, 0 bad\n");
    // Ours already has them: the export without prompts is the same records.
    Fixtures.Run back = plain(fx, "memory", "import", tmp.resolve("share.jsonl").toString());
    assertThat(back.out()).isEqualTo("imported into " + fx.memory() + ": 0 added, 2 duplicate, 0 bad\n");

    Files.writeString(fx.memory(), Files.readString(fx.memory()) + Files.readString(fx.memory()) + "{\"ts\": \"20");
    Fixtures.Run compact = plain(fx, "memory", "compact");
    assertThat(compact.exit()).as(compact.err()).isZero();
    assertThat(compact.out()).isEqualTo("compacted " + fx.memory() + ": before 5 line(s), after 2 record(s) (2 duplicate(s),"
        + " 1 unreadable line(s) dropped)\n");
    assertThat(fx.memoryLines()).hasSize(2);
  }
}
