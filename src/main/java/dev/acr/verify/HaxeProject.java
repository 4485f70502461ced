package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Haxe: a project's tests are a build file of compiler arguments, {@code test.hxml}, whose main class runs them. The hxml
 * either runs that class itself ({@code --interp}, {@code --run}, {@code -cmd}) or only compiles it for a target, which
 * the project's own script then runs (JWambaugh/TJSON: {@code -neko TJSONTest.n}, then {@code neko TJSONTest.n} in
 * runTests.sh): {@code haxe test.hxml} alone would then pass on a compile, whatever the tests say. Its libraries come
 * from haxelib ({@code -lib utest}), whose repository is out of reach here; docs/real-repos-2026-12-06.md, sixth session.
 */
final class HaxeProject {

  /** The hxml files that hold a project's tests, in order of preference. */
  private static final String[] TEST_HXML = {"test.hxml", "tests.hxml"};

  /** An argument of an hxml that runs what it compiled, or compiles nothing (a type check is then the test). */
  private static final Pattern RUNS_ITSELF = Pattern.compile("(?m)^\\s*(?:--interp|--run|-x|-cmd|--cmd|--no-output)\\b");

  /** A target whose output a program here runs: {@code -neko bin/test.n}, {@code --js out.js}, {@code -python t.py}. */
  private static final Pattern RUNNABLE_TARGET = Pattern.compile("(?m)^\\s*--?(neko|js|python)\\s+(\\S+)\\s*$");

  /** haxelib's words for a library the hxml asks for: {@code Library utest is not installed : run 'haxelib install utest'}. */
  private static final Pattern LIBRARY_MISSING = Pattern.compile("Library (\\S+) is not installed : run 'haxelib install");

  /** haxelib before any {@code haxelib setup}: it has no repository, so no library can be found. */
  private static final Pattern NO_REPOSITORY = Pattern.compile("This is the first time you are running haxelib\\. Please run `haxelib setup` first");

  /** lix's haxe, which {@code npm install} puts there; before it, "not found" says to install the project's dependencies. */
  static final String LIX_HAXE = "node_modules/.bin/haxe";

  /**
   * lix without the Haxe that .haxerc names, which it downloads from haxe.org: {@code Version 4.3.7 configured in
   * /x/.haxerc does not exist. Attempting download ...}, then {@code Failed to download https://haxe.org/... because ...}.
   */
  private static final Pattern LIX_NO_HAXE = Pattern.compile("^Version (\\S+) configured in \\S*\\.haxerc does not exist");
  private static final Pattern LIX_DOWNLOAD_FAILED = Pattern.compile("^Failed to download (\\S+) because (.+)$");

  /** Haxe 3's unit test framework, which Haxe 4 moved out of its standard library into the hx3compat library. */
  private static final Pattern HAXE_UNIT_GONE = Pattern.compile("Type not found : (haxe\\.unit\\.\\w+)");

  private HaxeProject() {}

  /** {@code haxe test.hxml}, then what runs the main class it compiled, when the hxml does not run it itself. */
  static Optional<VerifyCommand> detect(Path root) {
    String hxml = VerifyDetector.firstFile(root, TEST_HXML);
    if (hxml == null) {
      return Optional.empty();
    }
    String text = withoutComments(VerifyDetector.readOrEmpty(root.resolve(hxml)));
    // A project whose Haxe and libraries lix pins (.haxerc, haxe_libraries/): lix's haxe, which npm installs, reads them;
    // Debian's haxe would ask haxelib for libraries lix keeps elsewhere (HaxeCheckstyle/tokentree).
    boolean lix = Files.isRegularFile(root.resolve(".haxerc"));
    StringBuilder command = new StringBuilder((lix ? LIX_HAXE : "haxe") + " " + hxml);
    if (!RUNS_ITSELF.matcher(text).find()) {
      List<String> runs = new ArrayList<>();
      Matcher m = RUNNABLE_TARGET.matcher(text);
      while (m.find()) {
        runs.add((m.group(1).equals("js") ? "node" : m.group(1).equals("python") ? "python3" : "neko") + " " + m.group(2));
      }
      runs.forEach(run -> command.append(" && ").append(run));
    }
    return Optional.of(new VerifyCommand(command.toString(), "detected: " + hxml + (lix ? ", .haxerc (lix)" : "")));
  }

  /** An hxml's lines without its comments ({@code #-neko old.n} is no target). */
  private static String withoutComments(String hxml) {
    return hxml.replaceAll("(?m)^\\s*#.*$", "");
  }

  /** Why lix could not get the Haxe that .haxerc names, read from the whole output; empty when it did not say so. */
  static Optional<Why> lix(List<String> output) {
    String version = null;
    for (String raw : output) {
      String line = raw.strip();
      Matcher m = LIX_NO_HAXE.matcher(line);
      if (m.find()) {
        version = m.group(1);
      } else if (version != null && (m = LIX_DOWNLOAD_FAILED.matcher(line)).find()) {
        return Optional.of(new Why("lix could not download Haxe " + version + ", which .haxerc names (" + m.group(2) + ")",
            "download it and the libraries haxe_libraries/ pins where the network allows (npx lix download), or name another"
                + " test command"));
      }
    }
    return Optional.empty();
  }

  /** Why a line of haxe's output says the tests cannot be compiled for want of a library; empty when it does not. */
  static Optional<Why> check(String line, String asked) {
    Matcher m;
    if ((m = LIBRARY_MISSING.matcher(line)).find()) {
      String lib = m.group(1);
      return CannotRun.notAsked(asked, lib, new Why("the haxelib library " + lib + " that the .hxml asks for (-lib " + lib
          + ") is not installed", "install it (haxelib install " + lib + " where the network allows, or haxelib dev " + lib
          + " FOLDER for a copy you have) or name another test command"));
    }
    if (NO_REPOSITORY.matcher(line).find()) {
      return Optional.of(new Why("haxelib has no repository set up, so the libraries the .hxml asks for (-lib) cannot be found",
          "run haxelib setup, then haxelib install each library the .hxml names (where the network allows), or name another"
              + " test command"));
    }
    if ((m = HAXE_UNIT_GONE.matcher(line)).find()) {
      return CannotRun.notAsked(asked, "haxe.unit", new Why("the tests use " + m.group(1) + ", which Haxe 4 moved out of its"
          + " standard library into the hx3compat library",
          "install hx3compat (haxelib install hx3compat) and add -lib hx3compat to the .hxml, or name another test command"));
    }
    return Optional.empty();
  }
}
