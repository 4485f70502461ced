package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Workspaces and monorepos (docs/real-repos.md, 2026-12-06): hashicorp/golang-lru's shape, a Go
 * module with a module of its own in arc/. {@code go test ./...} from the top never builds arc/,
 * so a breaker whose change in arc/ did not even compile was verified and applied to the user's tree.
 */
class WorkspacesIT extends StandInTrials {

  @BeforeEach
  void needsGo(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.GO);
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
}
