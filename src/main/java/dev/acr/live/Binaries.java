package dev.acr.live;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell would: as a path when it has a slash, else along PATH. */
public final class Binaries {
  private Binaries() {}

  public static Optional<Path> find(String program, String pathVariable, Path workdir) {
    if (program.contains("/")) {
      Path p = workdir.resolve(program);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      // java.io.File answers a missing file with false; Files.isExecutable builds and throws a
      // NoSuchFileException inside for each one, and a dry run asks for every tool in every PATH
      // directory. Both are access(X_OK) and stat, following links.
      File f = new File(dir, program);
      if (f.canExecute() && !f.isDirectory()) {
        return Optional.of(f.toPath());
      }
    }
    return Optional.empty();
  }
}
