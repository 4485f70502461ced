package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The root command's model is built in code ({@link AcrOptions}), so nothing ties an option's name
 * and type to where its value is read but this: every option parsed once, and the defaults.
 */
class AcrOptionsTest {
  private final Path cwd = Path.of("/work/start");

  private AcrOptions parse(String... args) {
    AcrCommand command = new AcrCommand(new Env(Map.of(), cwd, Ansi.OFF));
    command.commandLine().parseArgs(args);
    return AcrOptions.of(command.spec());
  }

  @Test
  void everyOptionReachesItsValue() {
    AcrOptions o = parse("--dry-run", "--config", "c.json", "--workdir", "repo", "--memory", "m.jsonl",
        "--verify", "make test", "--tool", "codex", "--chain", "a,b", "--max-attempts", "5", "--budget", "2.5",
        "--timeout", "90s", "--seed", "7", "--json", "--in-place", "--no-store-prompt", "-q", "fix", "it");
    Env env = new Env(Map.of(), cwd, Ansi.OFF);
    assertThat(o.prompt()).containsExactly("fix", "it");
    assertThat(o.dryRun()).isTrue();
    assertThat(o.where().configFile(env)).isEqualTo(cwd.resolve("c.json"));
    assertThat(o.where().workdir(env)).isEqualTo(cwd.resolve("repo"));
    assertThat(o.memoryOption().memoryFile(env)).isEqualTo(cwd.resolve("m.jsonl"));
    assertThat(o.verify()).isEqualTo("make test");
    assertThat(o.tool()).isEqualTo("codex");
    assertThat(o.chain()).containsExactly("a", "b");
    assertThat(o.maxAttempts()).isEqualTo(5);
    assertThat(o.budget()).isEqualTo(2.5);
    assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(o.seed()).isEqualTo(7L);
    assertThat(List.of(o.json(), o.inPlace(), o.noStorePrompt(), o.quiet())).containsOnly(true);
  }

  @Test
  void unsetOptionsTakeTheirDefaults() {
    AcrOptions o = parse("fix");
    Env env = new Env(Map.of(), cwd, Ansi.OFF);
    assertThat(o.prompt()).containsExactly("fix");
    assertThat(o.where().configFile(env)).isNull();
    assertThat(o.where().workdir(env)).isEqualTo(cwd);
    assertThat(o.memoryOption().memoryFile(env)).isNull();
    assertThat(o.verify()).isNull();
    assertThat(o.tool()).isNull();
    assertThat(o.chain()).isNull();
    assertThat(o.maxAttempts()).isEqualTo(3);
    assertThat(o.budget()).isNull();
    assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(o.seed()).isNull();
    assertThat(List.of(o.dryRun(), o.json(), o.inPlace(), o.noStorePrompt(), o.quiet())).containsOnly(false);
  }

  @Test
  void noOptionNeedsAConverterThatMainLeavesOut() {
    assertThat("java.time.Duration").matches(Main.CONVERTER_EXCLUDES);
    assertThat("java.sql.Timestamp").matches(Main.CONVERTER_EXCLUDES);
    assertThat("java.nio.file.Path").doesNotMatch(Main.CONVERTER_EXCLUDES);
    List<String> uncovered = new ArrayList<>();
    // "--help" makes the command line with every subcommand on it.
    collectUncovered(Main.commandLine(new Env(Map.of(), cwd, Ansi.OFF), "--help"), uncovered);
    assertThat(uncovered).as("options of an excluded type without a converter of their own").isEmpty();
  }

  private static void collectUncovered(CommandLine cl, List<String> uncovered) {
    for (ArgSpec arg : cl.getCommandSpec().args()) {
      Set<Class<?>> types = new LinkedHashSet<>(List.of(arg.auxiliaryTypes()));
      types.add(arg.type());
      for (Class<?> type : types) {
        if (type.getName().matches(Main.CONVERTER_EXCLUDES) && arg.converters().length == 0) {
          uncovered.add(cl.getCommandSpec().qualifiedName() + " " + arg.paramLabel() + ": " + type.getName());
        }
      }
    }
    cl.getSubcommands().values().forEach(sub -> collectUncovered(sub, uncovered));
  }

  @Test
  void theUsageIsThatOfTheStandardHelpMixinAndTheSharedOptions() {
    CommandLine cl = new AcrCommand(new Env(Map.of(), cwd, Ansi.OFF)).commandLine();
    String usage = cl.getUsageMessage(Ansi.OFF);
    assertThat(usage).startsWith("Usage: acr [-hqV] [--dry-run]")
        .contains("-h, --help               Show this help message and exit.")
        .contains("-V, --version            Print version information and exit.")
        .contains("--workdir=DIR        Repository to work in (default: current directory).")
        .contains("--max-attempts=N     Attempts at most (default: 3); one in which no agent");
  }
}
