package dev.acr.verify;

import dev.acr.config.CommandTemplate;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's test command for a module folder, and for the modules nested in it. {@code go test ./...}
 * stops at every folder with a go.mod of its own, so in hashicorp/golang-lru (arc/ is a module of
 * its own) a change that did not even compile in arc/ was verified from the top and applied. A
 * {@code go.work} names the modules the user works on together: each is tested through it, from
 * the top ({@code go test ./... ./arc/...}). Without one, each nested module is tested in its folder.
 */
final class GoModules {

  /** A {@code use} directive, one path ({@code use ./arc}) or a block's lines ({@code use (} ... {@code )}). */
  private static final Pattern USE = Pattern.compile("(?m)^\\s*use\\s*(?:\\(([^)]*)\\)|(\\S+))");

  /** Folders {@code ./...} never enters: Go skips {@code testdata}, {@code vendor} and names starting with . or _. */
  private static final Set<String> SKIPPED = Set.of("testdata", "vendor", "node_modules");

  /** How deep nested modules are looked for (golang/tools keeps them at gopls/, cmd/x/y is three down). */
  private static final int MAX_DEPTH = 5;

  private GoModules() {}

  /** The command for {@code root} when it holds a go.work or a go.mod. */
  static Optional<VerifyCommand> detect(Path root) {
    if (Files.isRegularFile(root.resolve("go.work"))) {
      List<String> used = used(VerifyDetector.readOrEmpty(root.resolve("go.work")), root);
      if (!used.isEmpty()) {
        StringBuilder cmd = new StringBuilder("go test");
        used.forEach(u -> cmd.append(' ').append(CommandTemplate.shellQuote(List.of(u.equals(".") ? "./..." : "./" + u + "/..."))));
        return Optional.of(new VerifyCommand(cmd.toString(), "detected: go.work"));
      }
    }
    if (!Files.isRegularFile(root.resolve("go.mod"))) {
      return Optional.empty();
    }
    List<String> nested = nested(root);
    if (nested.isEmpty()) {
      return Optional.of(new VerifyCommand("go test ./...", "detected: go.mod"));
    }
    StringBuilder cmd = new StringBuilder("go test ./...");
    nested.forEach(n -> cmd.append(" && (cd ").append(CommandTemplate.shellQuote(List.of(n))).append(" && go test ./...)"));
    return Optional.of(new VerifyCommand(cmd.toString(),
        "detected: go.mod, " + String.join(", ", nested.stream().map(n -> n + "/go.mod").toList())));
  }

  /**
   * The folders a go.work uses that are {@code root} or inside it, as written relative to it
   * ({@code .}, {@code arc}), in go.work's order. Ones outside (a {@code ../lib} checked out beside
   * the repository) are not this repository's to test, nor are ones that do not exist.
   */
  static List<String> used(String goWork, Path root) {
    List<String> out = new ArrayList<>();
    Matcher m = USE.matcher(goWork.replaceAll("//[^\\n]*", ""));
    while (m.find()) {
      String paths = m.group(1) != null ? m.group(1) : m.group(2);
      for (String p : paths.strip().split("\\s+")) {
        String path = p.replaceAll("^\"|\"$", "");
        if (path.isEmpty()) {
          continue;
        }
        Path dir = root.resolve(path).normalize();
        if (dir.startsWith(root.normalize()) && Files.isRegularFile(dir.resolve("go.mod"))) {
          String rel = root.normalize().relativize(dir).toString();
          String name = rel.isEmpty() ? "." : rel;
          if (!out.contains(name)) {
            out.add(name);
          }
        }
      }
    }
    return out;
  }

  /** The folders below {@code root} with a go.mod of their own, root-relative, sorted. */
  static List<String> nested(Path root) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String name = dir.getFileName().toString();
          if (name.startsWith(".") || name.startsWith("_") || SKIPPED.contains(name)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (Files.isRegularFile(dir.resolve("go.mod"))) {
            found.add(root.relativize(dir).toString());
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable folder holds no module we could test
        }
      });
    } catch (IOException e) {
      return List.of();
    }
    found.sort(null);
    return found;
  }

}
