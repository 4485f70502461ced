package dev.acr.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CodeRouterBench folder is: {@code --data}, else {@code $ACR_BENCH_DATA}. */
final class BenchData {
  static final String ENV = "ACR_BENCH_DATA";

  private BenchData() {}

  /** The folder, or null after printing why there is none (the caller exits 2). */
  static Path resolve(Path option, java.io.PrintWriter err) {
    Path dir = option;
    if (dir == null) {
      String env = System.getenv(ENV);
      if (env == null || env.isBlank()) {
        err.println("acr: no benchmark data: pass --data DIR or set " + ENV);
        return null;
      }
      dir = Path.of(env);
    }
    if (!Files.isDirectory(dir)) {
      err.println("acr: " + dir + ": not a directory");
      return null;
    }
    return dir;
  }
}
