package dev.acr.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where acr works and what it reads: the options the run, doctor and stats commands share.
 * Relative paths are taken from the directory acr was started in.
 */
final class WhereOptions {

  /** --config and --workdir: for the commands that look at a repository and its tools. */
  static final class Repo {
    @Option(names = "--config", paramLabel = "FILE", description = "Tools config (default: $ACR_CONFIG, ./.acr/tools.json, $XDG_CONFIG_HOME/acr/tools.json, bundled example).")
    Path config;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Repository to work in (default: current directory).")
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
    @Option(names = "--memory", paramLabel = "FILE", description = "Memory file (default: $ACR_HOME/memory.jsonl, ACR_HOME defaults to ~/.acr).")
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

  /** {@code p} taken from the directory acr was started in; null stays null. */
  static Path resolve(Env env, Path p) {
    return p == null ? null : env.cwd().resolve(p).normalize();
  }
}
