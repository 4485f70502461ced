package dev.acr.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenvStateTest {
  @TempDir Path tmp;
  Path venv;
  Path site;

  /** An environment with the user's project installed editable, one package and its console script. */
  @BeforeEach
  void environment() throws IOException {
    venv = tmp.resolve(".venv");
    site = venv.resolve("lib/python3.11/site-packages");
    write("pyvenv.cfg", "home = /usr/bin\n");
    Files.createDirectories(venv.resolve("bin"));
    Files.createSymbolicLink(venv.resolve("bin/python"), Path.of("/usr/bin/python3"));
    Files.createSymbolicLink(venv.resolve("lib64"), Path.of("lib"));
    write("bin/pytest", "#!/home/me/proj/.venv/bin/python\nimport pytest\n");
    write("lib/python3.11/site-packages/_shapes_editable.pth", "/home/me/proj/src\n");
    write("lib/python3.11/site-packages/shapes-0.1.dist-info/METADATA", "Name: shapes\n");
    write("lib/python3.11/site-packages/shapes-0.1.dist-info/direct_url.json", "{\"url\": \"file:///home/me/proj\"}\n");
    write("lib/python3.11/site-packages/pytest/__init__.py", "version = '8'\n");
    write("lib/python3.11/site-packages/pytest-8.0.dist-info/RECORD", "pytest/__init__.py,,\n");
  }

  @Test
  void anEditableReinstallFromTheWorktreeAndANewPackageAreTakenBack() throws IOException {
    VenvState before = VenvState.read(venv);
    // pip install -e . from the worktree: the old install removed, the new one pointing at the worktree.
    Files.delete(site.resolve("_shapes_editable.pth"));
    write("lib/python3.11/site-packages/__editable__.shapes-0.1.pth", "/home/me/.acr/worktrees/proj-1/1/src\n");
    write("lib/python3.11/site-packages/shapes-0.1.dist-info/direct_url.json",
        "{\"url\": \"file:///home/me/.acr/worktrees/proj-1/1\"}\n");
    // pip install requests: a package, its metadata, a script.
    write("lib/python3.11/site-packages/requests/__init__.py", "");
    write("lib/python3.11/site-packages/requests-2.32.dist-info/METADATA", "Name: requests\n");
    write("bin/normalizer", "#!/bin/sh\n");
    // Imports write bytecode: not the agent's doing, left alone.
    write("lib/python3.11/site-packages/pytest/__pycache__/__init__.cpython-311.pyc", "pyc");

    VenvState.Restored r = before.restore();

    assertThat(r.changed()).containsExactly("__editable__.shapes-0.1.pth", "_shapes_editable.pth", "bin/normalizer",
        "requests", "requests-2.32.dist-info", "shapes-0.1.dist-info");
    assertThat(r.notRestored()).isEmpty();
    assertThat(site.resolve("_shapes_editable.pth")).hasContent("/home/me/proj/src");
    assertThat(site.resolve("shapes-0.1.dist-info/direct_url.json")).content().contains("file:///home/me/proj\"");
    assertThat(site.resolve("__editable__.shapes-0.1.pth")).doesNotExist();
    assertThat(site.resolve("requests")).doesNotExist();
    assertThat(site.resolve("requests-2.32.dist-info")).doesNotExist();
    assertThat(venv.resolve("bin/normalizer")).doesNotExist();
    assertThat(venv.resolve("bin/python")).isSymbolicLink();
    assertThat(site.resolve("pytest/__pycache__/__init__.cpython-311.pyc")).exists();
    assertThat(VenvState.read(venv).restore().none()).as("as it was").isTrue();
  }

  @Test
  void aPackagesOwnFilesChangedInPlaceAreReportedNotRestored() throws IOException {
    VenvState before = VenvState.read(venv);
    // pip install -U pytest: its code replaced, its metadata too.
    write("lib/python3.11/site-packages/pytest/__init__.py", "version = '9.0.1'\n");
    Files.delete(site.resolve("pytest-8.0.dist-info/RECORD"));
    write("lib/python3.11/site-packages/pytest-9.0.dist-info/RECORD", "pytest/__init__.py,,\n");
    write("bin/pytest", "#!/home/me/.acr/worktrees/proj-1/1/.venv/bin/python\nimport pytest\n");

    VenvState.Restored r = before.restore();

    assertThat(r.changed()).containsExactly("bin/pytest", "pytest", "pytest-8.0.dist-info", "pytest-9.0.dist-info");
    assertThat(r.notRestored()).containsExactly("pytest");
    assertThat(site.resolve("pytest-8.0.dist-info/RECORD")).hasContent("pytest/__init__.py,,");
    assertThat(site.resolve("pytest-9.0.dist-info")).doesNotExist();
    assertThat(venv.resolve("bin/pytest")).content().startsWith("#!/home/me/proj/.venv/bin/python");
  }

  @Test
  void anUntouchedEnvironmentIsLeftAsItIs() throws IOException {
    VenvState.Restored r = VenvState.read(venv).restore();
    assertThat(r.none()).isTrue();
    assertThat(r.notRestored()).isEmpty();
  }

  private void write(String rel, String text) throws IOException {
    Path p = venv.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
