package dev.acr.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A workspace package's built files: the folder its package.json's {@code main}, {@code module},
 * {@code types} or {@code exports} point into ({@code dist/}), built in the user's tree and ignored
 * by git, so an attempt's worktree lacks it, and a sibling package's tests that import the package
 * stop on {@code Cannot find module '…/node_modules/b/dist/index.js'} (an npm workspace made here,
 * docs/real-repos.md 2026-12-06). They are copied into the worktree, not linked: a build an agent
 * runs there writes into the worktree's copy, never into the user's tree.
 */
final class BuildOutputs {
  private static final List<String> ENTRY_FIELDS = List.of("main", "module", "types", "typings", "exports");

  /** One for every package.json of a run: a cold ObjectMapper costs far more than reading one. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private BuildOutputs() {}

  /** The folders (names, directly in {@code dir}) the package.json of {@code dir} points into; empty without one. */
  static Set<String> of(Path dir) {
    Set<String> out = new LinkedHashSet<>();
    Path file = dir.resolve("package.json");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      return out;
    }
    for (String field : ENTRY_FIELDS) {
      collect(json == null ? null : json.get(field), out);
    }
    return out;
  }

  /** The first folder of every path in {@code node} (a string, or an exports map of them). */
  private static void collect(JsonNode node, Set<String> out) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String path = node.asText().replaceFirst("^\\./", "");
      int slash = path.indexOf('/');
      if (slash > 0 && !path.startsWith("..") && !path.contains("*")) {
        out.add(path.substring(0, slash));
      }
      return;
    }
    node.elements().forEachRemaining(n -> collect(n, out));
  }

  /** {@code from}, a folder, copied to {@code to}: files and folders, links as links. */
  static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
