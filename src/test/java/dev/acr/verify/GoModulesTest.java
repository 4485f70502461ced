package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go modules nested in a module, with and without a go.work (hashicorp/golang-lru's arc/, docs/real-repos.md). */
class GoModulesTest {

  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private VerifyCommand detect(Path start) {
    return VerifyDetector.detect(root, start, null).command();
  }

  @Test
  void aLoneModuleRunsGoTestOverItsPackages() throws IOException {
    write("go.mod", "module example.com/lru\n");
    write("simplelru/lru.go", "package simplelru\n");
    assertThat(detect(root)).isEqualTo(new VerifyCommand("go test ./...", "detected: go.mod"));
  }

  /** go test ./... from the top leaves arc/ out: a change there was verified by tests that never built it. */
  @Test
  void nestedModulesAreTestedInTheirFolders() throws IOException {
    write("go.mod", "module github.com/hashicorp/golang-lru/v2\n");
    write("arc/go.mod", "module github.com/hashicorp/golang-lru/arc/v2\n");
    write("tools/my cmd/go.mod", "module example.com/cmd\n");
    write("testdata/mod/go.mod", "module fixture\n");
    write("vendor/example.com/x/go.mod", "module example.com/x\n");
    write(".hidden/go.mod", "module hidden\n");
    assertThat(detect(root)).isEqualTo(new VerifyCommand(
        "go test ./... && (cd arc && go test ./...) && (cd 'tools/my cmd' && go test ./...)",
        "detected: go.mod, arc/go.mod, tools/my cmd/go.mod"));
    // From the nested module, its own packages only, as before.
    assertThat(detect(root.resolve("arc"))).isEqualTo(new VerifyCommand("go test ./...", "detected: go.mod"));
  }

  /** With a go.work, its modules build against each other from the top: one go test over all of them. */
  @Test
  void aGoWorkTestsEveryModuleItUses() throws IOException {
    write("go.mod", "module github.com/hashicorp/golang-lru/v2\n");
    write("arc/go.mod", "module github.com/hashicorp/golang-lru/arc/v2\n");
    write("other/go.mod", "module example.com/other\n");
    write("go.work", "go 1.19\n\n// what I work on\nuse (\n\t.\n\t./arc // the ARC cache\n\t../outside\n\t./missing\n)\nuse \"./other\"\n");
    write("../outside/go.mod", "module example.com/outside\n");
    assertThat(detect(root)).isEqualTo(new VerifyCommand("go test ./... ./arc/... ./other/...", "detected: go.work"));
    assertThat(PackageFolder.nearest(root, root).marker()).isEqualTo("go.mod");
  }

  /** A repository of modules with only a go.work at the top is a Go project too. */
  @Test
  void aGoWorkAloneAtTheTop() throws IOException {
    write("go.work", "go 1.21\nuse ./a\nuse ./b\n");
    write("a/go.mod", "module example.com/a\n");
    write("b/go.mod", "module example.com/b\n");
    assertThat(PackageFolder.nearest(root, root).marker()).isEqualTo("go.work");
    assertThat(detect(root)).isEqualTo(new VerifyCommand("go test ./a/... ./b/...", "detected: go.work"));
  }
}
