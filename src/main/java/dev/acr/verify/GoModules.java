package dev.acr.verify;

import dev.acr.config.CommandTemplate;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's test command for a module folder, and for the modules nested in it. {@code go test ./...}
 * stops at every folder with a go.mod of its own, so in hashicorp/golang-lru (arc/ is a module of
 * its own) a change that did not even compile in arc/ was verified from the top and applied. A
 * {@code go.work} names the modules the user works on together: each is tested through it, from
 * the top ({@code go test ./... ./arc/...}). Without one, each nested module is tested in its folder;
 * one that needs modules the user never downloaded only when the attempt changed it.
 */
final class GoModules {

  /** A {@code use} directive, one path ({@code use ./arc}) or a block's lines ({@code use (} ... {@code )}). */
  private static final Pattern USE = Pattern.compile("(?m)^\\s*use\\s*(?:\\(([^)]*)\\)|(\"[^\"\\n]*\"|`[^`\\n]*`|\\S+))");

  /**
   * One path of a {@code use}: quoted ({@code "./Ch 01 - Setting Up"}, or in backquotes), as go.work writes a path with
   * spaces (0x6d6e647a/learning_go_book: split at its spaces, no folder was found, and "verify none found"), or bare.
   */
  private static final Pattern USE_PATH = Pattern.compile("\"([^\"\\n]*)\"|`([^`\\n]*)`|(\\S+)");

  /** Folders {@code ./...} never enters: Go skips {@code testdata}, {@code vendor} and names starting with . or _. */
  private static final Set<String> SKIPPED = Set.of("testdata", "vendor", "node_modules");

  /** How deep nested modules are looked for (golang/tools keeps them at gopls/, cmd/x/y is three down). */
  private static final int MAX_DEPTH = 5;

  /** A requirement, {@code require path version} or a line of a {@code require (} block. */
  private static final Pattern REQUIRE = Pattern.compile("(?m)^\\s*(?:require\\s+)?(?!(?:retract|exclude|toolchain)\\s)([^\\s()]+)\\s+(v[^\\s()]+)\\s*$");

  /** A replacement by a folder ({@code replace example.com/x => ../}), which needs no download. */
  private static final Pattern LOCAL_REPLACE = Pattern.compile("(?m)^\\s*(?:replace\\s+)?(\\S+)(?:\\s+v\\S+)?\\s*=>\\s*\\.{0,2}/");

  /**
   * Runs what follows in the baseline ({@code ACR_BASELINE} set), and after it only when the folder
   * differs from the commit checked out (an attempt's worktree is the user's tree as the run began;
   * outside git it always runs). For a module that needs modules never downloaded: the baseline
   * reaches it when the main module passes, and its download failure stops the run before any agent
   * (golang-lru's arc/ with the bug in it); an attempt that left it unchanged is not failed on that
   * download (cespare/xxhash's xxhashbench/, the fix in the main module); one that changed it runs
   * its tests, so a change that breaks it is still not verified from the top.
   */
  private static final String WHEN_CHANGED = "{ [ -z \"$ACR_BASELINE\" ] && git diff --quiet HEAD -- . && "
      + "[ -z \"$(git ls-files -o --exclude-standard -- .)\" ] || ";

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
    Path cache = moduleCache();
    StringBuilder cmd = new StringBuilder("go test ./...");
    StringBuilder source = new StringBuilder("detected: go.mod");
    for (String n : nested) {
      boolean here = downloaded(root.resolve(n), cache);
      cmd.append(" && (cd ").append(CommandTemplate.shellQuote(List.of(n))).append(" && ").append(here ? "" : WHEN_CHANGED)
          .append("go test ./...").append(here ? ")" : "; })");
      source.append(", ").append(n).append("/go.mod").append(here ? "" : " (after the baseline, only when changed: its requirements are not downloaded)");
    }
    return Optional.of(new VerifyCommand(cmd.toString(), source.toString()));
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
      Matcher each = USE_PATH.matcher(paths);
      while (each.find()) {
        String path = each.group(1) != null ? each.group(1) : each.group(2) != null ? each.group(2) : each.group(3);
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

  /**
   * Whether everything the go.mod in {@code module} requires is in {@code cache} (or vendored, or
   * replaced by a folder), so its tests can run without a download the user never made.
   */
  static boolean downloaded(Path module, Path cache) {
    if (Files.isRegularFile(module.resolve("vendor/modules.txt"))) {
      return true;
    }
    String goMod = VerifyDetector.readOrEmpty(module.resolve("go.mod")).replaceAll("//[^\\n]*", "");
    Set<String> local = new HashSet<>();
    Matcher r = LOCAL_REPLACE.matcher(goMod);
    while (r.find()) {
      local.add(r.group(1));
    }
    Matcher m = REQUIRE.matcher(goMod);
    while (m.find()) {
      if (!local.contains(m.group(1))
          && !Files.isRegularFile(cache.resolve("cache/download/" + escaped(m.group(1)) + "/@v/" + escaped(m.group(2)) + ".mod"))) {
        return false;
      }
    }
    return true;
  }

  /** Go's module cache: GOMODCACHE, else the first GOPATH's pkg/mod, else ~/go/pkg/mod. */
  private static Path moduleCache() {
    String cache = System.getenv("GOMODCACHE");
    if (cache != null && !cache.isBlank()) {
      return Path.of(cache);
    }
    String gopath = System.getenv("GOPATH");
    Path first = gopath != null && !gopath.isBlank()
        ? Path.of(gopath.split(File.pathSeparator)[0]) : Path.of(System.getProperty("user.home"), "go");
    return first.resolve("pkg/mod");
  }

  /** A module path or version as the cache spells it: each capital letter as ! and its lower case. */
  private static String escaped(String s) {
    return s.replaceAll("([A-Z])", "!$1").toLowerCase(Locale.ROOT);
  }

  /** The folders below {@code root} with a go.mod of their own, root-relative, sorted. */
  static List<String> nested(Path root) {
    return Subfolders.holding(root, "go.mod", MAX_DEPTH, n -> n.startsWith(".") || n.startsWith("_") || SKIPPED.contains(n))
        .stream().map(Path::toString).toList();
  }

}
