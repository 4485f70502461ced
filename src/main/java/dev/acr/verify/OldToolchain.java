package dev.acr.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiler older than the one the project asks for: the test command stops before compiling any
 * test, and every agent's attempt would end the same way. junegunn/fzf ({@code go 1.23.0}) and
 * jesseduffield/lazygit ({@code go 1.25.0}, {@code tool} and {@code ignore} directives) under
 * Debian 12's go 1.19 exit 1 with "errors parsing go.mod", which acr read as tests failing; cargo
 * says the same of a dependency's {@code rust-version} or a newer edition, in its own words; Bundler of a gemspec's Ruby, CMake of
 * {@code cmake_minimum_required}.
 */
final class OldToolchain {
  private OldToolchain() {}

  /**
   * Go before 1.21: {@code go.mod:3: invalid go version '1.25.0': must match format 1.23}; a go.work's too, {@code reading go.work:
   * /x/go.work:1: invalid go version '1.23.4'} (0x6d6e647a/learning_go_book: read as tests failing, as expected before a fix).
   */
  private static final Pattern INVALID_VERSION = Pattern.compile("(go\\.(?:mod|work)):\\d+: invalid go version '([^']+)': must match format");

  /** Go before 1.21 on directives newer than it: {@code go.mod:80: unknown directive: tool}. */
  private static final Pattern UNKNOWN_DIRECTIVE = Pattern.compile("(go\\.(?:mod|work)):\\d+: unknown directive: (toolchain|tool|ignore|godebug)$");

  /**
   * Go 1.21 and later, for go.mod, go.work or a dependency ({@code %v requires go >= %v (running go %v%v)} in go's source):
   * {@code go: go.mod requires go >= 1.25.0 (running go 1.22.2; GOTOOLCHAIN=local)}, {@code go: k8s.io/api@v0.30.0 requires go >= 1.22.0 ...}.
   */
  private static final Pattern REQUIRES = Pattern.compile("^go: (\\S+) requires go >= (\\S+) \\(running go (\\S+?)[;)]");

  /** Tests ran, so what they print is theirs: go's {@code --- FAIL:} and package lines, cargo's {@code test result:}. */
  private static final Pattern TESTS_RAN = Pattern.compile("^--- FAIL: |^(?:ok|FAIL)\\s+\\S+\\s+[\\d.]+s$|^test result: ");

  /**
   * A standard package newer than the go on PATH, which go calls missing from its own tree: {@code DataProcessor_test.go:10:2:
   * package slices is not in GOROOT (/usr/lib/go-1.19/src/slices)} (go 1.20 and before; later ones say "is not in std").
   * 0x6d6e647a/learning_go_book's tests under go 1.19 were a build failure a fix might mend; only these packages, each with the
   * Go that added it: a misspelt import is the code's to mend.
   */
  private static final Pattern NOT_IN_GOROOT = Pattern.compile("package (\\S+) is not in (?:GOROOT|std) \\(");
  private static final Map<String, String> NEWER_STD = Map.of("slices", "1.21", "maps", "1.21", "cmp", "1.21",
      "log/slog", "1.21", "math/rand/v2", "1.22", "iter", "1.23", "unique", "1.23", "structs", "1.23", "weak", "1.24", "crypto/ecdh", "1.20");

  /** Go 1.21 and later fetching the toolchain go.mod names: {@code go: download go1.25.0 for linux/amd64: ...}. */
  private static final Pattern DOWNLOAD = Pattern.compile("^go: download go(\\S+) for \\S+: (.+)$");

  private static final String TODO = " or newer (go.dev/dl; the go on PATH is what acr runs) or name another test command";

  /** Cargo 1.70+: {@code clap@4.5.0 requires rustc 1.74}, under "rustc 1.63.0 is not supported by the following package". */
  private static final Pattern CARGO_NOT_SUPPORTED = Pattern.compile("^error: rustc (\\S+) is not supported by the following packages?:");
  private static final Pattern CARGO_PACKAGE_NEEDS = Pattern.compile("^(\\S+@\\S+) requires rustc (\\S+)");
  /** Older cargo: {@code package `x v1` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.63.0}. */
  private static final Pattern CARGO_CANNOT_BUILD =
      Pattern.compile("package `([^`]+)` cannot be built because it requires rustc (\\S+) or newer, while the currently active rustc version is (\\S+)");
  /**
   * {@code The package requires the Cargo feature called `edition2024`, but that feature is not}
   * {@code stabilized in this version of Cargo (1.82.0 (8f40fc59f 2024-08-21)).}, often wrapped there.
   */
  private static final Pattern CARGO_FEATURE = Pattern.compile("requires the Cargo feature called `([^`]+)`, but that feature is not");
  private static final Pattern CARGO_VERSION = Pattern.compile("this version of Cargo \\((\\d[\\w.-]*)");

  private static final String RUST_TODO = " or newer (rustup update, or rustup's toolchain; the cargo on PATH is what acr runs) or name another test command";

  static Optional<CannotRun.Why> check(List<String> output) {
    // A test that runs go on a fixture's go.mod prints go's words too: only a run that compiled no test is the toolchain's.
    if (output.stream().anyMatch(l -> TESTS_RAN.matcher(l.strip()).find())) {
      return Optional.empty();
    }
    return go(output).or(() -> cargo(output)).or(() -> ruby(output)).or(() -> cmake(output)).or(() -> gambit(output));
  }

  /**
   * Gambit's gsi given a runtime option it does not know prints its usage and exits 64: Debian 12's Gambit 4.9.3 on
   * tani/athena's {@code gsi -:r7rs}, which a later Gambit reads. make echoes the command before it, which names the option.
   */
  private static final Pattern GAMBIT_USAGE = Pattern.compile("^Usage: program \\[-:OPTION,OPTION\\.\\.\\.\\]");
  private static final Pattern GAMBIT_OPTION = Pattern.compile("^gs[ic]\\s+(?:\\S+\\s+)*?-:(\\S+)");

  private static Optional<CannotRun.Why> gambit(List<String> output) {
    for (int i = 0; i < output.size(); i++) {
      if (GAMBIT_USAGE.matcher(output.get(i).strip()).find()) {
        String option = null;
        for (int j = i - 1; j >= 0 && option == null; j--) {
          Matcher m = GAMBIT_OPTION.matcher(output.get(j).strip());
          option = m.find() ? "-:" + m.group(1) : null;
        }
        return Optional.of(new CannotRun.Why("the installed Gambit does not know the runtime option" + (option == null ? "s" : " " + option)
            + " the test command gives it (gsi printed its usage)", "install a later Gambit (gambitscheme.org) or name another test command"));
      }
    }
    return Optional.empty();
  }

  /**
   * Bundler 2.3 (Debian 12's) on a gemspec's {@code required_ruby_version} the ruby on PATH does not meet: {@code Bundler found
   * conflicting requirements for the Ruby\0 version:}, then the requirement ({@code Ruby\0 (>= 3.3)}) and, under {@code Current
   * Ruby\0 version:}, the running one ({@code Ruby\0 (= 3.1.2)}). ankane/safely under Ruby 3.1: every agent was recorded failed.
   */
  private static final Pattern BUNDLER_CONFLICT = Pattern.compile("Bundler found conflicting requirements for the Ruby(?:\\\\0)? version");
  private static final Pattern BUNDLER_RUBY = Pattern.compile("^Ruby(?:\\\\0)? \\((.+)\\)$");
  /** Bundler 2.4 and later (PubGrub): {@code Because every version of x depends on Ruby >= 3.3}, {@code So, because current Ruby version is = 3.1.2,}. */
  private static final Pattern PUBGRUB_NEEDS = Pattern.compile("depends on Ruby ([<>=~!]+ ?[\\d.]+)");
  private static final Pattern PUBGRUB_CURRENT = Pattern.compile("current Ruby version is = ?([\\d.]+\\w*)");
  /** A Gemfile's {@code ruby "3.3.0"}: {@code Your Ruby version is 3.1.2, but your Gemfile specified 3.3.0}. */
  private static final Pattern GEMFILE_RUBY = Pattern.compile("Your Ruby version is (\\S+), but your Gemfile specified (\\S+)");

  private static final String RUBY_TODO = " (rbenv, or a newer distribution's ruby; the ruby on PATH is what acr runs) or name another test command";

  private static Optional<CannotRun.Why> ruby(List<String> output) {
    String needs = null;
    String running = null;
    boolean conflict = false;
    boolean current = false;
    for (String raw : output) {
      String line = raw.strip();
      Matcher m;
      if ((m = GEMFILE_RUBY.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("the Gemfile asks for Ruby " + m.group(2) + ", and this is Ruby " + m.group(1),
            "install Ruby " + m.group(2) + RUBY_TODO));
      }
      if (BUNDLER_CONFLICT.matcher(line).find()) {
        conflict = true;
      } else if (conflict && line.startsWith("Current Ruby")) {
        current = true;
      } else if (conflict && (m = BUNDLER_RUBY.matcher(line)).find()) {
        String version = m.group(1).replaceFirst("^= ?", "");
        if (current) {
          running = version;
        } else if (needs == null) {
          needs = version;
        }
      } else if ((m = PUBGRUB_NEEDS.matcher(line)).find() && needs == null) {
        needs = m.group(1);
      } else if ((m = PUBGRUB_CURRENT.matcher(line)).find()) {
        running = m.group(1);
      }
    }
    if (needs == null || running == null) {
      return Optional.empty();
    }
    String wanted = needs.replaceFirst("^[<>=~!]+ ?", "");
    return Optional.of(new CannotRun.Why("the project requires Ruby " + needs + ", and this is Ruby " + running
        + " (Bundler cannot resolve the Gemfile)", "install Ruby " + wanted + " or newer" + RUBY_TODO));
  }

  /**
   * {@code cmake_minimum_required} above the cmake on PATH: {@code CMake 3.27 or higher is required.  You are running version
   * 3.25.1} (n1belung63/pool-allocator under Debian 12's cmake), before any test is built.
   */
  private static final Pattern CMAKE_MINIMUM = Pattern.compile("CMake (\\S+) or higher is required\\.\\s+You are running version (\\S+)");

  /**
   * A CMake function from a dependency's module that is not there: {@code Unknown CMake command "add_cmocka_test".} (endriau/mads:
   * Debian's libcmocka-dev has cmocka's config, so the project's find_package finds it and does not fetch cmocka, but not its
   * AddCMockaTest.cmake). The configure stops before any test is built; acr said "tests fail (exit 1), as expected before a fix".
   * Empty when the prompt names the command: then mending the CMake files is the task.
   */
  private static final Pattern CMAKE_UNKNOWN = Pattern.compile("Unknown CMake command \"([\\w.-]+)\"");
  private static final java.util.Map<String, String> CMAKE_MODULES = java.util.Map.of(
      "add_cmocka_test", "cmocka's AddCMockaTest.cmake (in cmocka's source, cmake/Modules; Debian's libcmocka-dev does not ship it)",
      "gtest_discover_tests", "GoogleTest's module: include(GoogleTest) before the call (CMake 3.10 or newer)",
      "catch_discover_tests", "Catch2's Catch.cmake (Debian's catch2), found through CMAKE_MODULE_PATH");

  static Optional<CannotRun.Why> unknownCmakeCommand(List<String> output, String asked) {
    for (String raw : output) {
      Matcher m = CMAKE_UNKNOWN.matcher(raw);
      if (m.find()) {
        String module = CMAKE_MODULES.get(m.group(1));
        return CannotRun.notAsked(asked, m.group(1), new CannotRun.Why("CMake does not know the command " + m.group(1)
            + " that the project's CMake files call: the module that defines it is not installed or not found",
            "install " + (module != null ? module : "the package whose CMake module defines it (the project's README or CI names it)")
                + ", or name another test command"));
      }
    }
    return Optional.empty();
  }

  private static Optional<CannotRun.Why> cmake(List<String> output) {
    for (String raw : output) {
      Matcher m = CMAKE_MINIMUM.matcher(raw);
      if (m.find()) {
        return Optional.of(new CannotRun.Why("the project's cmake_minimum_required asks for CMake " + m.group(1) + ", and this is CMake "
            + m.group(2), "install CMake " + m.group(1) + " or newer (cmake.org/download or pip install cmake; the cmake on PATH is what"
            + " acr runs) or name another test command"));
      }
    }
    return Optional.empty();
  }

  private static Optional<CannotRun.Why> cargo(List<String> output) {
    String unsupported = null;
    for (int i = 0; i < output.size(); i++) {
      String line = output.get(i).strip();
      Matcher m;
      if ((m = CARGO_CANNOT_BUILD.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("the dependency " + m.group(1) + " needs rustc " + m.group(2) + " or newer, and this is rustc "
            + m.group(3), "install Rust " + m.group(2) + RUST_TODO));
      }
      if ((m = CARGO_FEATURE.matcher(line)).find()) {
        Matcher v = CARGO_VERSION.matcher(line + " " + (i + 1 < output.size() ? output.get(i + 1).strip() : ""));
        return Optional.of(new CannotRun.Why("this Cargo" + (v.find() ? " (" + v.group(1) + ")" : "") + " does not have the feature "
            + m.group(1) + " a manifest needs", "install a newer Rust" + RUST_TODO.substring(" or newer".length())));
      }
      if ((m = CARGO_NOT_SUPPORTED.matcher(line)).find()) {
        unsupported = m.group(1);
      } else if (unsupported != null && (m = CARGO_PACKAGE_NEEDS.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("the dependency " + m.group(1) + " needs rustc " + m.group(2) + " or newer, and this is rustc "
            + unsupported, "install Rust " + m.group(2) + RUST_TODO));
      }
    }
    return Optional.empty();
  }

  private static Optional<CannotRun.Why> go(List<String> output) {
    String wanted = null;
    String file = null;
    for (String raw : output) {
      String line = raw.strip();
      Matcher m;
      if ((m = REQUIRES.matcher(line)).find()) {
        String who = m.group(1).endsWith("go.mod") || m.group(1).endsWith("go.work") ? m.group(1) : "the dependency " + m.group(1);
        return Optional.of(new CannotRun.Why(who + " requires go " + m.group(2) + " or newer, and this is go " + m.group(3),
            "install Go " + m.group(2) + TODO));
      }
      if ((m = DOWNLOAD.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("go could not download Go " + m.group(1) + ", which go.mod asks for (" + m.group(2) + ")",
            "install Go " + m.group(1) + TODO));
      }
      if ((m = NOT_IN_GOROOT.matcher(line)).find() && NEWER_STD.containsKey(m.group(1))) {
        String since = NEWER_STD.get(m.group(1));
        return Optional.of(new CannotRun.Why("the go on PATH is older than the standard package " + m.group(1) + " the code imports"
            + " (Go " + since + " added it)", "install Go " + since + TODO));
      }
      if ((m = INVALID_VERSION.matcher(line)).find()) {
        wanted = m.group(2);
        file = m.group(1);
      } else if (file == null && (m = UNKNOWN_DIRECTIVE.matcher(line)).find()) {
        file = m.group(1);
      }
    }
    if (file == null) {
      return Optional.empty();
    }
    String version = wanted == null ? "the version " + file + " names" : wanted;
    return Optional.of(new CannotRun.Why("the go on PATH is too old to read " + file + " (it asks for go " + version + ")",
        "install Go " + version + TODO));
  }
}
