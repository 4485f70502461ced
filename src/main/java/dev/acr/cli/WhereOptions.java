package dev.acr.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Where acr works and what it reads: the options the run, doctor and stats commands share.
 * Relative paths are taken from the directory acr was started in.
 *
 * <p>Subcommands take them as annotated mixins; the root command, whose model is built in code
 * for start-up's sake ({@link AcrOptions}), adds the same options with {@link #addTo}. Both read
 * their names and texts from the constants here, so the two cannot drift apart.
 */
final class WhereOptions {

  static final String CONFIG = "--config";
  static final String WORKDIR = "--workdir";
  static final String MEMORY = "--memory";
  private static final String FILE = "FILE";
  private static final String DIR = "DIR";
  static final String CONFIG_HELP =
      "Tools config. By default $ACR_CONFIG, else the nearest file .acr/tools.json from here up to the repository top, else the file $XDG_CONFIG_HOME/acr/tools.json, else the bundled example.";
  private static final String WORKDIR_HELP = "Repository to work in (default: current directory).";
  private static final String MEMORY_HELP = "Memory file (default: $ACR_HOME/memory.jsonl, ACR_HOME defaults to ~/.acr).";

  /** --config and --workdir: for the commands that look at a repository and its tools. */
  static final class Repo {
    @Option(names = CONFIG, paramLabel = FILE, description = CONFIG_HELP)
    Path config;

    @Option(names = WORKDIR, paramLabel = DIR, description = WORKDIR_HELP)
    Path workdir;

    Path configFile(Env env) {
      return resolve(env, config);
    }

    Path workdir(Env env) {
      return workdir == null ? env.cwd() : resolve(env, workdir);
    }
  }

  /** --memory: for the commands that read or write memory. */
  static final class Memory {
    @Option(names = MEMORY, paramLabel = FILE, description = MEMORY_HELP)
    Path memory;

    /** The file given, or null for acr's default ({@link dev.acr.live.AcrPaths}). */
    Path memoryFile(Env env) {
      return resolve(env, memory);
    }

    /** The memory file in effect: the one given, else $ACR_HOME's. */
    Path path(Env env) {
      return dev.acr.live.AcrPaths.from(env.vars(), memoryFile(env)).memory();
    }
  }

  private WhereOptions() {}

  /** Adds {@link Repo}'s and {@link Memory}'s options to a model built in code. */
  static void addTo(CommandSpec spec) {
    spec.addOption(path(CONFIG, FILE, CONFIG_HELP));
    spec.addOption(path(WORKDIR, DIR, WORKDIR_HELP));
    spec.addOption(path(MEMORY, FILE, MEMORY_HELP));
  }

  /** {@link Repo} as parsed into a model built with {@link #addTo}. */
  static Repo repo(CommandSpec spec) {
    Repo r = new Repo();
    r.config = AcrOptions.value(spec, CONFIG);
    r.workdir = AcrOptions.value(spec, WORKDIR);
    return r;
  }

  /** {@link Memory} as parsed into a model built with {@link #addTo}. */
  static Memory memory(CommandSpec spec) {
    Memory m = new Memory();
    m.memory = AcrOptions.value(spec, MEMORY);
    return m;
  }

  private static OptionSpec path(String name, String label, String description) {
    return OptionSpec.builder(name).type(Path.class).paramLabel(label).description(description).build();
  }

  /** {@code p} taken from the directory acr was started in; null stays null. */
  static Path resolve(Env env, Path p) {
    return p == null ? null : env.cwd().resolve(p).normalize();
  }
}
