package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspaces and monorepos (docs/real-repos.md, 2026-12-06): a workspace package's test command run by the
 * workspace's package manager; Go modules nested in a module, with and without a go.work (hashicorp/golang-lru's arc/).
 */
class WorkspacesTest {

  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private VerifyCommand detect(String from) {
    return VerifyDetector.detect(root, root.resolve(from), null).command();
  }

  /** zkochan/packages: pnpm-lock.yaml and pnpm-workspace.yaml at the top, is-subdir/ with a test script of its own. */
  @Test
  void aPnpmWorkspacePackageRunsPnpm() throws IOException {
    write("package.json", "{\"private\": true, \"packageManager\": \"pnpm@10.33.0\"}");
    write("pnpm-workspace.yaml", "packages:\n  - '**'\n");
    write("is-subdir/package.json", "{\"name\": \"is-subdir\", \"scripts\": {\"test\": \"node --test test.js\"}}");
    assertThat(detect("is-subdir")).isEqualTo(new VerifyCommand("pnpm test", "detected: package.json"));
    Files.delete(root.resolve("pnpm-workspace.yaml"));
    assertThat(detect("is-subdir")).as("packageManager alone").isEqualTo(new VerifyCommand("pnpm test", "detected: package.json"));
  }

  @Test
  void aYarnOrBunWorkspacePackageRunsItsManager() throws IOException {
    write("package.json", "{\"workspaces\": [\"packages/*\"]}");
    write("packages/a/package.json", "{\"scripts\": {\"test\": \"jest\"}}");
    write("yarn.lock", "");
    assertThat(detect("packages/a").command()).isEqualTo("yarn test");
    Files.delete(root.resolve("yarn.lock"));
    write("bun.lock", "");
    assertThat(detect("packages/a").command()).isEqualTo("bun run test");
  }

  /** The nearest folder that names a manager decides: a package with its own package-lock.json is npm's. */
  @Test
  void theNearestManagerDecides() throws IOException {
    write("package.json", "{\"workspaces\": [\"packages/*\"]}");
    write("pnpm-lock.yaml", "");
    write("packages/a/package.json", "{\"scripts\": {\"test\": \"jest\"}}");
    write("packages/a/package-lock.json", "{}");
    assertThat(detect("packages/a").command()).isEqualTo("npm test");
    // Nothing named anywhere: npm, as before.
    Files.delete(root.resolve("pnpm-lock.yaml"));
    Files.delete(root.resolve("packages/a/package-lock.json"));
    assertThat(detect("packages/a").command()).isEqualTo("npm test");
  }

  /**
   * A project nested in a workspace's repository but not a member (a docs site): not the top's
   * manager (yarn test stopped a run where yarn was not installed; npm test had run its tests).
   */
  @Test
  void aNestedProjectThatIsNoMemberKeepsNpm() throws IOException {
    write("package.json", "{\"private\": true, \"workspaces\": {\"packages\": [\"./packages/*\", \"!packages/old\"]}}");
    write("yarn.lock", "");
    write("packages/a/package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
    write("packages/old/package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
    write("docs/package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
    write("packages/a/examples/site/package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
    assertThat(detect("packages/a").command()).isEqualTo("yarn test");
    assertThat(detect("docs").command()).isEqualTo("npm test");
    assertThat(detect("packages/old").command()).as("negated").isEqualTo("npm test");
    assertThat(detect("packages/a/examples/site").command()).as("under a member, not one").isEqualTo("npm test");
    // pnpm-workspace.yaml's packages, not the lists after them; lerna.json's.
    Files.delete(root.resolve("yarn.lock"));
    write("package.json", "{\"private\": true}");
    write("pnpm-lock.yaml", "");
    write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n  - \"tools/**\"\nonlyBuiltDependencies:\n  - docs\n");
    write("tools/x/y/package.json", "{\"scripts\": {\"test\": \"node --test\"}}");
    assertThat(detect("packages/a").command()).isEqualTo("pnpm test");
    assertThat(detect("tools/x/y").command()).isEqualTo("pnpm test");
    assertThat(detect("docs").command()).isEqualTo("npm test");
    Files.delete(root.resolve("pnpm-workspace.yaml"));
    Files.delete(root.resolve("pnpm-lock.yaml"));
    write("yarn.lock", "");
    write("lerna.json", "{\"packages\": [\"docs\"]}");
    assertThat(detect("docs").command()).isEqualTo("yarn test");
  }

  @Test
  void aLoneModuleRunsGoTestOverItsPackages() throws IOException {
    write("go.mod", "module example.com/lru\n");
    write("simplelru/lru.go", "package simplelru\n");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("go test ./...", "detected: go.mod"));
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
    assertThat(detect(".")).isEqualTo(new VerifyCommand(
        "go test ./... && (cd arc && go test ./...) && (cd 'tools/my cmd' && go test ./...)",
        "detected: go.mod, arc/go.mod, tools/my cmd/go.mod"));
    // From the nested module, its own packages only, as before.
    assertThat(detect("arc")).isEqualTo(new VerifyCommand("go test ./...", "detected: go.mod"));
  }

  /**
   * cespare/xxhash: xxhashbench/ benchmarks against two other hashes the user never downloaded; the
   * right fix of a bug in the main module failed on that download. Tested only when changed until
   * its modules are in the cache; a module needing only the repository (a replace by a folder) or vendored is always.
   */
  @Test
  void aNestedModuleNeedingDownloadsIsTestedWhenChanged() throws IOException {
    write("go.mod", "module github.com/cespare/xxhash/v2\n\ngo 1.11\n");
    write("xxhashbench/go.mod", "module github.com/cespare/xxhash/xxhashbench\n\ngo 1.13\n\nrequire (\n"
        + "\tgithub.com/OneOfOne/xxhash v1.2.5\n\tgithub.com/cespare/xxhash/v2 v2.0.0-00010101000000-000000000000\n"
        + "\tgithub.com/spaolacci/murmur3 v1.1.0 // indirect\n)\n\nreplace github.com/cespare/xxhash/v2 => ../\n");
    write("sibling/go.mod", "module example.com/sibling\n\nrequire github.com/cespare/xxhash/v2 v2.1.0\nreplace github.com/cespare/xxhash/v2 v2.1.0 => ../\nretract v0.1.0\n");
    Path cache = root.resolve("cache");
    assertThat(GoModules.nested(root)).containsExactly("sibling", "xxhashbench");
    assertThat(GoModules.downloaded(root.resolve("xxhashbench"), cache)).isFalse();
    assertThat(GoModules.downloaded(root.resolve("sibling"), cache)).isTrue();
    write("cache/cache/download/github.com/!one!of!one/xxhash/@v/v1.2.5.mod", "module github.com/OneOfOne/xxhash\n");
    assertThat(GoModules.downloaded(root.resolve("xxhashbench"), cache)).as("murmur3 still missing").isFalse();
    write("cache/cache/download/github.com/spaolacci/murmur3/@v/v1.1.0.mod", "module github.com/spaolacci/murmur3\n");
    assertThat(GoModules.downloaded(root.resolve("xxhashbench"), cache)).isTrue();
    Files.delete(root.resolve("cache/cache/download/github.com/spaolacci/murmur3/@v/v1.1.0.mod"));
    assertThat(GoModules.detect(root).orElseThrow()).as("the real cache holds neither").isEqualTo(new VerifyCommand(
        "go test ./... && (cd sibling && go test ./...) && (cd xxhashbench && { [ -z \"$ACR_BASELINE\" ] && git diff --quiet HEAD -- . &&"
            + " [ -z \"$(git ls-files -o --exclude-standard -- .)\" ] || go test ./...; })",
        "detected: go.mod, sibling/go.mod, xxhashbench/go.mod (after the baseline, only when changed: its requirements are not downloaded)"));
    write("xxhashbench/vendor/modules.txt", "# github.com/spaolacci/murmur3 v1.1.0\n");
    assertThat(GoModules.downloaded(root.resolve("xxhashbench"), cache)).as("vendored").isTrue();
  }

  /** That command, run by sh with a go that notes where it ran: the nested module in the baseline, or once changed. */
  @Test
  void aNestedModuleNeedingDownloadsRunsInTheBaselineOrOnceChanged() throws Exception {
    write("go.mod", "module example.com/lib\n");
    write("bench/go.mod", "module example.com/bench\n\nrequire example.com/never/downloaded v1.0.0\n");
    write("bench/bench_test.go", "package bench\n");
    write("bin/go", "#!/bin/sh\npwd >> \"$RAN\"\n");
    root.resolve("bin/go").toFile().setExecutable(true);
    write(".gitignore", "bin/\nran\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "i");
    String cmd = GoModules.detect(root).orElseThrow().command();
    assertThat(ranIn(cmd, false)).as("an attempt that left bench/ alone").containsExactly(root.toRealPath().toString());
    assertThat(ranIn(cmd, true)).as("the baseline").hasSize(2);
    write("bench/bench_test.go", "package bench\n// changed\n");
    assertThat(ranIn(cmd, false)).as("changed").hasSize(2);
    git("checkout", "-q", "bench/bench_test.go");
    write("bench/new_test.go", "package bench\n");
    assertThat(ranIn(cmd, false)).as("a new file").hasSize(2);
  }

  private java.util.List<String> ranIn(String cmd, boolean baseline) throws Exception {
    Path ran = root.resolve("ran");
    Files.deleteIfExists(ran);
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", cmd).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("RAN", ran.toString());
    pb.environment().remove("ACR_BASELINE");
    if (baseline) {
      pb.environment().put("ACR_BASELINE", "1");
    }
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    return Files.readAllLines(ran);
  }

  private void git(String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", root.toString()));
    cmd.addAll(java.util.List.of(args));
    assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
  }

  /** With a go.work, its modules build against each other from the top: one go test over all of them. */
  @Test
  void aGoWorkTestsEveryModuleItUses() throws IOException {
    write("go.mod", "module github.com/hashicorp/golang-lru/v2\n");
    write("arc/go.mod", "module github.com/hashicorp/golang-lru/arc/v2\n");
    write("other/go.mod", "module example.com/other\n");
    write("go.work", "go 1.19\n\n// what I work on\nuse (\n\t.\n\t./arc // the ARC cache\n\t../outside\n\t./missing\n)\nuse \"./other\"\n");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("go test ./... ./arc/... ./other/...", "detected: go.work"));
    assertThat(PackageFolder.nearest(root, root).marker()).isEqualTo("go.mod");
  }

  /** A repository of modules with only a go.work at the top is a Go project too. */
  @Test
  void aGoWorkAloneAtTheTop() throws IOException {
    write("go.work", "go 1.21\nuse ./a\nuse ./b\n");
    write("a/go.mod", "module example.com/a\n");
    write("b/go.mod", "module example.com/b\n");
    assertThat(PackageFolder.nearest(root, root).marker()).isEqualTo("go.work");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("go test ./a/... ./b/...", "detected: go.work"));
    // Paths with spaces are quoted, as 0x6d6e647a/learning_go_book's chapters are: split at the spaces, none was found.
    write("Ch 01 - Setup/go.mod", "module hello\n");
    write("Ch 15 - Tests/web/go.mod", "module web\n");
    write("go.work", "go 1.21\n\nuse (\n\t\"./Ch 01 - Setup\"\n\t`./Ch 15 - Tests/web`\n)\nuse \"./a\"\n");
    assertThat(detect(".")).isEqualTo(
        new VerifyCommand("go test './Ch 01 - Setup/...' './Ch 15 - Tests/web/...' ./a/...", "detected: go.work"));
  }

  /** victools/jsonschema-generator: modules listed in a profile; jsonschema-module-jackson needs its sibling's SNAPSHOT. */
  @Test
  void aMavenModuleIsTestedFromTheTopOfItsReactor() throws IOException {
    write("pom.xml", "<project><profiles><profile><id>default</id><activation><activeByDefault>true</activeByDefault></activation>"
        + "<modules>\n<module>jsonschema-generator</module>\n<module>jsonschema-module-jackson</module>\n<!-- <module>old</module> -->\n"
        + "<module>nested</module>\n</modules></profile>\n<profile><id>examples</id><modules><module>examples</module></modules></profile>\n"
        + "<profile><id>off</id><activation><activeByDefault>false</activeByDefault></activation><modules><module>off</module></modules></profile>"
        + "</profiles></project>");
    write("jsonschema-module-jackson/pom.xml", "<project/>");
    write("jsonschema-module-jackson/src/main/java/A.java", "class A {}");
    write("nested/pom.xml", "<project><modules><module>inner/pom.xml</module></modules></project>");
    write("nested/inner/pom.xml", "<project/>");
    write("old/pom.xml", "<project/>");
    write("tools/pom.xml", "<project/>");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("mvn -B test", "detected: pom.xml"));
    assertThat(detect("jsonschema-module-jackson/src/main/java")).isEqualTo(new VerifyCommand(
        "cd .. && mvn -B test -pl jsonschema-module-jackson -am", "detected: pom.xml, a module of ../pom.xml"));
    // Nested aggregators lead to the top; a folder no pom lists (commented out, or never) is a build of its own.
    assertThat(detect("nested/inner").command()).isEqualTo("cd ../.. && mvn -B test -pl nested/inner -am");
    assertThat(detect("old").command()).isEqualTo("mvn -B test");
    assertThat(detect("tools").command()).isEqualTo("mvn -B test");
    // A module of a profile only -P activates is not in a plain mvn's reactor: -pl could not find it.
    write("examples/pom.xml", "<project/>");
    write("off/pom.xml", "<project/>");
    assertThat(detect("examples").command()).isEqualTo("mvn -B test");
    assertThat(detect("off").command()).isEqualTo("mvn -B test");
    // The reactor's wrapper, not the module's missing one.
    write("mvnw", "#!/bin/sh\n");
    root.resolve("mvnw").toFile().setExecutable(true);
    assertThat(detect("jsonschema-module-jackson").command()).isEqualTo("cd .. && ./mvnw -B test -pl jsonschema-module-jackson -am");
  }

  /** A Gradle subproject has no wrapper of its own: the build's, from where the subproject is. */
  @Test
  void aGradleSubprojectRunsTheBuildsWrapper() throws IOException {
    write("settings.gradle.kts", "include(\"lib\")\n");
    write("lib/build.gradle.kts", "plugins { java }\n");
    assertThat(detect("lib")).isEqualTo(new VerifyCommand("gradle test", "detected: build.gradle.kts"));
    write("gradlew", "#!/bin/sh\n");
    root.resolve("gradlew").toFile().setExecutable(true);
    assertThat(detect("lib")).isEqualTo(new VerifyCommand("../gradlew test", "detected: build.gradle.kts"));
    assertThat(detect(".")).isEqualTo(new VerifyCommand("./gradlew test", "detected: settings.gradle.kts"));
  }

  /** A Cargo workspace whose root is a package too: plain cargo test tests the root package alone. */
  @Test
  void aCargoWorkspaceTestsEveryMember() throws IOException {
    write("Cargo.toml", "[package]\nname = \"calc\"\n\n[workspace]\nmembers = [\"parser\"]\n");
    write("parser/Cargo.toml", "[package]\nname = \"parser\"\n");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("cargo test --workspace", "detected: Cargo.toml ([workspace])"));
    assertThat(detect("parser")).isEqualTo(new VerifyCommand("cargo test", "detected: Cargo.toml"));
    // default-members: the members the user chose (a member that needs another platform left out).
    write("Cargo.toml", "[workspace]\nmembers = [\"parser\", \"wasm\"]\ndefault-members = [\"parser\"]\n");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("cargo test", "detected: Cargo.toml"));
    write("Cargo.toml", "[package]\nname = \"calc\"\n# [workspace] some day\n");
    assertThat(detect(".")).isEqualTo(new VerifyCommand("cargo test", "detected: Cargo.toml"));
  }
}
