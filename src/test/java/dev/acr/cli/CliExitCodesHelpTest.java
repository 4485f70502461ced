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
    assertThat(root.getSubcommands().get("doctor").getUsageMessage()).contains("1    something is broken");
  }
}
