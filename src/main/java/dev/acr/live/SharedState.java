package dev.acr.live;

import dev.acr.git.DependencyDirs;
import dev.acr.git.GitException;
import dev.acr.git.Isolation;
import dev.acr.git.RepoRefs;
import dev.acr.git.Snapshot;
import dev.acr.git.VenvState;
import dev.acr.verify.PythonVenv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Puts back what the baseline and the attempts could change outside their worktrees: the user's
 * Python environments (the {@code .venv} a worktree links, the one the user activated; {@link
 * VenvState}) and the repository's branches, tags, stash list and config, which every worktree
 * shares ({@link RepoRefs}). They are read when the first of a batch of attempts starts and put back
 * when the last of them ends (a race's attempts share them), so before a verified change is
 * rechecked in the user's tree, which must see the user's environment.
 */
final class SharedState {
  private final List<Path> venvs;
  private final Path root;
  /** The run's snapshot commit: the repository's refs are guarded (null: --in-place, no repository). */
  private final String snapshotCommit;
  private final Consumer<String> note;
  /** The attempts run in worktrees (not --in-place, where they run in the user's folder itself). */
  private final boolean worktrees;
  private final List<String> attempts = new ArrayList<>();
  private final List<Integer> numbers = new ArrayList<>();
  /** By attempt number: what was taken back after it ran, e.g. ".venv (mathhelp.py)". */
  private final Map<Integer, String> takenBack = new HashMap<>();
  private List<VenvState> before = List.of();
  private RepoRefs refsBefore;
  private int running;

  SharedState(List<Path> venvs, Path root, boolean worktrees, String snapshotCommit, Consumer<String> note) {
    this.venvs = List.copyOf(venvs);
    this.root = realOrAsIs(root);
    this.worktrees = worktrees;
    this.snapshotCommit = snapshotCommit;
    this.note = note;
  }

  /**
   * What the baseline's tests and the attempts of a run in {@code isolation}'s worktrees of {@code snapshot} can
   * change; without them (--in-place), the environments of {@code workdir}, where the agents then run with its own
   * environment activated (PythonVenv).
   */
  static SharedState of(Isolation isolation, Snapshot snapshot, Path workdir, Map<String, String> env,
      Consumer<String> note) {
    return isolation == null || snapshot == null
        ? of(workdir, DependencyDirs.VENVS, false, null, env, note)
        : of(isolation.root(), snapshot.dependencies(), true, snapshot.commit(), env, note);
  }

  /**
   * The environments an attempt can write into are those of {@code deps} (the dependency folders, relative to
   * {@code root}, that its worktree links, or that are in the folder it runs in when not in {@code worktrees}) and
   * the activated one in {@code env}; with {@code snapshotCommit}, the repository at {@code root} too.
   */
  static SharedState of(Path root, List<String> deps, boolean worktrees, String snapshotCommit,
      Map<String, String> env, Consumer<String> note) {
    Set<Path> venvs = new LinkedHashSet<>();
    for (String dep : deps) {
      if (DependencyDirs.isVenv(dep)) {
        venvs.add(root.resolve(dep));
      }
    }
    String active = env.get("VIRTUAL_ENV");
    if (active != null && !active.isBlank() && Path.of(active).isAbsolute()) {
      venvs.add(Path.of(active));
    }
    venvs.removeIf(v -> !PythonVenv.isEnvironment(v));
    return new SharedState(List.copyOf(venvs), root, worktrees, snapshotCommit, note);
  }

  /** Attempt {@code number} ({@code label}, e.g. "attempt 2 fixer") is about to run. */
  synchronized void enter(int number, String label) {
    if (venvs.isEmpty() && snapshotCommit == null) {
      return;
    }
    attempts.add(label);
    numbers.add(number);
    if (running++ > 0) {
      return;
    }
    List<VenvState> states = new ArrayList<>();
    for (Path venv : venvs) {
      try {
        states.add(VenvState.read(venv));
      } catch (IOException e) {
        note.accept(label + ": could not read " + shown(venv) + " (" + e.getMessage()
            + "); what an agent installs there will not be undone");
      }
    }
    before = states;
    try {
      refsBefore = snapshotCommit == null ? null : RepoRefs.read(root, snapshotCommit);
    } catch (GitException e) {
      refsBefore = null;
      note.accept(label + ": could not read your repository's branches and stash list (" + e.getMessage()
          + "); what an agent's git commands change there will not be undone");
    }
  }

  /** That attempt has ended (its tests too); the last of a batch puts everything back. */
  synchronized void exit() {
    if ((venvs.isEmpty() && snapshotCommit == null) || --running > 0) {
      return;
    }
    String who = String.join(", ", attempts);
    boolean several = attempts.size() > 1;
    List<Integer> ran = List.copyOf(numbers);
    attempts.clear();
    numbers.clear();
    // After Ctrl-C or a race's cancel: file channels and git refuse to work on an interrupted thread.
    boolean interrupted = Thread.interrupted();
    try {
      restoreVenvs(who, several, ran);
      restoreRefs(who, several);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    before = List.of();
    refsBefore = null;
  }

  /**
   * What was taken back from the environments after attempt {@code number} (and any raced beside it), e.g.
   * ".venv (mathhelp.py)": a change that fails in the user's tree may need it.
   */
  synchronized Optional<String> takenBack(int number) {
    return Optional.ofNullable(takenBack.get(number));
  }

  private void restoreVenvs(String who, boolean several, List<Integer> ran) {
    String sharing = !worktrees ? "" : several ? ", which their worktrees share with your tree"
        : ", which its worktree shares with your tree";
    for (VenvState state : before) {
      try {
        VenvState.Restored r = state.restore();
        if (!r.none()) {
          note.accept(message(who, several ? "they" : "it", sharing, r));
          String what = shown(r.venv()) + " (" + listed(r.changed()) + ")";
          ran.forEach(n -> takenBack.merge(n, what, (a, b) -> a + ", " + b));
        }
      } catch (IOException e) {
        note.accept(who + ": your " + shown(state.venv()) + (sharing.isEmpty() ? "" : sharing + ",")
            + " may have changed, and acr could not put it back (" + e.getMessage() + "); reinstall what the"
            + " project needs (" + PythonVenv.installCommand(root, root) + ")");
      }
    }
  }

  private void restoreRefs(String who, boolean several) {
    if (refsBefore == null) {
      return;
    }
    String subject = several ? "they" : "it";
    try {
      RepoRefs.Restored r = refsBefore.restore();
      if (!r.undone().isEmpty()) {
        note.accept(who + ": from " + (several ? "their worktrees " : "its worktree ") + subject + " "
            + String.join(", ", r.undone()) + " in your repository; acr put it back as it was");
      }
      if (!r.meanwhile().isEmpty()) {
        note.accept(who + ": while " + subject + " and another acr run's attempts ran here, an agent "
            + String.join(", ", r.meanwhile()) + " in your repository; acr put it back as it was");
      }
      if (!r.reported().isEmpty()) {
        note.accept(who + ": " + subject + " " + String.join(", ", r.reported())
            + " in your repository; acr cannot undo that: check the remote (git log @{u})");
      }
    } catch (GitException e) {
      note.accept(who + ": acr could not check what " + subject + " changed in your repository's branches, stash"
          + " list and config (" + e.getMessage() + "); look at git branch, git stash list");
    }
  }

  private String message(String who, String subject, String sharing, VenvState.Restored r) {
    String what = who + ": " + subject + " changed your " + shown(r.venv()) + " (" + listed(r.changed()) + ")"
        + sharing;
    if (r.notRestored().isEmpty()) {
      return what + "; acr put it back as it was";
    }
    return what + "; acr put back what it could, not " + listed(r.notRestored())
        + ": reinstall the versions your project needs (" + PythonVenv.installCommand(root, root) + ")";
  }

  private static String listed(List<String> names) {
    return names.size() <= 4 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
  }

  /** {@code .venv}, or the environment's whole path when it is outside the repository. */
  private String shown(Path venv) {
    Path real = realOrAsIs(venv);
    return real.startsWith(root) ? root.relativize(real).toString() : venv.toString();
  }

  private static Path realOrAsIs(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
