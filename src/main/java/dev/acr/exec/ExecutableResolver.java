package dev.acr.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the program to execute before starting it, so failures get a clear message instead of
 * the JDK's "error=2, No such file or directory".
 *
 * <p>The lookup uses the child's PATH, not acr's: the JDK would search acr's own PATH, which is
 * not the environment the user configured for the agent. A bare name is replaced by the absolute
 * path found; a name with a '/' is left as is (the OS resolves it against the working directory,
 * as we do here).
 */
final class ExecutableResolver {

  /** What execvp falls back to when there is no PATH; used when the child env has none. */
  static final String DEFAULT_PATH = "/usr/bin:/bin";

  private ExecutableResolver() {}

  static List<String> resolve(List<String> argv, Path workdir, Map<String, String> environment)
      throws ProcessStartException {
    String program = argv.get(0);
    if (!Files.isDirectory(workdir)) {
      throw new ProcessStartException(program, "working directory " + workdir + " does not exist");
    }
    if (program.indexOf('/') >= 0) {
      checkExecutable(program, resolveIn(program, workdir));
      return argv;
    }
    String path = environment.getOrDefault("PATH", DEFAULT_PATH);
    Path notExecutable = null;
    for (String dir : path.split(File.pathSeparator, -1)) {
      // POSIX: an empty PATH entry means the current (here: the child's working) directory
      Path candidate = resolveIn(program, workdir.resolve(dir.isEmpty() ? "." : dir));
      if (Files.isRegularFile(candidate)) {
        if (Files.isExecutable(candidate)) {
          List<String> resolved = new ArrayList<>(argv);
          resolved.set(0, candidate.toAbsolutePath().normalize().toString());
          return resolved;
        }
        notExecutable = notExecutable == null ? candidate : notExecutable;
      }
    }
    if (notExecutable != null) {
      throw new ProcessStartException(program, notExecutable + " is not executable");
    }
    throw new ProcessStartException(program, "not found on PATH (" + path + ")");
  }

  private static Path resolveIn(String program, Path dir) throws ProcessStartException {
    try {
      return dir.resolve(program);
    } catch (InvalidPathException e) {
      throw new ProcessStartException(program, "invalid path: " + e.getMessage(), e);
    }
  }

  private static void checkExecutable(String program, Path file) throws ProcessStartException {
    if (!Files.exists(file)) {
      throw new ProcessStartException(program, "no such file");
    }
    if (Files.isDirectory(file)) {
      throw new ProcessStartException(program, "is a directory");
    }
    if (!Files.isExecutable(file)) {
      throw new ProcessStartException(program, "not executable (check its permissions)");
    }
  }
}
