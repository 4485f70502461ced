package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a package.json says about a package's dependencies. */
final class NodeManifest {
  private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");

  private NodeManifest() {}

  /**
   * Whether the package.json in {@code dir} names any dependency; true when it cannot be read, so a
   * caller that stops a run on missing dependencies keeps its old answer for a manifest it cannot parse.
   */
  static boolean declaresDependencies(Path dir) {
    Path file = dir.resolve("package.json");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      return json == null || SECTIONS.stream().anyMatch(s -> json.path(s).size() > 0);
    } catch (IOException e) {
      return true;
    }
  }
}
