package dev.acr.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.acr.live.Binaries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs some tests need beyond Java, Maven, git and python3 (Go, Node, pytest, tmux, busted, bats, crystal, raco, swipl, gfortran, meson, guile, sbcl, Django). A
 * test that lacks one is skipped with one line saying which and how to install it, so the
 * README's {@code mvn -B verify} passes on a plain machine; with {@code ACR_REQUIRE_TOOLS=1}
 * (CI sets it in .ci/run) a missing tool fails the test instead, so CI cannot skip silently.
 */
public final class Toolchains {

  /** A program, the command that proves it works, and how to get it. */
  public record Tool(String name, List<String> probe, String install) {}

  public static final Tool GO = new Tool("go", List.of("go", "version"), "apt-get install golang-go");
  public static final Tool NODE = new Tool("node", List.of("node", "--version"), "apt-get install nodejs");
  public static final Tool PYTEST =
      new Tool("pytest", List.of("python3", "-m", "pytest", "--version"), "apt-get install python3-pytest");
  public static final Tool MAVEN = new Tool("mvn", List.of("mvn", "-v"), "apt-get install maven");
  public static final Tool TMUX = new Tool("tmux", List.of("tmux", "-V"), "apt-get install tmux");
  public static final Tool BUSTED = new Tool("busted", List.of("busted", "--version"), "apt-get install lua-busted");
  public static final Tool BATS = new Tool("bats", List.of("bats", "--version"), "apt-get install bats");
  public static final Tool CRYSTAL = new Tool("crystal", List.of("crystal", "--version"), "apt-get install crystal");
  public static final Tool RACO = new Tool("raco", List.of("raco", "test", "--help"), "apt-get install racket");
  public static final Tool CMAKE = new Tool("cmake", List.of("cmake", "--version"), "apt-get install cmake");
  public static final Tool GFORTRAN = new Tool("gfortran", List.of("gfortran", "--version"), "apt-get install gfortran");
  public static final Tool SWIPL = new Tool("swipl", List.of("swipl", "--version"), "apt-get install swi-prolog-nox");
  public static final Tool MESON = new Tool("meson", List.of("meson", "--version"), "apt-get install meson ninja-build");
  public static final Tool NINJA = new Tool("ninja", List.of("ninja", "--version"), "apt-get install ninja-build");
  public static final Tool CC = new Tool("cc", List.of("cc", "--version"), "apt-get install gcc");
  public static final Tool AUTORECONF = new Tool("autoreconf", List.of("autoreconf", "--version"), "apt-get install autoconf automake");
  public static final Tool PKG_CONFIG = new Tool("pkg-config", List.of("pkg-config", "--version"), "apt-get install pkg-config");
  public static final Tool GUILE = new Tool("guile", List.of("guile", "--version"), "apt-get install guile-3.0");
  public static final Tool SBCL = new Tool("sbcl", List.of("sbcl", "--version"), "apt-get install sbcl");
  /** Debian's FiveAM, where SBCL's ASDF finds it (/usr/share/common-lisp): the probe fails when no registry holds it. */
  public static final Tool FIVEAM = new Tool("FiveAM", List.of("sbcl", "--noinform", "--non-interactive", "--no-userinit", "--eval",
      "(require :asdf)", "--eval", "(asdf:find-system \"fiveam\")"), "apt-get install cl-fiveam");
  public static final Tool DJANGO = new Tool("Django", List.of("python3", "-c", "import django"), "apt-get install python3-django");
  public static final Tool MAKE = new Tool("make", List.of("make", "--version"), "apt-get install make");
  public static final Tool GPRBUILD = new Tool("gprbuild", List.of("gprbuild", "--version"), "apt-get install gprbuild gnat");
  public static final Tool AUNIT = new Tool("AUnit", List.of("test", "-f", "/usr/share/gpr/aunit.gpr"), "apt-get install libaunit22-dev");
  public static final Tool DENO = new Tool("deno", List.of("deno", "--version"), "npm install -g deno");
  public static final Tool HAXE = new Tool("haxe", List.of("haxe", "--version"), "apt-get install haxe");
  public static final Tool NEKO = new Tool("neko", List.of("neko", "-version"), "apt-get install neko");
  public static final Tool ANT = new Tool("ant", List.of("ant", "-version"), "apt-get install ant");
  /** Ant's junit task (Debian's ant-optional) and JUnit 4 where Debian puts it. */
  public static final Tool ANT_JUNIT = new Tool("Ant's junit task and JUnit 4", List.of("test", "-f", "/usr/share/ant/lib/ant-junit.jar",
      "-a", "-f", "/usr/share/java/junit4.jar", "-a", "-f", "/usr/share/java/hamcrest-core.jar"), "apt-get install ant-optional junit4");
  public static final Tool GFORTH = new Tool("gforth", List.of("gforth", "--version"), "apt-get install gforth");
  public static final Tool CHEZ_SCHEME = new Tool("Chez Scheme", List.of("scheme", "--version"), "apt-get install chezscheme");
  /** Icarus Verilog: iverilog compiles a design and its testbench, vvp runs the simulation. */
  public static final Tool IVERILOG = new Tool("iverilog", List.of("vvp", "-V"), "apt-get install iverilog");
  public static final Tool CHICKEN = new Tool("chicken-install", List.of("chicken-install", "-version"), "apt-get install chicken-bin");

  public static final String REQUIRE = "ACR_REQUIRE_TOOLS";

  private Toolchains() {}

  /** Skips (or with ACR_REQUIRE_TOOLS=1 fails) the calling test unless every tool runs. */
  public static void require(String test, Tool... needed) {
    require(test, System.getenv(), needed);
  }

  public static void require(String test, Map<String, String> env, Tool... needed) {
    List<Tool> missing = missing(List.of(needed), env);
    if (missing.isEmpty()) {
      return;
    }
    String why = test + " needs " + missing.stream().map(t -> t.name() + " (" + t.install() + ")")
        .collect(Collectors.joining(", ")) + ", not found on PATH";
    skipOrFail(why, env);
  }

  /**
   * One line on the console, because an aborted test shows up only as a count, then a skip; or a
   * failure when {@code ACR_REQUIRE_TOOLS=1}.
   */
  public static void skipOrFail(String why, Map<String, String> env) {
    if ("1".equals(env.get(REQUIRE))) {
      fail(why + " (" + REQUIRE + "=1 forbids skipping)");
    }
    System.err.println("acr-test: skipped: " + why + "; set " + REQUIRE + "=1 to fail instead");
    Assumptions.abort("skipped: " + why);
  }

  /**
   * The tools whose probe does not exit 0 with {@code env}'s PATH. The program is looked up on
   * that PATH here: the JDK would search the test JVM's own PATH instead.
   */
  public static List<Tool> missing(List<Tool> needed, Map<String, String> env) {
    List<Tool> missing = new ArrayList<>();
    for (Tool t : needed) {
      if (!runs(t.probe(), env)) {
        missing.add(t);
      }
    }
    return missing;
  }

  private static boolean runs(List<String> probe, Map<String, String> env) {
    String path = env.get("PATH");
    Path program = Binaries.find(probe.get(0), path, Path.of(".")).orElse(null);
    if (program == null) {
      return false;
    }
    List<String> argv = new ArrayList<>(probe);
    argv.set(0, program.toString());
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PATH", path);
    try {
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
