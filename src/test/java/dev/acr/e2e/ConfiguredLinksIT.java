package dev.acr.e2e;

import static dev.acr.e2e.RepoShapes.commitAll;
import static dev.acr.e2e.RepoShapes.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test library the project's script downloads once into an ignored folder (no-12/minimal_arch_installer's shUnit2):
 * no attempt's worktree has it unless {@code .acr/config.json} names it in {@code "link"}, and then the fixer is verified
 * and only its change reaches the user's tree.
 */
class ConfiguredLinksIT {
  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    write(fx.repo, "run_tests.sh", "#!/bin/sh\n[ -f testlib/lib.sh ] || { echo 'testlib/lib.sh: not found' >&2; exit 1; }\n"
        + ". testlib/lib.sh\ncheck_value\n");
    write(fx.repo, ".gitignore", "build/\n/testlib/\n");
    commitAll(fx);
    write(fx.repo, "testlib/lib.sh", "check_value() { grep -qx fixed value.txt; }\n");
  }

  @Test
  void theFolderTheConfigLinksIsThereForTheBaselineAndEveryAttempt() throws Exception {
    write(fx.repo, ".acr/config.json", "{\"verify\": \"sh run_tests.sh\", \"link\": [\"testlib\"]}\n");
    Fixtures.Run dry = fx.acr("--dry-run", "--chain", "breaker,fixer", "fix value.txt");
    assertThat(dry.out()).contains("linked into each attempt's worktree: testlib");

    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("testlib/lib.sh: not found");
    assertThat(Files.readString(fx.repo.resolve("value.txt"))).isEqualTo("fixed\n");
    assertThat(Files.isSymbolicLink(fx.repo.resolve("testlib"))).isFalse();
    assertThat(Files.readString(fx.repo.resolve("testlib/lib.sh"))).startsWith("check_value()");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M value.txt\n?? .acr/\n");
  }

  @Test
  void withoutItTheRunStopsBeforeAnyAgentAndSaysWhatToLink() throws Exception {
    write(fx.repo, ".acr/config.json", "{\"verify\": \"sh run_tests.sh\", \"link\": [\"shunit2\"]}\n");
    Fixtures.Run r = fx.acr("--chain", "fixer", "fix value.txt");
    assertThat(r.err()).contains("links \"shunit2\", which your tree does not have");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("it needs testlib/lib.sh, which your tree has but git ignores")
        .contains("add {\"link\": [\"testlib\"]} to " + fx.repo.toRealPath().resolve(".acr/config.json"))
        .contains("No agent was run and nothing was recorded");
    assertThat(fx.memoryLines()).isEmpty();
    assertThat(Files.readString(fx.repo.resolve("value.txt"))).isEqualTo("broken\n");
  }
  /**
   * A file the tests make when they find none, which the user's tree has from an earlier run: the baseline that fails for
   * the task's bug says it is not found, yet it is not what the tests lack, and the run goes on.
   */
  @Test
  void aFileTheTestsMakeThemselvesDoesNotStopTheRun() throws Exception {
    write(fx.repo, "run_tests.sh", "#!/bin/sh\n[ -f testlib/lib.sh ] || { echo 'testlib/lib.sh not found, making it';"
        + " mkdir -p testlib; echo 'check_value() { grep -qx fixed value.txt; }' > testlib/lib.sh; }\n. testlib/lib.sh\ncheck_value\n");
    write(fx.repo, ".acr/config.json", "{\"verify\": \"sh run_tests.sh\"}\n");
    Fixtures.Run r = fx.acr("--chain", "fixer", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).doesNotContain("which your tree has but git ignores");
    assertThat(Files.readString(fx.repo.resolve("value.txt"))).isEqualTo("fixed\n");
  }
}
