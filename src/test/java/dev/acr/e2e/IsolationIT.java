package dev.acr.e2e;

import static dev.acr.e2e.RepoShapes.agents;
import static dev.acr.e2e.RepoShapes.commitAll;
import static dev.acr.e2e.RepoShapes.statuses;
import static dev.acr.e2e.RepoShapes.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attempt's tests exercise the attempt's files, whatever in the user's tree points back at
 * it: an editable install, workspace links, a Go replace with an absolute path, a submodule, and
 * dependency folders however .gitignore spells them. Runs the packaged launcher with fake agents.
 */
class IsolationIT {
  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fx = new Fixtures(tmp);
  }

  private static String setValue(String file, int v) {
    return "sed -i 's/return .*/return " + v + "/' " + file;
  }

  @Test
  void editableInstallBreakerIsNotVerifiedWhenTheUsersCodePasses() throws Exception {
    String verify = RepoShapes.pythonEditable(fx, 1); // the user's code passes
    agents(fx, Map.of("breaker", setValue("src/mypkg/__init__.py", 2)));
    Fixtures.Run r = fx.acr("--chain", "breaker", "--verify", verify, "refactor mypkg.value");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(statuses(fx)).containsExactly("failed");
    assertThat(fx.read("src/mypkg/__init__.py")).contains("return 1");
    assertThat(r.out()).contains(fx.home + "/worktrees/repo-")
        .contains("/1/src/mypkg/__init__.py").doesNotContain(fx.repo + "/src"); // the attempt's file
  }

  @Test
  void editableInstallFixerIsVerifiedAndApplied() throws Exception {
    String verify = RepoShapes.pythonEditable(fx, 0); // the user's code fails
    agents(fx, Map.of("breaker", setValue("src/mypkg/__init__.py", 2), "fixer", setValue("src/mypkg/__init__.py", 1)));
    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "--verify", verify, "fix mypkg.value");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("failed", "verified");
    assertThat(fx.read("src/mypkg/__init__.py")).contains("return 1");
    assertThat(r.err()).contains("recheck: passed");
    assertThat(fx.git("status", "--porcelain")).doesNotContain(".venv");
  }

  @Test
  void npmProjectWithNodeModulesIgnoredWithoutASlashReachesTheTests() throws Exception {
    write(fx.repo, ".gitignore", "node_modules\n");
    write(fx.repo, "package.json", "{\"name\": \"app\", \"scripts\": {\"test\": \"sh check.sh\"}}\n");
    write(fx.repo, "check.sh", "test -f node_modules/left-pad/index.js && grep -qx fixed value.txt\n");
    commitAll(fx);
    write(fx.repo, "node_modules/left-pad/index.js", "module.exports = 1;\n");
    agents(fx, Map.of("fixer", "echo fixed > value.txt"));
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("verified");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read("node_modules/left-pad/index.js")).isEqualTo("module.exports = 1;\n");
  }

  @Test
  void yarnPlugAndPlayInstallReachesTheTestsAndNoAgentCanCorruptIt() throws Exception {
    // Yarn Berry's recommended .gitignore; a package map naming the project's own code, a zip in
    // .yarn/cache, an unplugged package and one in Yarn's global cache outside the repository.
    write(fx.repo, ".gitignore", ".pnp.*\n.yarn/*\n!.yarn/releases\n");
    write(fx.repo, "package.json", "{\"name\": \"app\", \"packageManager\": \"yarn@4.17.1\", \"scripts\": {\"test\": \"sh check.sh\"}}\n");
    write(fx.repo, "index.js", "module.exports = 1;\n");
    // The project's test: every package in the map must be where the map says, as Yarn's loader needs.
    write(fx.repo, "check.sh", "for loc in $(sed -n 's/.*\"packageLocation\": \"\\([^\"]*\\)\".*/\\1/p' .pnp.cjs); do\n"
        + "  test -f \"${loc}index.js\" || { echo \"$loc is missing: run yarn install\"; exit 1; }\ndone\n"
        + "test -f .pnp.loader.mjs && test -f .yarn/install-state.gz && grep -qx fixed value.txt\n");
    commitAll(fx);
    String map = "const RAW_RUNTIME_STATE =\n'{\\\n"
        + "  \"packageRegistryData\": [\\\n"
        + "    [null, [[null, {\"packageLocation\": \"./\", \"linkType\": \"SOFT\"}]]],\\\n"
        + "    [\"dep\", [[\"npm:1.0.0\", {\"packageLocation\": \"./.yarn/cache/dep-npm-1.0.0-abc.zip/node_modules/dep/\"}]]],\\\n"
        + "    [\"native\", [[\"npm:1.0.0\", {\"packageLocation\": \"./.yarn/unplugged/native-npm-1.0.0-abc/node_modules/native/\"}]]],\\\n"
        + "    [\"glob\", [[\"npm:1.0.0\", {\"packageLocation\": \"../global/cache/glob-npm-1.0.0-abc.zip/node_modules/glob/\"}]]]\\\n"
        + "  ]\\\n}';\n";
    write(fx.repo, ".pnp.cjs", map);
    write(fx.repo, ".pnp.loader.mjs", "// the ESM loader\n");
    write(fx.repo, ".yarn/install-state.gz", "state\n");
    write(fx.repo, ".yarn/cache/dep-npm-1.0.0-abc.zip/node_modules/dep/index.js", "module.exports = 'dep';\n");
    write(fx.repo, ".yarn/unplugged/native-npm-1.0.0-abc/node_modules/native/index.js", "module.exports = 'native';\n");
    write(tmp, "global/cache/glob-npm-1.0.0-abc.zip/node_modules/glob/index.js", "module.exports = 'glob';\n");
    // The breaker tears the install down in its worktree, as a botched yarn install could.
    agents(fx, Map.of("breaker", "rm -rf .yarn .pnp.cjs .pnp.loader.mjs\necho worse > value.txt",
        "fixer", "echo fixed > value.txt"));
    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("failed", "verified");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read(".pnp.cjs")).isEqualTo(map);
    assertThat(fx.read(".pnp.loader.mjs")).isEqualTo("// the ESM loader\n");
    assertThat(fx.read(".yarn/install-state.gz")).isEqualTo("state\n");
    assertThat(fx.read(".yarn/cache/dep-npm-1.0.0-abc.zip/node_modules/dep/index.js")).isEqualTo("module.exports = 'dep';\n");
    assertThat(fx.repo.resolve(".yarn/unplugged/native-npm-1.0.0-abc/node_modules/native/index.js")).exists();
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M value.txt\n");
  }

  @Test
  void nodeModulesNotIgnoredAtAllIsLinkedNotSnapshotted() throws Exception {
    write(fx.repo, "check.sh", "test -f node_modules/left-pad/index.js && grep -qx fixed value.txt\n");
    commitAll(fx);
    for (int i = 0; i < 200; i++) {
      write(fx.repo, "node_modules/pkg" + i + "/index.js", "module.exports = " + i + ";\n");
    }
    write(fx.repo, "node_modules/left-pad/index.js", "module.exports = 1;\n");
    agents(fx, Map.of("fixer", "test -L node_modules\necho fixed > value.txt"));
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("verified");
    String runId = r.out().replaceAll("(?s).*run (\\S+): logs.*", "$1");
    assertThat(Files.readString(fx.home.resolve("runs/" + runId + "/attempt-1/changes.patch")))
        .contains("value.txt").doesNotContain("node_modules");
  }

  @Test
  void workspaceLinksPointAtTheAttemptsPackages() throws Exception {
    // npm workspaces: node_modules/a -> ../packages/a; pnpm also links packages/b/node_modules/a -> ../../a.
    write(fx.repo, ".gitignore", "node_modules\n");
    write(fx.repo, "package.json", "{\"name\": \"mono\", \"workspaces\": [\"packages/*\"]}\n");
    write(fx.repo, "packages/a/package.json", "{\"name\": \"a\"}\n");
    write(fx.repo, "packages/a/value.txt", "broken\n");
    write(fx.repo, "packages/b/package.json", "{\"name\": \"b\", \"dependencies\": {\"a\": \"*\"}}\n");
    write(fx.repo, "check.sh", "grep -qx fixed node_modules/a/value.txt && grep -qx fixed packages/b/node_modules/a/value.txt\n");
    commitAll(fx);
    Files.createDirectories(fx.repo.resolve("node_modules/.bin"));
    Files.createSymbolicLink(fx.repo.resolve("node_modules/a"), Path.of("../packages/a"));
    write(fx.repo, "node_modules/left-pad/index.js", "module.exports = 1;\n");
    Files.createDirectories(fx.repo.resolve("packages/b/node_modules"));
    Files.createSymbolicLink(fx.repo.resolve("packages/b/node_modules/a"), Path.of("../../a"));
    agents(fx, Map.of("breaker", "echo worse > packages/a/value.txt", "fixer", "echo fixed > packages/a/value.txt"));
    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "fix package a");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("failed", "verified");
    assertThat(fx.read("packages/a/value.txt")).isEqualTo("fixed\n");
    assertThat(Files.readSymbolicLink(fx.repo.resolve("node_modules/a"))).isEqualTo(Path.of("../packages/a"));
  }

  @Test
  void goReplaceWithAnAbsolutePathBuildsTheAttemptsModule() throws Exception {
    RepoShapes.require("go", "a Go module with a replace into the repository");
    Path repo = fx.repo;
    write(repo, "go.mod", "module example.com/app\n\ngo 1.18\n\nrequire example.com/lib v0.0.0\n\n"
        + "replace example.com/lib => " + repo.resolve("lib") + "\n");
    write(repo, "app_test.go", "package app\n\nimport (\n\t\"testing\"\n\n\t\"example.com/lib\"\n)\n\n"
        + "func TestValue(t *testing.T) {\n\tif lib.Value() != 1 {\n\t\tt.Fatal(\"want 1\")\n\t}\n}\n");
    write(repo, "lib/go.mod", "module example.com/lib\n\ngo 1.18\n");
    write(repo, "lib/lib.go", "package lib\n\nfunc Value() int {\n\treturn 0\n}\n");
    commitAll(fx);
    fx.extraEnv.putAll(Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off", "GOTOOLCHAIN", "local",
        "GOCACHE", tmp.resolve("gocache").toString(), "GOPATH", tmp.resolve("gopath").toString()));
    agents(fx, Map.of("breaker", setValue("lib/lib.go", 2), "fixer", setValue("lib/lib.go", 1)));
    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "--verify", "go test ./...", "fix lib.Value");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("failed", "verified");
    assertThat(fx.read("lib/lib.go")).contains("return 1");
    // The patch names the user's tree, never the worktree: go.mod is untouched.
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M lib/lib.go\n");
  }

  /** A C project whose test passes when value.h's VALUE equals LIB_VALUE of the submodule deps/lib (1, committed). */
  private void cProjectWithASubmodule() throws Exception {
    RepoShapes.require("cc", "a C project whose header lives in a submodule");
    Path lib = Files.createDirectories(tmp.resolve("libsrc"));
    Map<String, String> git = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@t", "GIT_COMMITTER_NAME", "t",
        "GIT_COMMITTER_EMAIL", "t@t");
    RepoShapes.run(lib, git, "git", "init", "-q");
    write(lib, "include/lib.h", "#define LIB_VALUE 1\n");
    RepoShapes.run(lib, git, "git", "add", "-A");
    RepoShapes.run(lib, git, "git", "commit", "-qm", "lib");
    RepoShapes.run(fx.repo, git, "git", "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(),
        "deps/lib");
    write(fx.repo, ".gitignore", "prog\n");
    write(fx.repo, "value.h", "#define VALUE 0\n");
    write(fx.repo, "main.c", "#include \"deps/lib/include/lib.h\"\n#include \"value.h\"\n"
        + "int main(void) { return VALUE == LIB_VALUE ? 0 : 1; }\n");
    write(fx.repo, "Makefile", "test:\n\tcc -o prog main.c && ./prog\n");
    commitAll(fx);
  }

  @Test
  void submoduleHeaderIsInTheAttemptsWorktree() throws Exception {
    cProjectWithASubmodule();
    agents(fx, Map.of("fixer", "echo '#define VALUE 1' > value.h"));
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "make test", "fix VALUE");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("verified");
    assertThat(fx.read("value.h")).isEqualTo("#define VALUE 1\n");
    assertThat(fx.git("worktree", "list")).doesNotContain("attempt-");
  }

  @Test
  void theUsersUncommittedEditInsideASubmoduleIsWhatTheAttemptTests() throws Exception {
    cProjectWithASubmodule();
    write(fx.repo, "deps/lib/include/lib.h", "#define LIB_VALUE 2\n"); // uncommitted, in the submodule
    // wrong: right for the committed header only; right: right for the user's header as it is.
    agents(fx, Map.of("wrong", "echo '#define VALUE 1' > value.h", "right", "echo '#define VALUE 2' > value.h"));
    Fixtures.Run r = fx.acr("--chain", "wrong,right", "--verify", "make test", "fix VALUE");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("failed", "verified");
    assertThat(fx.read("value.h")).isEqualTo("#define VALUE 2\n");
    assertThat(fx.read("deps/lib/include/lib.h")).isEqualTo("#define LIB_VALUE 2\n");
    assertThat(r.err()).contains("recheck: passed");
  }

  @Test
  void aVerifiedChangeInsideASubmoduleIsRefusedClearlyAndTheTreeIsUntouched() throws Exception {
    cProjectWithASubmodule();
    agents(fx, Map.of("libfix", "echo '#define LIB_VALUE 0' > deps/lib/include/lib.h"));
    Fixtures.Run r = fx.acr("--chain", "libfix", "--verify", "make test", "fix VALUE");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(statuses(fx)).containsExactly("verified");
    assertThat(r.out() + r.err()).contains("inside submodule(s) deps/lib").contains("git apply");
    assertThat(fx.read("deps/lib/include/lib.h")).isEqualTo("#define LIB_VALUE 1\n");
    assertThat(fx.git("status", "--porcelain")).isEmpty();
    assertThat(r.out()).doesNotContain("once your working tree allows it");
    assertThat(fx.acr("runs").out()).contains("not applied");
    Fixtures.Run later = fx.acr("apply", "last");
    assertThat(later.exit()).as(later.out() + later.err()).isEqualTo(1);
    assertThat(later.err()).contains("inside submodule(s) deps/lib");
    assertThat(fx.git("status", "--porcelain")).isEmpty();
  }
}
