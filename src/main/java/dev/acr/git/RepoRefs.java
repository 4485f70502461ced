package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attempt's worktree shares with the user's repository besides their files: its branches and
 * tags, its stash list and its config. An agent's git commands in the worktree write there: {@code git
 * checkout -b fix} leaves a branch in the user's {@code git branch}, {@code git stash} an entry on top of
 * the user's stash list (their next {@code git stash pop} would apply the agent's change to their tree),
 * {@code git stash pop} takes one of theirs, {@code git config user.email} rewrites their config.
 *
 * <p>{@link #read} records them; {@link #restore} takes back what came from the worktree: a branch, tag
 * or stash entry added there (it descends from the run's snapshot commit, which only worktrees have),
 * a ref moved onto such a commit; it puts back a ref or stash entry that went missing and the config
 * file as it was. The user's own branches and stashes made meanwhile (on their commits) are left alone.
 * Remote-tracking refs are only reported: a change there is a fetch or a push, which cannot be undone.
 *
 * <p>What was there before is shared by the acr runs whose attempts run at the same time in the repository ({@link
 * SharedBaseline}): another run's agent's branch or config is never read as the user's. Each run takes back what came
 * from its own worktrees, and the config as it was, whichever run's agent changed it (a run cannot tell).
 */
public final class RepoRefs {
  /**
   * What {@link #restore} did, in words ("made branch agent/fix"), and what it only reports; {@code meanwhile}: what it put
   * back that went missing or changed ("deleted branch main", "changed .git/config") while another acr run's attempts ran
   * here too, whose agent may have done it.
   */
  public record Restored(List<String> undone, List<String> reported, List<String> meanwhile) {
    public boolean none() {
      return undone.isEmpty() && reported.isEmpty() && meanwhile.isEmpty();
    }
  }

  record StashEntry(String commit, String message) {}

  private final Path root;
  private final Path gitDir;
  private final SharedBaseline.Holder self;
  private final String snapshot;
  private final Map<String, String> refs;
  private final List<StashEntry> stash;
  private final Path config;
  private final byte[] configBytes;

  private RepoRefs(Path root, Path gitDir, SharedBaseline.Holder self, Map<String, String> refs, List<StashEntry> stash,
      Path config, byte[] configBytes) {
    this.root = root;
    this.gitDir = gitDir;
    this.self = self;
    this.snapshot = self.snapshot();
    this.refs = refs;
    this.stash = stash;
    this.config = config;
    this.configBytes = configBytes;
  }

  /**
   * The refs, stash list and config of the repository at {@code root} before any acr run's agents ran; {@code snapshot} is
   * the run's snapshot commit. Each read is followed by one {@link #restore}.
   */
  public static RepoRefs read(Path root, String snapshot) throws GitException {
    Path gitDir = root.resolve(Git.run(root, "rev-parse", "--git-common-dir").strip()).normalize();
    Path config = gitDir.resolve("config");
    // Not a UUID: its SecureRandom costs tens of milliseconds at its first use. A process reads this clock once per read.
    SharedBaseline.Holder self = new SharedBaseline.Holder(StaleWorktrees.lockReason() + " #" + System.nanoTime(), snapshot);
    SharedBaseline.State s = SharedBaseline.join(gitDir, self,
        () -> new SharedBaseline.State(List.of(), refs(root), stash(root), bytes(config)));
    return new RepoRefs(root, gitDir, self, s.refs(), s.stash(), config, s.config());
  }

  private static byte[] bytes(Path config) throws GitException {
    try {
      return Files.isRegularFile(config) ? Files.readAllBytes(config) : null;
    } catch (IOException e) {
      throw new GitException("cannot read " + config + ": " + e.getMessage(), e);
    }
  }

  /** Takes back what the attempts since {@link #read} did to the repository from their worktrees. */
  public Restored restore() throws GitException {
    return SharedBaseline.leave(gitDir, self, others -> restore(others.isEmpty()));
  }

  /** {@link #restore}; {@code alone} when no other acr run's attempts are running in the repository. */
  private Restored restore(boolean alone) throws GitException {
    List<String> undone = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    Map<String, String> now = refs(root);
    for (Map.Entry<String, String> e : now.entrySet()) {
      String ref = e.getKey();
      String was = refs.get(ref);
      if (e.getValue().equals(was) || ref.equals("refs/stash")) {
        continue;
      }
      if (ref.startsWith("refs/remotes/")) {
        reported.add((was == null ? "made " : "moved ") + shortName(ref) + " (a fetch or a push)");
      } else if (fromWorktree(e.getValue())) {
        if (was == null) {
          Git.run(root, "update-ref", "-d", ref, e.getValue());
          undone.add("made " + kind(ref) + " " + shortName(ref));
        } else {
          Git.run(root, "update-ref", ref, was, e.getValue());
          undone.add("moved " + kind(ref) + " " + shortName(ref));
        }
      }
    }
    // What went missing or changed may be another run's agent's doing when runs overlap: said apart.
    List<String> putBack = new ArrayList<>();
    for (Map.Entry<String, String> e : refs.entrySet()) {
      if (!now.containsKey(e.getKey()) && !e.getKey().equals("refs/stash") && !e.getKey().startsWith("refs/remotes/")) {
        Git.run(root, "update-ref", e.getKey(), e.getValue(), "");
        putBack.add("deleted " + kind(e.getKey()) + " " + shortName(e.getKey()));
      }
    }
    restoreStash(undone, putBack);
    restoreConfig(putBack);
    if (alone) {
      undone.addAll(putBack);
      putBack.clear();
    }
    return new Restored(List.copyOf(undone), List.copyOf(reported), List.copyOf(putBack));
  }

  /**
   * The stash list as it was, less nothing the user stashed meanwhile: entries made in a worktree are
   * dropped, entries that went missing are stored again, on top (an agent's {@code git stash pop} takes
   * the top one, so that is its place). Never by emptying the list and refilling it: a stop half-way
   * would leave the user's entries in no list at all.
   */
  private void restoreStash(List<String> undone, List<String> putBack) throws GitException {
    List<StashEntry> now = stash(root);
    if (now.equals(stash)) {
      return;
    }
    int added = 0;
    for (int i = now.size() - 1; i >= 0; i--) { // the deepest first: the indexes above it stay valid
      StashEntry s = now.get(i);
      if (!stash.contains(s) && fromWorktree(s.commit + "^1")) {
        Git.run(root, "stash", "drop", "-q", "stash@{" + i + "}");
        added++;
      }
    }
    List<StashEntry> after = stash(root);
    int missing = 0;
    for (int i = stash.size() - 1; i >= 0; i--) { // the oldest first: store puts each on top
      StashEntry s = stash.get(i);
      if (!after.contains(s)) {
        Git.run(root, "stash", "store", "-m", s.message, s.commit);
        missing++;
      }
    }
    if (added > 0) {
      undone.add("added " + added + " stash " + (added == 1 ? "entry" : "entries"));
    }
    if (missing > 0) {
      putBack.add("took " + missing + " of your stash entries");
    }
  }

  private void restoreConfig(List<String> putBack) throws GitException {
    try {
      byte[] now = Files.isRegularFile(config) ? Files.readAllBytes(config) : null;
      if (configBytes != null && !Arrays.equals(now, configBytes)) {
        Files.write(config, configBytes);
        putBack.add("changed .git/config");
      }
    } catch (IOException e) {
      throw new GitException("cannot put back " + config + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code commit} was made on the snapshot, i.e. in a worktree: the user's own commits never descend from it. */
  private boolean fromWorktree(String commit) throws GitException {
    return Git.tryRun(root, Map.of(), "merge-base", "--is-ancestor", snapshot, commit).ok();
  }

  private static Map<String, String> refs(Path root) throws GitException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Git.run(root, "for-each-ref", "--format=%(refname) %(objectname)").split("\n")) {
      int sp = line.lastIndexOf(' ');
      if (sp > 0 && !line.startsWith("refs/acr/")) {
        out.put(line.substring(0, sp), line.substring(sp + 1));
      }
    }
    return out;
  }

  /** Newest first, as {@code git stash list} shows it. */
  private static List<StashEntry> stash(Path root) throws GitException {
    Git.Result r = Git.tryRun(root, Map.of(), "reflog", "show", "--format=%H%x00%gs", "refs/stash", "--");
    List<StashEntry> out = new ArrayList<>();
    if (!r.ok()) {
      return out; // no stash
    }
    for (String line : r.stdout().split("\n")) {
      int nul = line.indexOf('\0');
      if (nul > 0) {
        out.add(new StashEntry(line.substring(0, nul), line.substring(nul + 1)));
      }
    }
    return out;
  }

  private static String kind(String ref) {
    return ref.startsWith("refs/heads/") ? "branch" : ref.startsWith("refs/tags/") ? "tag" : "ref";
  }

  private static String shortName(String ref) {
    for (String prefix : List.of("refs/heads/", "refs/tags/", "refs/remotes/")) {
      if (ref.startsWith(prefix)) {
        return ref.substring(prefix.length());
      }
    }
    return ref;
  }
}
