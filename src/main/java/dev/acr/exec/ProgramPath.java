package dev.acr.exec;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Where a program by a bare name is found along a PATH, as a shell would find it. */
public final class ProgramPath {
  private ProgramPath() {}

  /** The first executable file named {@code program} in the folders of {@code pathVariable}; empty when none or no PATH. */
  public static Optional<Path> find(String program, String pathVariable) {
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
