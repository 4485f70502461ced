package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's help says what its exit codes mean (scripts and CI read them). */
class CliExitCodesHelpTest {
  @TempDir Path tmp;

  @Test
  void everyCommandsHelpHasItsExitCodes() {
    List<CommandLine> all = CliHarness.allCommands(tmp);
    CommandLine root = all.get(0);
    assertThat(all).hasSizeGreaterThan(10);
    for (CommandLine c : all) {
      String help = c.getUsageMessage();
      String codes = help.substring(help.indexOf("Exit codes") < 0 ? 0 : help.indexOf("Exit codes"));
      assertThat(help).as(c.getCommandSpec().qualifiedName()).contains("Exit codes");
      // Each code's line starts with its number or continues it indented: picocli did not wrap it.
      assertThat(codes.lines().skip(1)).as(c.getCommandSpec().qualifiedName())
          .allMatch(l -> l.isEmpty() || l.startsWith("  "));
    }
    assertThat(root.getUsageMessage()).contains("or verified but not applied (your tree changed since the\n");
    // A new user's first look: what to type, not only what each option means.
    assertThat(root.getUsageMessage()).contains("Examples:").contains("acr --dry-run \"fix the failing parser test\"")
        .contains("acr explain last");
    assertThat(root.getSubcommands().get("doctor").getUsageMessage()).contains("1    something is broken");
  }

  @Test
  void everyArgumentIsDescribedAndNoHelpNamesAnOptionItsCommandLacks() {
    for (CommandLine c : CliHarness.allCommands(tmp)) {
      for (CommandLine.Model.PositionalParamSpec p : c.getCommandSpec().positionalParameters().stream().filter(p -> !p.hidden()).toList()) {
        assertThat(String.join(" ", p.description())).as(c.getCommandSpec().qualifiedName() + " " + p.paramLabel()).isNotBlank();
      }
    }
    CommandLine live = CliHarness.allCommands(tmp).stream()
        .filter(c -> c.getCommandSpec().qualifiedName().equals("acr bench live")).findFirst().orElseThrow();
    assertThat(live.getUsageMessage()).doesNotContain("--dataset");
  }
}
