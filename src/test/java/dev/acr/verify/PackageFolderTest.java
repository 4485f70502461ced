package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nearest package decides the test command; the nearest .acr/config.json wins. */
class PackageFolderTest {
  @TempDir Path root;

  private Path write(String file, String text) throws Exception {
    Path p = root.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void fromAPackageFolderOfAMonorepoItsOwnManifestDecides() throws Exception {
    write("package.json", "{\"workspaces\": [\"packages/*\"], \"scripts\": {\"test\": \"jest\"}}\n");
    write("yarn.lock", "");
    write("packages/web/package.json", "{\"scripts\": {\"test\": \"vitest run\"}}\n");
    Path src = Files.createDirectories(root.resolve("packages/web/src/components"));
    VerifyDetector.Detection d = VerifyDetector.detect(root, src, null);
    assertThat(d.pkg().dir()).isEqualTo(root.resolve("packages/web"));
    assertThat(d.pkg().marker()).isEqualTo("package.json");
    assertThat(d.pkg().relativeTo(root)).isEqualTo("packages/web");
    // The workspace's package manager, from its root: the package has no yarn.lock of its own.
    assertThat(d.command().command()).isEqualTo("yarn test");
    assertThat(d.config().file()).isNull();
    assertThat(VerifyDetector.detect(root, root, null).command().command()).isEqualTo("yarn test");
  }

  @Test
  void theNearestConfigWinsAndNamesItsPlace() throws Exception {
    write(".acr/config.json", "{\"verify\": \"make test-all\"}\n");
    write("services/api/setup.py", "from setuptools import setup\nsetup()\n");
    write("services/api/.acr/config.json", "{\"verify\": \"python3 -m unittest -q\"}\n");
    Path deep = Files.createDirectories(root.resolve("services/api/api/handlers"));
    VerifyDetector.Detection d = VerifyDetector.detect(root, deep, null);
    assertThat(d.config().file()).isEqualTo(root.resolve("services/api/.acr/config.json"));
    assertThat(d.command()).isEqualTo(new VerifyCommand("python3 -m unittest -q", "services/api/.acr/config.json"));
    assertThat(d.pkg().dir()).isEqualTo(root.resolve("services/api"));
    Path web = Files.createDirectories(root.resolve("services/web"));
    assertThat(VerifyDetector.detect(root, web, null).command()).isEqualTo(new VerifyCommand("make test-all", ".acr/config.json"));
    assertThat(VerifyDetector.detect(root, deep, "sh t.sh").command().source()).isEqualTo("--verify");
  }

  @Test
  void testFoldersAndDocsMakefilesAreNoPackages() throws Exception {
    write("pyproject.toml", "[tool.pytest.ini_options]\n");
    write("tests/conftest.py", "");
    write("tests/test_a.py", "def test_a(): pass\n");
    write("docs/Makefile", "html:\n\tsphinx-build . _build\n");
    assertThat(PackageFolder.nearest(root, root.resolve("tests")).dir()).isEqualTo(root);
    assertThat(PackageFolder.nearest(root, root.resolve("docs")).dir()).isEqualTo(root);
    assertThat(VerifyDetector.detect(root, root.resolve("tests"), null).command().command()).isEqualTo("python3 -m pytest -q");
  }

  @Test
  void withoutAnyManifestTheRootIsThePackage() throws Exception {
    write("test_flat.py", "import unittest\n");
    Path sub = Files.createDirectories(root.resolve("sub"));
    PackageFolder p = PackageFolder.nearest(root, sub);
    assertThat(p.dir()).isEqualTo(root);
    assertThat(p.marker()).isNull();
    assertThat(VerifyDetector.detect(root, sub, null).command().command()).isEqualTo("python3 -m unittest");
  }

  @Test
  void aGoModuleInASubfolder() throws Exception {
    write("tools/gen/go.mod", "module example.com/gen\n");
    write("Makefile", "test:\n\tgo test ./...\n");
    assertThat(VerifyDetector.detect(root, root.resolve("tools/gen"), null).command())
        .isEqualTo(new VerifyCommand("go test ./...", "detected: go.mod"));
    assertThat(VerifyDetector.detect(root, root, null).command().command()).isEqualTo("make test");
  }

  @Test
  void aWorkspacePackageWithoutATestScriptRunsTheWorkspaceRootsTests() throws Exception {
    write("package.json", "{\"workspaces\": [\"packages/*\"], \"scripts\": {\"test\": \"vitest\"}}\n");
    write("pnpm-lock.yaml", "");
    write("packages/config/package.json", "{\"name\": \"config\", \"scripts\": {\"build\": \"tsc\"}}\n");
    VerifyDetector.Detection d = VerifyDetector.detect(root, root.resolve("packages/config"), null);
    assertThat(d.command()).isEqualTo(new VerifyCommand("pnpm test", "detected: package.json"));
    assertThat(d.pkg().dir()).isEqualTo(root);
    assertThat(d.withoutTests().dir()).isEqualTo(root.resolve("packages/config"));
    write("packages/config/package.json", "{\"name\": \"config\", \"scripts\": {\"test\": \"vitest run\"}}\n");
    VerifyDetector.Detection own = VerifyDetector.detect(root, root.resolve("packages/config"), null);
    assertThat(own.pkg().dir()).isEqualTo(root.resolve("packages/config"));
    assertThat(own.withoutTests()).isNull();
  }

  /** kikito/semver.lua keeps one rockspec a release under rockspecs/; luacheck keeps one at its root. */
  @Test
  void aLuaRockspecIsAManifest() throws Exception {
    write("semver.lua", "return {}\n");
    write("spec/semver_spec.lua", "describe('semver', function() end)\n");
    write("rockspecs/semver-1.2.0-1.rockspec", "package = 'semver'\n");
    write("rockspecs/semver-1.2.1-1.rockspec", "package = 'semver'\n");
    assertThat(PackageFolder.nearest(root, root.resolve("spec"))).isEqualTo(new PackageFolder(root, "rockspecs/*.rockspec"));
    assertThat(PackageFolder.nearest(root, root.resolve("rockspecs"))).isEqualTo(new PackageFolder(root, "rockspecs/*.rockspec"));
    assertThat(VerifyDetector.detect(root, root.resolve("spec"), null).command())
        .isEqualTo(new VerifyCommand("busted", "detected: spec/*_spec.lua"));
    write("luacheck-dev-1.rockspec", "package = 'luacheck'\n");
    assertThat(PackageFolder.nearest(root, root)).isEqualTo(new PackageFolder(root, "luacheck-dev-1.rockspec"));
  }

  /** p5sagit/Try-Tiny: a Dist::Zilla distribution, its tests under t/ run by prove from its top. */
  @Test
  void aPerlDistributionIsAPackage() throws Exception {
    write("dist.ini", "name = Try-Tiny\n");
    write("lib/Try/Tiny.pm", "package Try::Tiny; 1;\n");
    write("t/basic.t", "use Test::More; ok 1; done_testing;\n");
    assertThat(PackageFolder.nearest(root, root.resolve("t"))).isEqualTo(new PackageFolder(root, "dist.ini"));
    assertThat(VerifyDetector.detect(root, root.resolve("lib/Try"), null).command())
        .isEqualTo(new VerifyCommand("prove -lr t", "detected: t/*.t"));
    write("bindings/perl/Makefile.PL", "use ExtUtils::MakeMaker;\n");
    write("bindings/perl/t/api.t", "use Test::More; ok 1; done_testing;\n");
    assertThat(PackageFolder.nearest(root, root.resolve("bindings/perl/t")))
        .isEqualTo(new PackageFolder(root.resolve("bindings/perl"), "Makefile.PL"));
  }

  /** A dotfiles repository keeps nimble's ~/.nimble folder: a folder named like a manifest is none. */
  @Test
  void aFolderNamedLikeAManifestIsNoPackage() throws Exception {
    write(".nimble/pkgs2/README", "nimble's own packages\n");
    write("bin/setup.sh", "#!/bin/sh\n");
    assertThat(PackageFolder.nearest(root, root.resolve("bin"))).isEqualTo(new PackageFolder(root, null));
    write("dots.nimble", "version = \"0.1.0\"\n");
    assertThat(PackageFolder.nearest(root, root.resolve("bin"))).isEqualTo(new PackageFolder(root, "dots.nimble"));
  }
}
