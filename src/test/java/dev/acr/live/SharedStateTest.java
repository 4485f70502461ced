package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedStateTest {
  @TempDir Path tmp;
  final List<String> notes = new ArrayList<>();

  @Test
  void aRacesAttemptsShareOneSnapshotPutBackWhenTheLastEnds() throws IOException {
    Path repo = tmp.resolve("proj");
    Path site = venv(repo.resolve(".venv"));
    Files.writeString(site.resolve("_proj.pth"), repo.resolve("src") + "\n");
    SharedState venvs = SharedState.of(repo, List.of(".venv", "node_modules"), true, null, Map.of(), notes::add);

    venvs.enter(1, "attempt 1 codex");
    venvs.enter(2, "attempt 2 claude");
    Files.writeString(site.resolve("_proj.pth"), "/home/me/.acr/worktrees/proj-1/2/src\n");
    venvs.exit();
    assertThat(notes).as("attempt 2 still runs its tests").isEmpty();
    assertThat(site.resolve("_proj.pth")).hasContent("/home/me/.acr/worktrees/proj-1/2/src");

    venvs.exit();
    assertThat(site.resolve("_proj.pth")).hasContent(repo.resolve("src").toString());
    assertThat(notes).containsExactly("attempt 1 codex, attempt 2 claude: they changed your .venv (_proj.pth), which"
        + " their worktrees share with your tree; acr put it back as it was");
    assertThat(venvs.takenBack(2)).hasValue(".venv (_proj.pth)");
    assertThat(venvs.takenBack(3)).isEmpty();
  }

  @Test
  void theActivatedEnvironmentIsGuardedTooAndWhatCannotBePutBackIsSaid() throws IOException {
    Path repo = tmp.resolve("proj");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("uv.lock"), "version = 1\n");
    Path outside = tmp.resolve("envs/proj-py3.11");
    Path site = venv(outside);
    Files.createDirectories(site.resolve("attrs"));
    Files.writeString(site.resolve("attrs/__init__.py"), "v = 1\n");
    SharedState venvs = SharedState.of(repo, List.of(), true, null, Map.of("VIRTUAL_ENV", outside.toString()), notes::add);

    venvs.enter(1, "attempt 1 codex");
    Files.writeString(site.resolve("attrs/__init__.py"), "v = 22\n");
    venvs.exit();

    assertThat(notes).containsExactly("attempt 1 codex: it changed your " + outside + " (attrs), which its worktree"
        + " shares with your tree; acr put back what it could, not attrs: reinstall the versions your project needs"
        + " (uv sync)");
  }

  @Test
  void inPlaceTheEnvironmentIsTheFoldersOwn() throws IOException {
    Path dir = tmp.resolve("scratch");
    Path site = venv(dir.resolve("venv"));
    SharedState venvs = SharedState.of(dir, List.of(".venv", "venv"), false, null, Map.of(), notes::add);
    venvs.enter(1, "attempt 1 codex");
    Files.writeString(site.resolve("extra.pth"), "/elsewhere\n");
    venvs.exit();
    assertThat(site.resolve("extra.pth")).doesNotExist();
    assertThat(notes).containsExactly("attempt 1 codex: it changed your venv (extra.pth); acr put it back as it was");
  }

  @Test
  void noEnvironmentNothingToDo() throws IOException {
    Path repo = tmp.resolve("proj");
    Files.createDirectories(repo.resolve(".venv")); // no pyvenv.cfg: not an environment
    SharedState venvs = SharedState.of(repo, List.of(".venv"), true, null, Map.of("VIRTUAL_ENV", ""), notes::add);
    venvs.enter(1, "attempt 1 codex");
    Files.writeString(repo.resolve(".venv/x"), "x");
    venvs.exit();
    assertThat(notes).isEmpty();
  }

  private static Path venv(Path venv) throws IOException {
    Path site = venv.resolve("lib/python3.11/site-packages");
    Files.createDirectories(site);
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
    return site;
  }
}
