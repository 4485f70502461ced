package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real-world repository shapes on top of a {@link Fixtures} repository, generated offline:
 * what a user's tree holds besides source (a virtualenv with an editable install, installed
 * node_modules, workspace links, a Go replace, a submodule), and fake agents of the test's own.
 */
final class RepoShapes {
  private RepoShapes() {}

  /** Replaces the fixture's tools with {@code agents} (name → shell body run in the worktree). */
  static void agents(Fixtures fx, Map<String, String> agents) throws IOException {
    StringBuilder b = new StringBuilder("{\"tools\": [\n");
    int i = 0;
    for (Map.Entry<String, String> a : new TreeMap<>(agents).entrySet()) {
      Path p = fx.agents.resolve(a.getKey());
      Files.writeString(p, "#!/bin/sh\n# fake coding agent\nset -e\n" + a.getValue() + "\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      b.append(i++ == 0 ? "" : ",\n").append("  {\"name\": \"").append(a.getKey())
          .append("\", \"enabled\": true, \"command\": [\"").append(p).append("\"], \"prompt_mode\": \"append_arg\"}");
    }
    Files.writeString(fx.config, b.append("\n]}\n").toString());
  }

  static void write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  static void commitAll(Fixtures fx) throws IOException, InterruptedException {
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "shape");
  }

  /** Runs {@code cmd} in {@code dir}; fails the test when it fails. */
  static String run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", List.of(cmd), out).isZero();
    return out;
  }

  /** Whether {@code tool} is on PATH; without it the test is skipped, unless CI is set: then it fails. */
  static void require(String tool, String why) {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool));
    }
    if (!found && System.getenv("CI") != null) {
      throw new AssertionError(tool + " is not installed but CI is set: " + why);
    }
    Assumptions.assumeTrue(found, "skipped: " + tool + " is not installed (" + why + ")");
  }

  /**
   * A src-layout package {@code mypkg} whose {@code value()} returns {@code value}, a unittest
   * that wants 1, and a {@code .venv} (ignored without a slash) holding an editable install the
   * way setuptools writes one: a {@code .pth} that imports a finder mapping {@code mypkg} to the
   * user's {@code src/mypkg}. Returns the test command.
   */
  static String pythonEditable(Fixtures fx, int value) throws IOException, InterruptedException {
    Path repo = fx.repo;
    write(repo, ".gitignore", "build/\n.venv\n__pycache__\n");
    write(repo, "pyproject.toml", "[project]\nname = \"mypkg\"\nversion = \"0.1\"\n");
    write(repo, "src/mypkg/__init__.py", "def value():\n    return " + value + "\n");
    write(repo, "tests/test_value.py",
        "import unittest\nimport mypkg\n\n\nclass T(unittest.TestCase):\n"
            + "    def test_value(self):\n        self.assertEqual(mypkg.value(), 1, mypkg.__file__)\n");
    commitAll(fx);
    run(repo, Map.of(), "python3", "-m", "venv", "--without-pip", ".venv");
    Path site;
    try (var libs = Files.list(repo.resolve(".venv/lib"))) {
      site = libs.filter(p -> p.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
          .resolve("site-packages");
    }
    Files.writeString(site.resolve("__editable__.mypkg-0.1.pth"),
        "import __editable___mypkg_0_1_finder; __editable___mypkg_0_1_finder.install()\n");
    // setuptools' finder, cut to what this package needs: a meta path finder over MAPPING.
    Files.writeString(site.resolve("__editable___mypkg_0_1_finder.py"),
        "import sys\nfrom importlib.machinery import ModuleSpec, PathFinder\n"
            + "MAPPING = {'mypkg': '" + repo.resolve("src/mypkg") + "'}\n"
            + "class _EditableFinder:\n"
            + "    @classmethod\n"
            + "    def find_spec(cls, fullname, path=None, target=None):\n"
            + "        if fullname in MAPPING:\n"
            + "            import os\n"
            + "            return PathFinder.find_spec(fullname, [os.path.dirname(MAPPING[fullname])])\n"
            + "        return None\n"
            + "def install():\n"
            + "    if _EditableFinder not in sys.meta_path:\n"
            + "        sys.meta_path.append(_EditableFinder)\n");
    return ".venv/bin/python -m unittest discover -s tests -q";
  }

  /** Every file under {@code root} outside .git: path → mode and content, links as their target. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
        return d.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        String rel = root.relativize(f).toString();
        out.put(rel, a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(f)
            : PosixFilePermissions.toString(Files.getPosixFilePermissions(f)) + " " + Files.readString(f));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) {
        out.put(root.relativize(d) + "/", "dir");
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  /** The statuses memory recorded, in order. */
  static List<String> statuses(Fixtures fx) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : fx.memoryLines()) {
      out.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("status").asText());
    }
    return out;
  }
}
