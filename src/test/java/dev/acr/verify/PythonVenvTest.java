package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.live.TestProgram;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonVenvTest {

  @TempDir Path dir;

  /** A virtual environment as python3 -m venv lays it out, its python a script saying which it is. */
  private Path venv(String rel) throws Exception {
    Path venv = dir.resolve(rel);
    Files.createDirectories(venv.resolve("bin"));
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\n");
    for (String name : new String[] {"python", "python3", "pytest"}) {
      Path p = venv.resolve("bin/" + name);
      Files.writeString(p, "#!/bin/sh\necho \"" + name + " of " + rel + " with VIRTUAL_ENV=$VIRTUAL_ENV\"\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return venv;
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void theProjectsVenvIsActivatedForItsTests() throws Exception {
    Path venv = venv(".venv");
    Map<String, String> out = PythonVenv.environment(dir, env("PYTHONHOME", "/opt/other"));
    assertThat(out).containsEntry("PATH", venv.resolve("bin") + File.pathSeparator + "/usr/bin:/bin")
        .containsEntry("VIRTUAL_ENV", venv.toString()).doesNotContainKey("PYTHONHOME");
    assertThat(PythonVenv.note(dir, env())).hasValueSatisfying(n -> {
      assertThat(n.text()).contains("the agents and the tests run in the project's virtual environment .venv (not active here)",
          "source .venv/bin/activate");
      assertThat(n.used()).isTrue();
    });
  }

  @Test
  void anActiveEnvironmentIsTheUsersChoice() throws Exception {
    venv(".venv");
    Map<String, String> active = env("VIRTUAL_ENV", "/home/me/envs/other");
    assertThat(PythonVenv.environment(dir, active)).isSameAs(active);
    assertThat(PythonVenv.note(dir, active)).isEmpty();
  }

  @Test
  void aWorkspacesVenvAboveTheTestsIsFoundButNotPastTheRepository() throws Exception {
    Path venv = venv("repo/venv");
    Files.createDirectories(dir.resolve("repo/.git"));
    Path pkg = Files.createDirectories(dir.resolve("repo/packages/core"));
    assertThat(PythonVenv.find(pkg, env())).contains(venv);
    assertThat(PythonVenv.note(pkg, env())).hasValueSatisfying(n -> assertThat(n.text()).contains("environment ../../venv"));

    // One beside the repository (another project's) is not this one's.
    Files.createDirectories(dir.resolve("other/.git"));
    venv(".venv");
    assertThat(PythonVenv.find(dir.resolve("other"), env())).isEmpty();
    // Nor, outside any repository, one in a folder above (a ~/.venv).
    assertThat(PythonVenv.find(Files.createDirectories(dir.resolve("loose/project")), env())).isEmpty();
  }

  @Test
  void aFolderWithoutPyvenvCfgIsNotAnEnvironment() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("venv/bin"));
    assertThat(PythonVenv.find(dir, env())).isEmpty();
    Map<String, String> env = env();
    assertThat(PythonVenv.environment(dir, env)).isSameAs(env);
  }

  @Test
  void aBrokenVenvIsNotUsedAndTheDryRunSaysSo() throws Exception {
    Files.createDirectories(dir.resolve(".venv/bin"));
    Files.writeString(dir.resolve(".venv/pyvenv.cfg"), "home = /root/.pyenv/versions/3.9.1/bin\n");
    Files.createSymbolicLink(dir.resolve(".venv/bin/python"), dir.resolve("gone/python3.9"));
    Map<String, String> env = env();
    assertThat(PythonVenv.environment(dir, env)).isSameAs(env);
    assertThat(PythonVenv.note(dir, env)).hasValueSatisfying(n -> {
      assertThat(n.text()).contains(".venv is not used: its python no longer runs", "uv sync");
      assertThat(n.used()).isFalse();
    });
  }

  /** The dry run's check that the test program exists looks where the tests will run: pytest only in .venv is there. */
  @Test
  void aTestProgramOnlyInTheVenvIsNotMissing() throws Exception {
    Map<String, String> env = env("PATH", dir.resolve("empty").toString());
    assertThat(TestProgram.missing("pytest -q", dir, env, "fix it")).as("no venv yet").isPresent();
    venv(".venv");
    assertThat(TestProgram.missing("pytest -q", dir, env, "fix it")).isEmpty();
  }

  @Test
  void theVerifierRunsTheTestsInTheVenv() throws Exception {
    venv(".venv");
    VerifyResult r = new Verifier().run(new VerifyCommand("python3 -m pytest -q", "detected: pyproject.toml"), dir,
        Duration.ofSeconds(60), Map.of("PATH", System.getenv("PATH")), dir.resolve("logs/verify.log"));
    assertThat(r.tail()).contains("python3 of .venv with VIRTUAL_ENV=" + dir.resolve(".venv"));
  }

  @Test
  void theInstallHintFollowsTheProjectsTool() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("pkg"));
    assertThat(PythonVenv.installCommand(pkg, dir)).isEqualTo("python3 -m pip install -e . or -r requirements.txt");
    Path flat = Files.createDirectories(dir.resolve("flat"));
    venv("flat/venv");
    assertThat(PythonVenv.installCommand(flat, flat)).as("into the project's environment")
        .isEqualTo("venv/bin/python -m pip install -e . or -r requirements.txt");
    Files.writeString(dir.resolve("uv.lock"), "version = 1\n");
    assertThat(PythonVenv.installCommand(pkg, dir)).isEqualTo("uv sync");
    Files.writeString(pkg.resolve("poetry.lock"), "");
    assertThat(PythonVenv.installCommand(pkg, dir)).as("the package's own first").isEqualTo("poetry install");
    assertThat(PythonVenv.installAdvice(dir, dir)).isEqualTo("install the project's dependencies (e.g. uv sync)");
    // Poetry's environment is outside the project unless virtualenvs.in-project: the tests see it only if acr runs in it.
    assertThat(PythonVenv.installAdvice(pkg, dir)).isEqualTo("install the project's dependencies (poetry install) and run"
        + " acr in the environment poetry keeps for it outside the project (poetry run acr \"…\", or activate it first)");
    venv("pkg/.venv");
    assertThat(PythonVenv.installAdvice(pkg, dir)).isEqualTo("install the project's dependencies (e.g. poetry install)");
  }
}
