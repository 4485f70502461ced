package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.git.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JavaScript workspace's root without a test script of its own (zkochan/packages, docs/real-repos-2026-12-06.md): the
 * test script of each member that differs from the user's last commit or from the snapshot, and of the members that
 * depend on one that does; every member when a file outside them changed, or in a baseline that finds none changed.
 */
class NodeWorkspaceTest {

  @TempDir Path root;

  private void write(String rel, String content) {
    GitFixture.write(root, rel, content);
  }

  private VerifyCommand detect(String from) {
    return VerifyDetector.detect(root, root.resolve(from), null).command();
  }

  /** Three members: a (tested, depends on b), b (tested), c (tested, fails), d (no test script, depended on by c). */
  private void pnpmWorkspace() throws IOException {
    write("package.json", "{\"private\": true, \"packageManager\": \"pnpm@10.33.0\"}");
    write("pnpm-workspace.yaml", "packages:\n  - '**'\n  - '!**/test/**'\nonlyBuiltDependencies:\n  - esbuild\n");
    write("a/package.json", "{\"name\": \"is-subdir\", \"scripts\": {\"test\": \"node --test\"},"
        + " \"dependencies\": {\"better-path-resolve\": \"workspace:^\"}}");
    write("b/package.json", "{\"name\": \"better-path-resolve\", \"scripts\": {\"test\": \"node --test\"}}");
    write("c/package.json", "{\"name\": \"p-map-values\", \"scripts\": {\"test\": \"node --test\"},"
        + " \"devDependencies\": {\"d\": \"workspace:*\"}}");
    write("d/package.json", "{\"name\": \"d\"}");
    write("a/test/fixture/package.json", "{\"name\": \"fixture\", \"scripts\": {\"test\": \"exit 1\"}}");
  }

  @Test
  void aWorkspaceRootWithoutATestScriptTestsItsMembers() throws IOException {
    pnpmWorkspace();
    VerifyCommand top = detect(".");
    assertThat(top.source()).isEqualTo("detected: pnpm-workspace.yaml (a workspace without a test script: `pnpm test` in each"
        + " of its 3 packages with one that the attempt changed or that depends on one it changed; every one when it changed"
        + " a file outside them)");
    assertThat(top.command()).contains("l() { r a b; r b; r c d; }", "(cd \"$d\" && pnpm test)", "':!d'", "':!*.md'")
        .doesNotContain("fixture");
    assertThat(detect("d")).as("a member without a test script: the workspace's, from the top").isEqualTo(top);
    write("package.json", "{\"private\": true, \"packageManager\": \"pnpm@10.33.0\", \"scripts\": {\"test\": \"pnpm -r test\"}}");
    assertThat(detect(".")).as("the root's own test script").isEqualTo(new VerifyCommand("pnpm test", "detected: package.json"));
  }

  @Test
  void npmAndYarnWorkspacesUseTheirManager() throws IOException {
    write("package.json", "{\"private\": true, \"workspaces\": [\"packages/*\"]}");
    write("packages/x/package.json", "{\"name\": \"x\", \"scripts\": {\"test\": \"node --test\"}}");
    write("package-lock.json", "{}");
    assertThat(detect(".").command()).contains("(cd \"$d\" && npm test)");
    Files.delete(root.resolve("package-lock.json"));
    write("yarn.lock", "");
    assertThat(detect(".").command()).contains("(cd \"$d\" && yarn test)");
  }

  @Test
  void noMemberWithTestsOrAnUnusualFolderNameIsNoCommand() throws IOException {
    write("package.json", "{\"private\": true, \"workspaces\": [\"packages/*\"]}");
    write("packages/x/package.json", "{\"name\": \"x\"}");
    assertThat(detect(".")).isNull();
    write("packages/y z/package.json", "{\"name\": \"y\", \"scripts\": {\"test\": \"node --test\"}}");
    assertThat(detect(".")).as("a folder name the command would have to quote").isNull();
  }

  /** The command run by sh with a pnpm that notes where it ran (and fails in c, as p-map-values does on Node 20). */
  @Test
  void itRunsWhatChangedAndWhatDependsOnIt() throws Exception {
    pnpmWorkspace();
    write("tsconfig.json", "{}\n");
    write("README.md", "# packages\n");
    write("bin/pnpm", "#!/bin/sh\nbasename \"$(pwd)\" >> \"$RAN\"\n[ \"$(basename \"$(pwd)\")\" != c ]\n");
    root.resolve("bin/pnpm").toFile().setExecutable(true);
    write(".gitignore", "bin/\nran\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "i");
    String cmd = detect(".").command();

    assertThat(run(cmd, Map.of())).as("nothing changed").containsExactly("exit 0", NodeWorkspace.NONE_CHANGED);
    assertThat(NoTests.in(List.of(NodeWorkspace.NONE_CHANGED))).as("which is no test run").isPresent();
    assertThat(run(cmd, Map.of("ACR_BASELINE", "1"))).as("a baseline with nothing changed: every member, past c's failure")
        .containsExactly("exit 1", "a", "b", "c");

    write("b/index.js", "module.exports = 1\n");
    assertThat(run(cmd, Map.of())).as("b new, and a depends on it").containsExactly("exit 0", "a", "b");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "b");
    String snapshot = git("rev-parse", "HEAD").strip();
    write("b/index.js", "module.exports = 2\n");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "the user's bug, as acr's snapshot");
    write("b/index.js", "module.exports = 1\n");
    assertThat(run(cmd, Map.of("ACR_SNAPSHOT", git("rev-parse", "HEAD").strip(), "ACR_USER_HEAD", snapshot)))
        .as("a fix that restores the user's last commit still differs from the snapshot").containsExactly("exit 0", "a", "b");
    git("checkout", "-q", "b/index.js");

    write("d/index.js", "module.exports = 'd'\n");
    assertThat(run(cmd, Map.of())).as("d has no tests; c depends on it").containsExactly("exit 1", "c");
    git("checkout", "-q", "d");
    Files.delete(root.resolve("d/index.js"));

    write("README.md", "# packages, edited\n");
    write("notes.txt", "mine\n");
    assertThat(run(cmd, Map.of())).as("Markdown and a new file outside the members").containsExactly("exit 0", NodeWorkspace.NONE_CHANGED);
    write("tsconfig.json", "{\"strict\": true}\n");
    assertThat(run(cmd, Map.of())).as("a shared config").containsExactly("exit 1", "a", "b", "c");
  }

  /** The command's exit status, then the members it ran pnpm in, or its own line when it ran none. */
  private List<String> run(String cmd, Map<String, String> env) throws Exception {
    Path ran = root.resolve("ran");
    Files.deleteIfExists(ran);
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", cmd).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ACR_"));
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("RAN", ran.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    List<String> result = new ArrayList<>(List.of("exit " + p.waitFor()));
    if (Files.exists(ran)) {
      result.addAll(Files.readAllLines(ran));
    }
    out.lines().filter(l -> l.equals(NodeWorkspace.NONE_CHANGED)).forEach(result::add);
    return result;
  }

  private String git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
