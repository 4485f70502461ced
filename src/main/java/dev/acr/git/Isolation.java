package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps attempts away from the user's repository. The user's current state (committed or not) is
 * frozen into a {@link Snapshot} commit without touching their index or files; each attempt runs
 * in its own detached worktree of that commit; what it changed is captured as a patch; only a
 * verified patch is applied to the user's working tree, and only if it applies cleanly. acr never
 * commits to the user's branches, never touches their index and never pushes.
 */
public final class Isolation {

  /** Fixed identity so snapshots work without any user git config (and never use theirs). */
  static final Map<String, String> IDENTITY =
      Map.of(
          "GIT_AUTHOR_NAME", "acr",
          "GIT_AUTHOR_EMAIL", "acr@localhost",
          "GIT_COMMITTER_NAME", "acr",
          "GIT_COMMITTER_EMAIL", "acr@localhost");

  private final Path root;
  private Path commonDir;

  private Isolation(Path root) {
    this.root = root;
  }

  /** Isolation for the repository containing {@code dir}; fails if it is not in a work tree. */
  public static Isolation forRepo(Path dir) throws GitException {
    return new Isolation(
        repoRoot(dir)
            .orElseThrow(() -> new GitException(dir + " is not inside a git working tree")));
  }

  /** The top level of the git work tree containing {@code dir}, empty when there is none. */
  public static Optional<Path> repoRoot(Path dir) throws GitException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Git.Result r = Git.tryRun(dir, Map.of(), "rev-parse", "--show-toplevel");
    String top = r.stdout().strip();
    // Inside .git or a bare repository rev-parse fails or prints nothing: no work tree to use.
    return r.ok() && !top.isEmpty() ? Optional.of(Path.of(top)) : Optional.empty();
  }

  public Path root() {
    return root;
  }

  /** {@link #snapshot(Map, ConfiguredLinks)} with acr's own environment and no configured links. */
  public Snapshot snapshot() throws GitException {
    return snapshot(ConfiguredLinks.NONE);
  }

  /** {@link #snapshot(Map, ConfiguredLinks)} with acr's own environment. */
  public Snapshot snapshot(ConfiguredLinks links) throws GitException {
    return snapshot(System.getenv(), links);
  }

  /** {@link #snapshot(Map, ConfiguredLinks)} with no configured links. */
  public Snapshot snapshot(Map<String, String> env) throws GitException {
    return snapshot(env, ConfiguredLinks.NONE);
  }

  /**
   * Freezes HEAD plus staged, unstaged and untracked-not-ignored files (deletions included) into
   * a commit. Works on a copy of the index so the user's index and files are never written.
   * Dependency folders are left out even when git does not ignore them: hashing a 21,000-file
   * {@code node_modules} per run, and checking it out per attempt, cost seconds; worktrees link
   * them instead, as they link what the project's config names ({@code links}). {@code env} is the
   * environment attempts get (its active virtualenv counts).
   */
  public Snapshot snapshot(Map<String, String> env, ConfiguredLinks links) throws GitException {
    String head = head(root);
    List<String> deps = new ArrayList<>(DependencyDirs.find(root, head));
    links.paths().stream().filter(p -> !deps.contains(p)).forEach(deps::add);
    try (TempIndex index = TempIndex.copyOf(root, head)) {
      Map<String, String> indexEnv = index.env();
      List<String> add = new ArrayList<>(List.of("--work-tree=" + root, "add", "-A", "--", "."));
      add.addAll(DependencyDirs.excludes(root, deps));
      Git.run(root, indexEnv, add.toArray(String[]::new));
      String tree = Git.run(root, indexEnv, "write-tree").strip();
      List<String> args = new ArrayList<>(List.of("commit-tree", "--no-gpg-sign"));
      if (head != null) {
        args.addAll(List.of("-p", head));
      }
      args.addAll(List.of("-m", "acr snapshot", tree));
      String commit = Git.run(root, IDENTITY, args.toArray(String[]::new)).strip();
      return new Snapshot(commit, head, tree, deps, links.paths(), Redirects.find(root, commit, deps, env));
    }
  }

  /**
   * Checks the snapshot out, detached, at {@code where} (which must not exist or be empty) and
   * locks it with acr's pid so {@link #pruneStale} can tell a crashed run's worktree from a live
   * one. The worktree is registered in the user's {@code .git/worktrees}; callers must call
   * {@link #removeWorktree} in a finally.
   */
  public Path createWorktree(Snapshot s, Path where) throws GitException {
    return createWorktree(s, where, StaleWorktrees.lockReason());
  }

  /** {@link #createWorktree(Snapshot, Path)} locked with {@code lockReason}. */
  Path createWorktree(Snapshot s, Path where, String lockReason) throws GitException {
    Path wt = where.toAbsolutePath().normalize();
    try {
      Files.createDirectories(wt.getParent());
    } catch (IOException e) {
      throw new GitException("cannot create " + wt.getParent() + ": " + e.getMessage(), e);
    }
    // No hooks: the user's post-checkout hook is theirs, not something an attempt should
    // trigger. /dev/null/<hook> never exists, so git finds none. Locked as it is created (git
    // >= 2.33), so a crash right after still leaves a worktree that pruneStale recognises.
    Git.run(
        root,
        "-c", "core.hooksPath=/dev/null",
        "worktree", "add", "--detach", "--lock", "--reason", lockReason, wt.toString(), s.commit());
    Submodules.fill(root, wt, s.commit());
    DependencyLinks.link(root, wt, s.dependencies(), s.linked());
    s.redirects().toWorktree(wt);
    return wt;
  }

  /**
   * Puts worktree {@code wt}, one acr made earlier (in this run, or in one that may have crashed
   * half-way), back to what {@link #createWorktree} makes of {@code s}, trusting nothing in it:
   * it must be a linked worktree of this repository, and git is pointed at it and its own git
   * directory explicitly, so nothing outside it is written. Only files that differ from the
   * snapshot are rewritten ({@code checkout -f}); everything else, ignored files, old dependency
   * links and nested repositories included, is removed ({@code clean -ffdx}, which deletes links,
   * never what they point to); submodules, dependency links and redirects are made again.
   */
  void resetWorktree(Snapshot s, Path wt) throws GitException {
    Git.resetCheckout(ownGitDir(wt), wt, s.commit());
    Submodules.fill(root, wt, s.commit());
    DependencyLinks.link(root, wt, s.dependencies(), s.linked());
    s.redirects().toWorktree(wt);
  }

  /**
   * The git directory of {@code wt} when it is a linked worktree of this repository, at exactly
   * that path (not a link to elsewhere); else a {@link GitException} saying what it is instead.
   */
  private String ownGitDir(Path wt) throws GitException {
    try {
      if (!Files.isDirectory(wt, LinkOption.NOFOLLOW_LINKS) || !wt.toRealPath().equals(wt)
          || !Files.isRegularFile(wt.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        throw new GitException(wt + " is not a linked worktree at that path");
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + wt + ": " + e.getMessage(), e);
    }
    List<String> found = Git.run(wt, "rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir",
        "--show-toplevel").lines().toList();
    Path common = commonDir();
    if (found.size() != 3 || !real(found.get(0)).startsWith(common.resolve("worktrees"))
        || !real(found.get(1)).equals(common) || !real(found.get(2)).equals(wt)) {
      throw new GitException(wt + " is not a worktree of " + root + " (git says: " + String.join(", ", found) + ")");
    }
    return found.get(0);
  }

  /** The repository's own git directory (shared by all its worktrees), as a real path; asked once. */
  synchronized Path commonDir() throws GitException {
    if (commonDir == null) {
      commonDir = StaleWorktrees.commonDir(root);
    }
    return commonDir;
  }

  private static Path real(String path) throws GitException {
    try {
      return Path.of(path).toRealPath();
    } catch (IOException e) {
      throw new GitException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The environment for processes run in worktree {@code wt} (the agent and the tests): {@code
   * base} with its search paths and the Python editable installs pointed at the worktree.
   */
  public Map<String, String> environment(Snapshot s, Path wt, Map<String, String> base) {
    Map<String, String> env = s.redirects().environment(wt.toAbsolutePath().normalize(), base);
    // For a test command that tests only what changed (NodeWorkspace): what the attempt changed differs from the
    // snapshot, what the user had not committed from the user's last commit (the worktree's HEAD is the snapshot).
    env.put(SNAPSHOT, s.commit());
    if (s.head() != null) {
      env.put(USER_HEAD, s.head());
    }
    // uv run syncs the project's environment before it runs anything: in a worktree that links the user's .venv, that
    // reinstalls the project into the user's environment from the worktree's path (gone once the attempt is), and may
    // rewrite uv.lock. UV_NO_SYNC=1 runs in the environment as it is; a user's own setting stands.
    if (!base.containsKey("UV_NO_SYNC") && s.dependencies().stream().anyMatch(DependencyDirs::isVenv)) {
      env.put("UV_NO_SYNC", "1");
    }
    return env;
  }

  /** The commit the user's tree was on when the run began, in the environment of what runs in a worktree. */
  public static final String USER_HEAD = "ACR_USER_HEAD";

  /**
   * The commit of the user's tree before the change under test: in a worktree, the run's snapshot; in the
   * recheck, one made of the user's tree just before the patch was applied.
   */
  public static final String SNAPSHOT = "ACR_SNAPSHOT";

  /**
   * Writes the patch of everything the attempt changed in {@code worktree} relative to the
   * snapshot: new, modified, deleted, binary and mode changes; ignored files are left out. The
   * worktree's own index is only copied, so whatever the agent did with it does not matter.
   */
  public Diff capture(Path worktree, Snapshot s, Path patchFile) throws GitException {
    Path patch = patchFile.toAbsolutePath().normalize();
    try {
      Files.createDirectories(patch.getParent());
    } catch (IOException e) {
      throw new GitException("cannot create " + patch.getParent() + ": " + e.getMessage(), e);
    }
    Path wt = worktree.toAbsolutePath().normalize();
    // The files name the user's tree while they are read, and the worktree again afterwards, for the tests.
    s.redirects().toUser(wt);
    try (TempIndex index = TempIndex.copyOf(worktree, s.tree())) {
      Map<String, String> env = index.env();
      List<String> add = new ArrayList<>(List.of("add", "-A", "--", "."));
      add.addAll(DependencyDirs.excludes(wt, s.dependencies()));
      Git.run(worktree, env, add.toArray(String[]::new));
      // Plumbing, not `git diff`: the user's diff.noprefix, color or external diff config would
      // make a patch git apply cannot read.
      String names =
          Git.run(worktree, env, "diff-index", "--cached", "--name-only", "-z", s.tree());
      Git.run(
          worktree, env,
          "diff-index", "--cached", "-p", "--binary", "--no-color", "--no-ext-diff",
          "--output=" + patch, s.tree());
      List<String> files = new ArrayList<>(Arrays.stream(names.split("\0")).filter(n -> !n.isEmpty()).toList());
      files.addAll(Submodules.capture(wt, s.commit(), patch));
      return new Diff(patch, files, files.isEmpty());
    } finally {
      s.redirects().toWorktree(wt);
    }
  }

  /**
   * Applies exactly the attempt's patch to the user's working tree (not the index; no commit).
   * Checks first; git apply is all-or-nothing, so on refusal nothing was modified and the result
   * says where the patch is and how to apply it by hand.
   */
  public ApplyResult applyToUser(Diff d) throws GitException {
    if (d.empty()) {
      return new ApplyResult(true, d.patch(), List.of(), "the attempt changed nothing");
    }
    Map<String, Path> inSubmodules = Submodules.patchesBeside(d.patch());
    if (!inSubmodules.isEmpty()) {
      return new ApplyResult(false, d.patch(), d.changedFiles(), insideSubmodules(d.patch(), inSubmodules), false);
    }
    String patch = d.patch().toString();
    // --whitespace=nowarn: a user's apply.whitespace=error must not reject the agent's code.
    Git.Result check =
        Git.tryRun(root, Map.of(), "apply", "--check", "--binary", "--whitespace=nowarn", patch);
    Git.Result done =
        check.ok()
            ? Git.tryRun(root, Map.of(), "apply", "--binary", "--whitespace=nowarn", patch)
            : check;
    if (done.ok()) {
      return new ApplyResult(
          true, d.patch(), d.changedFiles(), "applied " + d.changedFiles().size() + " file(s)");
    }
    String why = done.stderr().strip();
    return new ApplyResult(
        false,
        d.patch(),
        d.changedFiles(),
        "the change does not apply to your working tree (it changed since acr took its"
            + " snapshot); nothing was modified."
            + (why.isEmpty() ? "" : "\ngit apply said: " + why)
            + "\nThe patch is kept at "
            + patch
            + "\nTo apply it by hand: cd "
            + root
            + " && git apply "
            + patch);
  }

  /**
   * Why a change that reaches into submodules is not applied: the user's submodules are
   * repositories of their own, whose HEAD and uncommitted work acr does not move or mix into
   * (a half-applied change across repositories cannot be put back as one). Says how to take it by hand.
   */
  private String insideSubmodules(Path patch, Map<String, Path> inSubmodules) {
    StringBuilder b = new StringBuilder("the change edits files inside submodule(s) " + String.join(", ", inSubmodules.keySet())
        + ", which acr does not apply to your submodules' checkouts; nothing was modified.\nTo apply it by hand:");
    for (Map.Entry<String, Path> e : inSubmodules.entrySet()) {
      b.append("\n  cd ").append(root.resolve(e.getKey())).append(" && git apply ").append(e.getValue());
    }
    if (patch.toFile().length() > 0) {
      b.append("\n  cd ").append(root).append(" && git apply ").append(patch).append("   (the files outside them)");
    }
    return b.toString();
  }

  /**
   * Unlocks and removes an attempt worktree and prunes its registration. Tolerates one that is
   * already gone; throws only if its directory is still there afterwards.
   */
  public void removeWorktree(Path wt) throws GitException {
    StaleWorktrees.remove(root, wt.toAbsolutePath().normalize());
  }

  /** acr's worktrees left by a killed acr process, without touching them. */
  public static List<String> findStale(Path repoRoot) throws GitException {
    return StaleWorktrees.find(repoRoot);
  }

  /**
   * Removes acr's worktrees of this repository whose recorded process is no longer alive (a
   * crashed or killed run) and returns their paths. Worktrees of live acr runs, and worktrees not
   * locked by acr, are left alone.
   */
  public static List<String> pruneStale(Path repoRoot) throws GitException {
    return StaleWorktrees.prune(repoRoot);
  }

  /** HEAD's commit, or null when the repository has no commits yet. */
  static String head(Path dir) throws GitException {
    Git.Result r = Git.tryRun(dir, Map.of(), "rev-parse", "--verify", "-q", "HEAD^{commit}");
    return r.ok() ? r.stdout().strip() : null;
  }
}
