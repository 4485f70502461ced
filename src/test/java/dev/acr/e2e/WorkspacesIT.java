package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Workspaces and monorepos (docs/real-repos.md, 2026-12-06): hashicorp/golang-lru's shape, a Go
 * module with a module of its own in arc/. {@code go test ./...} from the top never builds arc/,
 * so a breaker whose change in arc/ did not even compile was verified and applied to the user's tree. And an npm
 * workspace package whose sibling's build, ignored by git, was missing from the attempt's worktree.
 */
class WorkspacesIT extends StandInTrials {

  @BeforeEach
  void needsTheirToolchain(TestInfo test) {
    Toolchains.require(test.getDisplayName(), test.getDisplayName().contains("Npm") ? Toolchains.NODE : Toolchains.GO);
  }

  private void goModuleWithANestedOne() throws Exception {
    write("go.mod", "module example.com/lru\n\ngo 1.18\n");
    write("lru.go", "package lru\n\nfunc Len(xs []int) int { return len(xs) }\n");
    write("lru_test.go", "package lru\n\nimport \"testing\"\n\nfunc TestLen(t *testing.T) {\n"
        + "\tif Len([]int{1, 2}) != 2 {\n\t\tt.Fatal(\"Len\")\n\t}\n}\n");
    write("arc/go.mod", "module example.com/lru/arc\n\ngo 1.18\n");
    write("arc/arc.go", "package arc\n\nfunc Larger(a, b int) int {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n");
    write("arc/arc_test.go", "package arc\n\nimport \"testing\"\n\nfunc TestLarger(t *testing.T) {\n"
        + "\tif Larger(3, 2) != 3 {\n\t\tt.Fatal(\"Larger(3, 2) is not 3\")\n\t}\n}\n");
  }

  /** With a go.work: one go test over every module it uses, from the top. */
  @Test
  void aNestedGoModuleUsedByAGoWorkIsTestedFromTheTop() throws Exception {
    goModuleWithANestedOne();
    write("go.work", "go 1.18\n\nuse (\n\t.\n\t./arc\n)\n");
    commitThenBreak("arc/arc.go", "a > b", "a < b", "a <> b");
    breakerThenFixerVerifies("go", "go test \\./\\.\\.\\. \\./arc/\\.\\.\\.\\s+\\(detected: go\\.work\\)", "arc/arc.go", "if a > b {");
  }

  /** Without one: each nested module in its own folder, after the top's. */
  @Test
  void aNestedGoModuleWithoutAGoWorkIsTestedInItsFolder() throws Exception {
    goModuleWithANestedOne();
    commitThenBreak("arc/arc.go", "a > b", "a < b", "a <> b");
    breakerThenFixerVerifies("go", "go test \\./\\.\\.\\. && \\(cd arc && go test \\./\\.\\.\\.\\)\\s+\\(detected: go\\.mod, arc/go\\.mod\\)",
        "arc/arc.go", "if a > b {");
  }

  /**
   * An npm workspace whose packages/a tests require b, whose main is its ignored dist/ (built by the user): the
   * worktree gets a copy of it, so the baseline runs (it stopped with "Cannot find module …/node_modules/b/dist/index.js").
   */
  @Test
  void anNpmWorkspacePackageWhoseSiblingIsBuiltIntoAnIgnoredDist() throws Exception {
    write(".gitignore", "node_modules\ndist\n");
    write("package.json", "{\"name\": \"ws\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n");
    write("packages/b/package.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"main\": \"dist/index.js\"}\n");
    write("packages/b/src/index.js", "exports.twice = (x) => 2 * x;\n");
    write("packages/b/dist/index.js", "exports.twice = (x) => 2 * x;\n");
    write("packages/a/package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"dependencies\": {\"b\": \"1.0.0\"},"
        + " \"scripts\": {\"test\": \"node --test\"}}\n");
    write("packages/a/index.js", "const { twice } = require('b');\nexports.quad = (x) => twice(twice(x));\n");
    write("packages/a/index.test.js", "const test = require('node:test');\nconst assert = require('node:assert');\n"
        + "test('quad', () => assert.strictEqual(require('./index.js').quad(2), 8));\n");
    // What npm install writes for a workspace: a link to the package's folder.
    Files.createDirectories(fx.repo.resolve("node_modules"));
    Files.createSymbolicLink(fx.repo.resolve("node_modules/b"), Path.of("../packages/b"));
    commitThenBreak("packages/a/index.js", "twice(twice(x))", "twice(x)", "twice(x) + 1");
    fx.cwd = fx.repo.resolve("packages/a");
    agents("index.js", "twice(x)", "twice(twice(x))", "twice(x) + 1"); // they run in the package's folder
    breakerThenFixerVerifies("javascript", "npm test\\s+\\(detected: package\\.json\\)", "packages/a/index.js", "twice(twice(x))");
  }

  /**
   * zkochan/packages' shape with npm: a workspace root without a test script, packages/a whose tests require b,
   * and packages/c whose tests fail on their own (p-map-values needs Node 22 there). From the top, the user's bug
   * in b runs b's tests and a's, never c's: the breaker's change to b fails a's test, the fixer's is verified.
   */
  @Test
  void anNpmWorkspaceRootWithoutATestScriptTestsWhatChanged() throws Exception {
    write(".gitignore", "node_modules\n");
    write("package.json", "{\"name\": \"ws\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n");
    write("package-lock.json", "{\"name\": \"ws\", \"lockfileVersion\": 3, \"requires\": true, \"packages\": {}}\n");
    write("packages/b/package.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"node --test\"}}\n");
    write("packages/b/index.js", "exports.twice = (x) => 2 * x;\n");
    write("packages/b/index.test.js", "const test = require('node:test');\nconst assert = require('node:assert');\n"
        + "test('twice', () => assert.strictEqual(typeof require('./index.js').twice(1), 'number'));\n");
    write("packages/a/package.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"dependencies\": {\"b\": \"1.0.0\"},"
        + " \"scripts\": {\"test\": \"node --test\"}}\n");
    write("packages/a/index.js", "const { twice } = require('b');\nexports.quad = (x) => twice(twice(x));\n");
    write("packages/a/index.test.js", "const test = require('node:test');\nconst assert = require('node:assert');\n"
        + "test('quad', () => assert.strictEqual(require('./index.js').quad(2), 8));\n");
    write("packages/c/package.json", "{\"name\": \"c\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"node --test\"}}\n");
    write("packages/c/index.test.js", "const test = require('node:test');\nconst assert = require('node:assert');\n"
        + "test('needs a newer node', () => assert.fail('needs Node 99'));\n");
    Files.createDirectories(fx.repo.resolve("node_modules"));
    Files.createSymbolicLink(fx.repo.resolve("node_modules/b"), Path.of("../packages/b"));
    commitThenBreak("packages/b/index.js", "2 * x", "2 + x", "3 * x");
    breakerThenFixerVerifies("javascript", ".*\\(cd \"\\$d\" && npm test\\).*\\s+\\(detected: package\\.json \\(a workspace without a test"
        + " script: `npm test` in each of its 3 packages with one that the attempt changed or that depends on one it changed;.*\\)\\)",
        "packages/b/index.js", "2 * x");
    verifyLogSays("baseline", "acr: npm test in packages/a", "acr: npm test in packages/b", "not ok 1 - quad");
    try (var logs = Files.walk(fx.home)) {
      for (Path log : logs.filter(p -> p.toString().endsWith("verify.log") || p.toString().endsWith("recheck.log")).toList()) {
        assertThat(log).as("c's tests never ran").content().doesNotContain("packages/c");
      }
    }
  }
}
