package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing fixture read as a missing pytest plugin only on pytest's evidence that the plugin is absent. */
class PytestUsageTest {
  @TempDir Path root;

  /** pytest 9's list under {@code fixture 'X' not found}, with pytest-benchmark installed and nothing else. */
  private static final String AVAILABLE = ">       available fixtures: benchmark, benchmark_weave, cache, capfd, capfdbinary,"
      + " caplog, capsys, doctest_namespace, monkeypatch, pytestconfig, recwarn, subtests, tmp_path, tmp_path_factory, tmpdir";

  private Optional<CannotRun.Why> fixture(String prompt, String... lines) {
    return PytestUsage.fixturePlugin(List.of(lines), root, prompt);
  }

  private void declare(String... deps) throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n[project.optional-dependencies]\ntest = [\""
        + String.join("\", \"", deps) + "\"]\n");
  }

  @Test
  void aWellKnownPluginsFixtureMissingWithNoneOfItsOthersIsTheSetup() throws Exception {
    declare("pytest", "pytest-mock");
    assertThat(fixture("fix the failing test", "  def test_m(mocker):", "E       fixture 'mocker' not found", AVAILABLE))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the tests ask for the fixture mocker of pytest-mock, a pytest plugin the project"
              + " depends on that is not installed (fixture 'mocker' not found)");
          assertThat(w.todo()).isEqualTo("install the project's test dependencies (pytest-mock among them) or name another test command");
        });
    // The header (without -q) names the loaded plugins: pytest-mock not among them.
    assertThat(fixture("fix the failing test", "plugins: hypothesis-6.155.2, benchmark-5.2.3", "E       fixture 'mocker' not found"))
        .isPresent();
  }

  /** A fixture named like a declared plugin is no evidence: pytest-env has no fixture at all, so 'env' is the tests' own bug. */
  @Test
  void aFixtureNamedLikeADeclaredPluginIsTheTests() throws Exception {
    declare("pytest", "pytest-env");
    assertThat(fixture("fix the failing test", "E       fixture 'env' not found", AVAILABLE)).isEmpty();
    declare("pytest", "pytest-tmp-config");
    assertThat(fixture("fix the failing test", "E       fixture 'tmp_config' not found", AVAILABLE)).isEmpty();
  }

  /** pytest-asyncio 1.0 removed event_loop: a migration for an agent, not a plugin to install. */
  @Test
  void aFixtureTheDeclaredPluginDroppedIsTheTests() throws Exception {
    declare("pytest", "pytest-asyncio>=1.0");
    assertThat(fixture("fix the failing async test", "E       fixture 'event_loop' not found", AVAILABLE)).isEmpty();
  }

  @Test
  void aPluginThatPytestShowsLoadedIsNotMissing() throws Exception {
    declare("pytest", "pytest-mock", "pytest-httpbin");
    // Its other fixtures are in pytest's list: installed, in a version without session_mocker (or the test misspells it).
    assertThat(fixture("fix the failing test", "E       fixture 'session_mocker' not found",
        ">       available fixtures: cache, class_mocker, mocker, module_mocker, tmp_path")).isEmpty();
    // The header lists it ("pytest-" dropped): installed, whatever the fixture's trouble.
    assertThat(fixture("fix the failing test", "plugins: httpbin-2.1.0, mock-3.14.0",
        "E       recursive dependency involving fixture 'httpbin' detected")).isEmpty();
    assertThat(fixture("fix the failing test", "plugins: anyio-4.9.0, mock-3.14.0", "E       fixture 'mocker' not found")).isEmpty();
  }

  @Test
  void withoutPytestsListOrHeaderNothingTellsTheSetup() throws Exception {
    declare("pytest", "pytest-mock");
    assertThat(fixture("fix the failing test", "E       fixture 'mocker' not found", "1 error in 0.14s")).isEmpty();
  }

  /** Two plugins give a fixture named snapshot: the one the project declares is named. */
  @Test
  void theDeclaredOfTwoPluginsSharingAFixtureIsNamed() throws Exception {
    declare("pytest", "pytest-snapshot");
    assertThat(fixture("fix the failing test", "E       fixture 'snapshot' not found", AVAILABLE)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("(pytest-snapshot among them)"));
    // Neither declared: the test's own fixture to write.
    declare("pytest");
    assertThat(fixture("fix the failing test", "E       fixture 'snapshot' not found", AVAILABLE)).isEmpty();
  }

  /** pytest 9 with filterwarnings = ["error"]: the option's warning is an INTERNALERROR (exit 3), then "no tests ran". */
  private static List<String> unknownOption(String option) {
    return List.of("INTERNALERROR>     warnings.warn(warning, stacklevel=stacklevel)",
        "INTERNALERROR> pytest.PytestConfigWarning: Unknown config option: " + option, "", "no tests ran in 0.01s");
  }

  @Test
  void anUnknownIniOptionNamesItsPluginOrItsSpelling() {
    assertThat(PytestUsage.check(3, unknownOption("timeout"), "fix the failing test")).map(CannotRun.Why::todo)
        .contains("install the pytest plugin that reads timeout (pytest-timeout) with the project's test dependencies, or name"
            + " another test command");
    // No plugin known to read it: perhaps misspelt, which installing nothing would fix.
    assertThat(PytestUsage.check(3, unknownOption("timout"), "fix the failing test")).map(CannotRun.Why::todo)
        .contains("check the spelling of timout in the pytest configuration; if it is right, install the pytest plugin that reads"
            + " it with the project's test dependencies, or name another test command");
    assertThat(PytestUsage.check(3, unknownOption("timout"), "fix the timout option in pyproject")).isEmpty();
  }
}
