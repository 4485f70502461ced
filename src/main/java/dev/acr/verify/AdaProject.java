package dev.acr.verify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ada's tests, built by gprbuild from a GNAT project file ({@code .gpr}) and run as the program it builds: an Ada project has
 * no test command of its own (skordal/ada-regex's README says "gprbuild -p regex-tests.gpr", then run bin/regex_test). The
 * test project is a {@code .gpr} at the package's root or in its {@code tests/} or {@code test/} folder that imports AUnit
 * ({@code with "aunit";}) or is named for tests, and names its main programs ({@code for Main use ("regex_test.adb");}).
 * Its programs are run from where gprbuild puts them: {@code Exec_Dir}, else {@code Object_Dir}, else the project's folder,
 * when the project file says so with a plain string; one that computes them ({@code "obj/" & Mode}) gets no command.
 * AUnit's text reporter exits 0 whatever failed: {@link SummaryFailures} reads its counts.
 */
final class AdaProject {

  private static final Pattern WITH_AUNIT = Pattern.compile("(?im)^\\s*with\\s+\"aunit(?:\\.gpr)?\"\\s*;");
  private static final Pattern MAIN = Pattern.compile("(?is)\\bfor\\s+Main\\s+use\\s*\\(([^)]*)\\)\\s*;");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  /** {@code for Exec_Dir use "bin";}: a plain string only, not an expression. */
  private static final Pattern DIR = Pattern.compile("(?i)\\bfor\\s+(Exec_Dir|Object_Dir)\\s+use\\s+\"([^\"]*)\"\\s*;");
  private static final Pattern DIR_COMPUTED = Pattern.compile("(?i)\\bfor\\s+(?:Exec_Dir|Object_Dir)\\s+use\\s+(?!\"[^\"]*\"\\s*;)");
  /** The Builder package's renaming of a main's executable: {@code for Executable ("test_main.adb") use "run_tests";}. */
  private static final Pattern EXECUTABLE = Pattern.compile("(?i)\\bfor\\s+Executable\\s*\\(\\s*\"([^\"]+)\"\\s*\\)\\s+use\\s+\"([^\"]+)\"\\s*;");
  /** A comment to its line's end: a commented-out {@code for Main use} is none. */
  private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

  private AdaProject() {}

  /** The test command for the GNAT project in {@code root}, when one of its project files builds test programs. */
  static Optional<VerifyCommand> detect(Path root) {
    List<String> candidates = new ArrayList<>();
    for (String folder : new String[] {"", "tests/", "test/"}) {
      for (String gpr : gprFiles(root.resolve(folder.isEmpty() ? "." : folder))) {
        candidates.add(folder + gpr);
      }
    }
    for (String gpr : candidates) {
      String text = COMMENT.matcher(VerifyDetector.readOrEmpty(root.resolve(gpr))).replaceAll("");
      String name = gpr.substring(gpr.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (!WITH_AUNIT.matcher(text).find() && !name.contains("test")) {
        continue;
      }
      Optional<String> command = command(gpr, text);
      if (command.isPresent()) {
        return Optional.of(new VerifyCommand(command.get(), "detected: " + gpr + (WITH_AUNIT.matcher(text).find() ? " (AUnit)" : "")));
      }
    }
    return Optional.empty();
  }

  /** {@code gprbuild -p -P tests/tests.gpr && tests/bin/test_main}, or empty when the programs or their folder are not plain. */
  static Optional<String> command(String gpr, String text) {
    Matcher main = MAIN.matcher(text);
    if (!main.find() || DIR_COMPUTED.matcher(text).find()) {
      return Optional.empty();
    }
    String exec = null;
    String object = null;
    for (Matcher d = DIR.matcher(text); d.find(); ) {
      if (d.group(1).equalsIgnoreCase("Exec_Dir")) {
        exec = d.group(2);
      } else {
        object = d.group(2);
      }
    }
    String dir = exec != null ? exec : object != null ? object : ".";
    String base = gpr.contains("/") ? gpr.substring(0, gpr.lastIndexOf('/') + 1) : "";
    String folder = Path.of(base.isEmpty() ? "." : base).resolve(dir).normalize().toString();
    StringBuilder run = new StringBuilder("gprbuild -p -P " + gpr);
    Matcher programs = QUOTED.matcher(main.group(1));
    boolean any = false;
    while (programs.find()) {
      String program = programs.group(1);
      String renamed = null;
      for (Matcher e = EXECUTABLE.matcher(text); e.find(); ) {
        renamed = e.group(1).equalsIgnoreCase(program) ? e.group(2) : renamed;
      }
      program = renamed != null ? renamed : program.contains(".") ? program.substring(0, program.lastIndexOf('.')) : program;
      run.append(" && ").append(folder.isEmpty() || folder.equals(".") ? "./" : folder + "/").append(program);
      any = true;
    }
    return any ? Optional.of(run.toString()) : Optional.empty();
  }

  /** The {@code .gpr} files directly in {@code dir}, sorted; none when it cannot be read. */
  private static List<String> gprFiles(Path dir) {
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.gpr")) {
      for (Path p : entries) {
        if (Files.isRegularFile(p)) {
          found.add(p.getFileName().toString());
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return found;
    }
    found.sort(null);
    return found;
  }
}
