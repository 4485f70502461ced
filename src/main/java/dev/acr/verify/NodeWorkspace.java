package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The test command of a JavaScript workspace's root that has no test script of its own
 * (zkochan/packages: a pnpm workspace of 32 packages, each with {@code node --test}): the test script
 * of each member the attempt changed, and of each member that depends on one it changed, as a
 * reviewer of the change would run them. Not every member's: one that fails on its own (there,
 * p-map-values needs Node 22) would fail every attempt, whatever it changed. "Changed" is the
 * worktree against the user's last commit, so the user's own uncommitted bug is in it. A file of
 * that commit changed outside every member (a shared config, the lockfile; Markdown aside; a file
 * added there is not counted, so the user's untracked notes do not run every member) runs every
 * member, as does a baseline that finds no member changed (the user's bug committed): a breaker is
 * then still tested where it broke something.
 */
final class NodeWorkspace {

  /** How deep members are looked for: {@code packages/*} is two down, a scoped {@code packages/@x/*} three. */
  private static final int MAX_DEPTH = 4;

  /** Folder names a member's path may use unquoted in the command; a workspace with others is left undetected. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@+/-]+");

  /** Above this the command would near the kernel's limit on one argument (128 KiB): no command, as before. */
  private static final int MAX_COMMAND = 100_000;

  /** The line the command prints when no member was selected; {@link NoTests} reads it as no test run. */
  static final String NONE_CHANGED = "acr: no workspace package with a test script differs from the last commit";

  /**
   * {@code g OPTION PATH...}: whether the paths differ from a commit the change under test is measured
   * against: {@code ACR_SNAPSHOT}, the user's tree before the change (what an attempt changed, or in the
   * recheck what was applied: a fix that restores the committed file differs from nothing else), and
   * the user's last commit (their own uncommitted bug): {@code ACR_USER_HEAD} in an attempt's worktree,
   * whose HEAD is the snapshot, HEAD in the user's tree. Both are set by {@code dev.acr.git.Isolation}
   * and {@code dev.acr.live.Delivery}; a git that fails counts as a change. {@code c PATH...}: {@code g},
   * or a file git does not ignore added there.
   */
  private static final String CHANGED = "r0=\"${ACR_SNAPSHOT:-} ${ACR_USER_HEAD:-HEAD}\"; "
      + "g() { o=$1; shift; for b in $r0; do git diff --quiet $o \"$b\" -- \"$@\" || return 0; done; return 1; }; "
      + "c() { g --no-ext-diff \"$@\" || [ -n \"$(git ls-files -o --exclude-standard --exclude=node_modules -- \"$@\")\" ]; }; ";

  private NodeWorkspace() {}

  /** A member: its folder relative to the root, its package name, what it depends on, whether it has a test script. */
  private record Member(String dir, String name, Set<String> dependencies, boolean tested) {}

  /** The command for {@code root} when it declares a workspace and has no test script; {@code top} is the repository's. */
  static Optional<VerifyCommand> detect(Path root, Path top) {
    JsonNode json = NodeManifest.read(root);
    List<String> patterns = NodeManifest.workspacePatterns(root, json);
    if (patterns.isEmpty() || NodeManifest.testCommand(root, top).isPresent()) {
      return Optional.empty();
    }
    List<Member> members = members(root, patterns, top);
    if (members.stream().noneMatch(Member::tested) || members.stream().anyMatch(m -> !PLAIN.matcher(m.dir()).matches())) {
      return Optional.empty();
    }
    String manager = NodeManifest.manager(root, json);
    String test = manager == null ? "npm test" : manager;
    String command = command(members, test);
    if (command.length() > MAX_COMMAND) {
      return Optional.empty();
    }
    long tested = members.stream().filter(Member::tested).count();
    String file = Files.isRegularFile(root.resolve("pnpm-workspace.yaml")) ? "pnpm-workspace.yaml" : "package.json";
    return Optional.of(new VerifyCommand(command, "detected: " + file + " (a workspace without a test script: `" + test
        + "` in each of its " + tested + " packages with one that the attempt changed or that depends on one it changed;"
        + " every one when it changed a file outside them)"));
  }

  /**
   * The shell command: {@code c} tells a change, {@code r} selects a member when it or a member it
   * depends on changed (or when {@code a}, every one, is set), {@code l} lists the members with tests
   * and the folders each depends on; each selected member's test runs in its folder, all of them
   * (not stopping at the first failure, so the baseline names every failing test), and the command
   * fails when one did.
   */
  static String command(List<Member> members, String test) {
    Map<String, Member> byName = new TreeMap<>();
    members.forEach(m -> byName.putIfAbsent(m.name(), m));
    StringBuilder list = new StringBuilder();
    for (Member m : members) {
      if (m.tested()) {
        list.append(" r");
        closure(m, byName).forEach(d -> list.append(' ').append(d));
        list.append(';');
      }
    }
    StringBuilder outside = new StringBuilder(" .");
    members.forEach(m -> outside.append(" ':!").append(m.dir()).append('\''));
    outside.append(" ':!*.md'");
    return CHANGED
        + "a=; g --diff-filter=a" + outside + " && a=1; "
        + "p=; r() { if [ -n \"$a\" ] || c \"$@\"; then p=\"$p $1\"; fi; }; "
        + "l() {" + list + " }; "
        + "l; if [ -z \"$p\" ] && [ -n \"$ACR_BASELINE\" ]; then a=1; l; fi; "
        + "s=0; for d in $p; do echo \"acr: " + test + " in $d\"; (cd \"$d\" && " + test + ") || s=1; done; "
        + "[ -n \"$p\" ] || echo '" + NONE_CHANGED + "'; [ \"$s\" = 0 ]";
  }

  /** {@code m}'s folder, then the folders of the members it depends on, directly or through others. */
  private static Set<String> closure(Member m, Map<String, Member> byName) {
    Set<String> dirs = new LinkedHashSet<>();
    Deque<Member> todo = new ArrayDeque<>(List.of(m));
    while (!todo.isEmpty()) {
      Member next = todo.pop();
      if (dirs.add(next.dir())) {
        next.dependencies().stream().map(byName::get).filter(d -> d != null).forEach(todo::add);
      }
    }
    return dirs;
  }

  /** The members: folders below {@code root} (not in node_modules nor hidden) with a package.json that a pattern selects. */
  private static List<Member> members(Path root, List<String> patterns, Path top) {
    List<Member> found = new ArrayList<>();
    for (Path rel : Subfolders.holding(root, "package.json", MAX_DEPTH + 1, n -> n.startsWith(".") || n.equals("node_modules"))) {
      JsonNode json = NodeManifest.read(root.resolve(rel));
      if (json != null && NodeManifest.member(patterns, rel)) {
        found.add(new Member(rel.toString(), json.path("name").asText(rel.toString()),
            NodeManifest.dependencyNames(json), NodeManifest.testCommand(root.resolve(rel), top).isPresent()));
      }
    }
    return found;
  }
}
