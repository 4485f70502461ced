package dev.acr.e2e;

import static dev.acr.e2e.RepoShapes.agents;
import static dev.acr.e2e.RepoShapes.commitAll;
import static dev.acr.e2e.RepoShapes.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change that makes the tests pass by running fewer of them, in a way no marker gives away: a table-driven TAP suite
 * whose failing case is dropped from its table. The runner's own count says so: not verified, the next agent runs.
 */
class FewerTestsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    write(fx.repo, "t/run.sh", "n=$(grep -c . t/cases.list); echo \"1..$n\"; i=0; fail=0\n"
        + "while read -r kind arg; do i=$((i+1))\n"
        + "  case $kind in\n"
        + "    exists) if [ -f \"$arg\" ]; then echo \"ok $i exists $arg\"; else echo \"not ok $i exists $arg\"; fail=1; fi;;\n"
        + "    value) if grep -qx \"$arg\" value.txt; then echo \"ok $i value\"; else echo \"not ok $i value\"; fail=1; fi;;\n"
        + "  esac\n"
        + "done < t/cases.list\nexit $fail\n");
    write(fx.repo, "t/cases.list", "exists notes.txt\nvalue fixed\nexists check.sh\n");
    commitAll(fx);
    agents(fx, Map.of(
        "dropper", "sed -i '/^value /d' t/cases.list\n",
        "adder", "echo 'exists value.txt' >> t/cases.list\necho fixed > value.txt\n"));
  }

  @Test
  void aChangeThatDropsTheFailingCaseIsNotVerifiedAndOneThatAddsCasesIs() throws Exception {
    Fixtures.Run r = fx.acr("--chain", "dropper,adder", "--verify", "sh t/run.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("attempt 1 dropper: its tests pass, but fewer of them run: tap ran 2 tests where the baseline ran 3");
    JsonNode first = JSON.readTree(fx.memoryLines().get(0));
    assertThat(first.get("status").asText()).isEqualTo("failed");
    assertThat(first.get("reason").asText()).isEqualTo("turned tests off");
    assertThat(Files.readString(fx.repo.resolve("t/cases.list"))).isEqualTo("exists notes.txt\nvalue fixed\nexists check.sh\nexists value.txt\n");
    assertThat(Files.readString(fx.repo.resolve("value.txt"))).isEqualTo("fixed\n");
  }

  @Test
  void droppingItIsFineWhenThePromptAsksToRemoveTheTest() throws Exception {
    Fixtures.Run r = fx.acr("--chain", "dropper", "--verify", "sh t/run.sh", "remove the value test case, it is obsolete");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(Files.readString(fx.repo.resolve("t/cases.list"))).isEqualTo("exists notes.txt\nexists check.sh\n");
  }
}
