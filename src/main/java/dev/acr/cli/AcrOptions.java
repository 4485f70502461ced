package dev.acr.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The root command's options: their picocli model, built in code by {@link #spec}, and their
 * values after a parse, read by {@link #of}.
 *
 * <p>In code rather than in annotations because reading annotations is most of what picocli costs
 * on a cold JVM: reflection over the class, the annotation parser, and a proxy class generated per
 * annotation type (which class-data sharing on JDK 17 cannot keep). Measured on one core: ~73 ms
 * of a dry run for the annotated model, ~24 ms for this one with Main's converter exclusion and
 * {@link LazyFactory}. Subcommands are built only when named and keep their annotations; the
 * options they share with this one live in {@link WhereOptions}.
 */
record AcrOptions(
    List<String> prompt, boolean dryRun, WhereOptions.Repo where, WhereOptions.Memory memoryOption, String verify,
    String tool, List<String> chain, int maxAttempts, Double budget, Duration timeout, Long seed, boolean json,
    boolean inPlace, boolean noStorePrompt, boolean quiet, boolean noRecheck, boolean noPriors, String race,
    Duration verifyTimeout) {

  static final String DESCRIPTION =
      "The agentic coding router: picks a coding-agent CLI and model for the prompt, runs it in an"
          + " isolated git worktree, verifies with the project's tests, escalates on failure, applies"
          + " only a verified change to your working tree, and remembers every attempt.%n";

  /**
   * The root command's model, {@code command} its user object (what picocli calls and injects);
   * {@code factory} makes what picocli must make (subcommands, their converters).
   */
  static CommandSpec spec(AcrCommand command, CommandLine.IFactory factory) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory).name("acr").versionProvider(new VersionProvider());
    spec.usageMessage().description(DESCRIPTION).footer(ExitCodes.HELP);
    spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("PROMPT")
        .type(List.class).auxiliaryTypes(String.class)
        .description("What the agent should do. Without one, on a terminal: an interactive shell (:help there).").build());
    spec.addOption(flag("--dry-run", "Decide and explain; execute nothing, write nothing but memory's statistics snapshot (a cache, docs/memory.md)."));
    WhereOptions.addTo(spec);
    spec.addOption(valued("--verify", String.class, "CMD", "Test command, run with sh -c in the package folder (default: the nearest .acr/config.json, else detected from the nearest package)."));
    spec.addOption(valued("--tool", String.class, "NAME", "Only use this tool's routes."));
    spec.addOption(OptionSpec.builder("--chain").type(List.class).auxiliaryTypes(String.class).splitRegex(",")
        .paramLabel("R1,R2").description("Exact attempt order, by route or tool name.").build());
    spec.addOption(OptionSpec.builder("--max-attempts").type(int.class).paramLabel("N").defaultValue("3")
        .description("Attempts at most (default: ${DEFAULT-VALUE}); one in which no agent could run (not signed in,"
            + " offline, quota) does not count.").build());
    spec.addOption(valued("--budget", Double.class, "USD", "Stop escalating once this much has been spent."));
    spec.addOption(valued("--race", String.class, "N|auto", "Run up to N routes at once. When one verifies, those"
        + " still working are stopped; those already running their tests may finish (as long again as the winner's"
        + " tests, +5 s, at most 60 s) and the cheapest verified is applied. auto: race when memory is unsure and the"
        + " time saved (valued at the config's time_value_per_hour) is worth the cost. Default: the config's"
        + " \"race\", else one at a time. See docs/races.md."));
    spec.addOption(OptionSpec.builder("--timeout").type(Duration.class).converters(new DurationConverter())
        .paramLabel("DURATION").defaultValue("30m").description("Per attempt, e.g. 90s, 20m (default: ${DEFAULT-VALUE}).")
        .build());
    spec.addOption(OptionSpec.builder("--verify-timeout").type(Duration.class).converters(new DurationConverter())
        .paramLabel("DURATION").description("Per run of the test command (baseline, each attempt, recheck); default:"
            + " the project's \"verify_timeout\" in .acr/config.json, else 30m. A run longer than 30 s says now and then"
            + " that it is still running, with its last line of output.").build());
    spec.addOption(valued("--seed", Long.class, "N", "Another exploration draw. Without it the draw is fixed by the prompt, memory and config, so a dry run shows what the run will choose."));
    spec.addOption(flag("--json", "Print a machine-readable summary on stdout."));
    spec.addOption(flag("--in-place", "Outside git: let agents edit the workdir directly; acr snapshots it first and puts it back after an attempt that is not verified."));
    spec.addOption(flag("--no-store-prompt", "Keep prompts out of memory (only their hash)."));
    spec.addOption(flag("--no-recheck", "Do not rerun the test command in your working tree after applying a verified"
        + " change (by default, if it fails there, acr puts your tree back exactly as it was and keeps the patch)."));
    spec.addOption(flag("--no-priors", "Start the policy from model prices alone, not from the shipped CodeRouterBench priors."));
    spec.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class)
        .description("Do not stream the agents' output (it stays in the run's logs); on a terminal, show a live status line instead.")
        .build());
    // What mixinStandardHelpOptions adds, without reading picocli's annotated AutoHelpMixin; last,
    // where picocli puts that mixin (the order shows in `acr completion` scripts).
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
    return spec;
  }

  /** The values {@code spec} (built by {@link #spec}) holds after a parse. */
  static AcrOptions of(CommandSpec spec) {
    return new AcrOptions(
        spec.positionalParameters().get(0).getValue(), isSet(spec, "--dry-run"), WhereOptions.repo(spec),
        WhereOptions.memory(spec), value(spec, "--verify"), value(spec, "--tool"), value(spec, "--chain"),
        value(spec, "--max-attempts"), value(spec, "--budget"), value(spec, "--timeout"), value(spec, "--seed"),
        isSet(spec, "--json"), isSet(spec, "--in-place"), isSet(spec, "--no-store-prompt"), isSet(spec, "--quiet"),
        isSet(spec, "--no-recheck"), isSet(spec, "--no-priors"), value(spec, "--race"),
        value(spec, "--verify-timeout"));
  }

  /**
   * The value of the option named {@code name}. Looked up in the options map: picocli's
   * findOption walks every option and re-resolves its names' ${...} variables on each call.
   */
  static <T> T value(CommandSpec spec, String name) {
    return spec.optionsMap().get(name).getValue();
  }

  /**
   * picocli's default factory, made only when a prompt run would not: making it looks for Groovy
   * on the class path, a failed class lookup (the jar searched, an exception built) on the main
   * thread. A prompt run only asks for the list its PROMPT words go into, an ArrayList as the
   * default factory would make.
   */
  static final class LazyFactory implements CommandLine.IFactory {
    private CommandLine.IFactory made;

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == List.class) {
        return cls.cast(new ArrayList<>());
      }
      if (made == null) {
        made = CommandLine.defaultFactory();
      }
      return made.create(cls);
    }
  }

  private static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).description(description).build();
  }

  private static OptionSpec valued(String name, Class<?> type, String label, String description) {
    return OptionSpec.builder(name).type(type).paramLabel(label).description(description).build();
  }

  private static boolean isSet(CommandSpec spec, String flag) {
    return Boolean.TRUE.equals(value(spec, flag));
  }
}
