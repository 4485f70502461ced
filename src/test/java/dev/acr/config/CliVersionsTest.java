package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliVersionsTest {

  @Test
  void readsTheVersionOutOfWhatEachCliPrints() {
    assertThat(CliVersions.parse("codex-cli 0.171.0")).contains("0.171.0");
    assertThat(CliVersions.parse("2.1.332 (Claude Code)")).contains("2.1.332");
    assertThat(CliVersions.parse("1.18.33")).contains("1.18.33");
    assertThat(CliVersions.parse("tool 2.0.0-beta.3 (abc)")).contains("2.0.0-beta.3");
    assertThat(CliVersions.parse("(no version printed)")).isEmpty();
    assertThat(CliVersions.parse(null)).isEmpty();
  }

  @Test
  void theShippedToolsListTheVersionsTheirTemplatesWereCheckedAgainst() throws Exception {
    ToolsConfig bundled = ConfigLoader.bundled();
    for (ToolSpec t : bundled.tools()) {
      assertThat(t.checkedVersions()).as(t.name()).isNotEmpty().allMatch(v -> CliVersions.parse(v).orElse("").equals(v));
    }
  }

  @Test
  void aCopiedToolInheritsTheBundledChecksButAChangedCommandDoesNot() throws Exception {
    ToolsConfig bundled = ConfigLoader.bundled();
    ToolSpec shipped = bundled.tools().stream().filter(t -> t.name().equals("codex")).findFirst().orElseThrow();
    ToolSpec copied = new ToolSpec("codex", true, null, shipped.command(), null, null, null, shipped.models(), null, null, null);
    assertThat(CliVersions.checkedFor(copied, bundled)).isEqualTo(shipped.checkedVersions());
    ToolSpec changed = new ToolSpec("codex", true, null, List.of("codex", "exec"), null, null, null, null, null, null, null);
    assertThat(CliVersions.checkedFor(changed, bundled)).isEmpty();
    ToolSpec own = new ToolSpec("codex", true, null, List.of("codex", "exec"), null, null, null, null, null, null, List.of("9.9.9"));
    assertThat(CliVersions.checkedFor(own, bundled)).containsExactly("9.9.9");
  }
}
