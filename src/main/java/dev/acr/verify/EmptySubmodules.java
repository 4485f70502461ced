package dev.acr.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A build that stops on a git submodule never checked out: n1belung63/pool-allocator's CMakeLists.txt does
 * {@code add_subdirectory(singelton)}, and in a clone without {@code git submodule update --init} CMake says
 * {@code The source directory /x/singelton does not contain a CMakeLists.txt file.} Every attempt would end there, and
 * the user's tree too: acr fills an attempt's submodules from the user's checkouts ({@code dev.acr.git.Submodules}), so one
 * empty in the attempt is one the user never initialised.
 */
final class EmptySubmodules {
  private EmptySubmodules() {}

  /** Why the command cannot run, when its output names a path in a submodule of {@code root} whose folder is empty. */
  static Optional<CannotRun.Why> check(List<String> output, Path root) {
    for (String submodule : NotInstalled.submodulePaths(root)) {
      if (!empty(root.resolve(submodule))) {
        continue;
      }
      // The submodule's folder by its path, whole: /x/singelton or /x/singelton/CMakeLists.txt, not /x/singelton-extra.
      Pattern named = Pattern.compile("(?:^|[\\s/'\"`(])" + Pattern.quote(submodule) + "(?:$|[\\s/'\"`):])");
      String line = output.stream().filter(l -> named.matcher(l).find()).findFirst().orElse(null);
      if (line != null) {
        return Optional.of(new CannotRun.Why("the git submodule " + submodule + " is not checked out, and the build needs it ("
            + line.strip() + ")", "check it out (git submodule update --init --recursive) or name another test command"));
      }
    }
    return Optional.empty();
  }

  private static boolean empty(Path dir) {
    if (!Files.isDirectory(dir)) {
      return !Files.exists(dir);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
