package dev.acr.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A repository's main language: build files say it first; source file extensions break ties
 * (a Django app with a package.json for its assets is still Python) and decide when there is no
 * build file.
 */
final class Languages {

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("java", "java"),
          Map.entry("kt", "kotlin"),
          Map.entry("kts", "kotlin"),
          Map.entry("py", "python"),
          Map.entry("js", "javascript"),
          Map.entry("jsx", "javascript"),
          Map.entry("mjs", "javascript"),
          Map.entry("cjs", "javascript"),
          // CoffeeScript, literate too; its packages often commit the compiled .js beside it (xml2js: src/*.coffee, lib/*.js).
          Map.entry("coffee", "coffeescript"),
          Map.entry("litcoffee", "coffeescript"),
          Map.entry("ts", "typescript"),
          Map.entry("tsx", "typescript"),
          Map.entry("go", "go"),
          Map.entry("rs", "rust"),
          Map.entry("cs", "csharp"),
          Map.entry("fs", "fsharp"), // or Forth's: see forthNotFsharp
          Map.entry("fth", "forth"),
          Map.entry("4th", "forth"),
          Map.entry("c", "c"),
          Map.entry("cpp", "cpp"),
          Map.entry("cc", "cpp"),
          Map.entry("cxx", "cpp"),
          Map.entry("hpp", "cpp"),
          Map.entry("hh", "cpp"),
          Map.entry("rb", "ruby"),
          Map.entry("php", "php"),
          Map.entry("swift", "swift"),
          Map.entry("scala", "scala"),
          Map.entry("groovy", "groovy"),
          // Scala scripts: Ammonite's and scala-cli's, Mill's build.sc (SuperCollider's classes share it; they are rare here).
          Map.entry("sc", "scala"),
          Map.entry("dart", "dart"),
          Map.entry("ex", "elixir"),
          Map.entry("exs", "elixir"),
          Map.entry("hs", "haskell"),
          Map.entry("lua", "lua"),
          Map.entry("clj", "clojure"),
          Map.entry("cljc", "clojure"),
          Map.entry("cljs", "clojure"),
          Map.entry("nim", "nim"),
          Map.entry("cr", "crystal"),
          Map.entry("rkt", "racket"),
          // Guile's and the other Schemes' files (R7RS libraries .sld, R6RS libraries .sls and programs .sps, Chez's .ss); Racket's own
          // are .rkt (above).
          Map.entry("scm", "scheme"),
          Map.entry("sld", "scheme"),
          Map.entry("sls", "scheme"),
          Map.entry("sps", "scheme"),
          Map.entry("ss", "scheme"),
          // Common Lisp: source files and ASDF's system files; not ".cl", which OpenCL kernels share, nor Emacs Lisp's ".el".
          Map.entry("lisp", "commonlisp"),
          Map.entry("asd", "commonlisp"),
          // Not ".d": make's dependency files and DTrace scripts share it; a dub manifest names D (below).
          Map.entry("el", "emacslisp"),
          Map.entry("tcl", "tcl"),
          Map.entry("vala", "vala"),
          Map.entry("hx", "haxe"),
          Map.entry("elm", "elm"),
          // COBOL programs and copybooks (GnuCOBOL's cobc compiles .cbl and .cob alike).
          Map.entry("cbl", "cobol"),
          Map.entry("cob", "cobol"),
          Map.entry("cpy", "cobol"),
          Map.entry("pm", "perl"),
          // Raku's modules, scripts and tests (timo/json_fast, all .pm6 and .t, was "unknown"); its .t files count for neither.
          Map.entry("rakumod", "raku"),
          Map.entry("pm6", "raku"),
          Map.entry("raku", "raku"),
          Map.entry("p6", "raku"),
          Map.entry("rakutest", "raku"),
          Map.entry("t6", "raku"),
          Map.entry("pl", "perl"), // or Prolog's: see prologNotPerl
          Map.entry("plt", "prolog"),
          Map.entry("sh", "shell"),
          // rbenv/rbenv is .bats tests and .bash hooks around extensionless scripts: shell, not its one .rb.
          Map.entry("bash", "shell"),
          Map.entry("bats", "shell"),
          Map.entry("zsh", "shell"),
          Map.entry("ml", "ocaml"),
          Map.entry("mli", "ocaml"),
          Map.entry("erl", "erlang"),
          Map.entry("zig", "zig"),
          Map.entry("jl", "julia"),
          // Free-form Fortran (.f90 and the later standards' names; .F90 is preprocessed) and fixed-form (.f, .for).
          Map.entry("f90", "fortran"),
          Map.entry("f95", "fortran"),
          Map.entry("f03", "fortran"),
          Map.entry("f08", "fortran"),
          Map.entry("f", "fortran"),
          Map.entry("for", "fortran"),
          Map.entry("r", "r"),
          // Free Pascal and Delphi units and programs; not ".pp", which Puppet's manifests share.
          Map.entry("pas", "pascal"),
          Map.entry("lpr", "pascal"),
          Map.entry("dpr", "pascal"),
          Map.entry("adb", "ada"),
          // Standard ML: structures, signatures and functors (uenoB/short was "unknown"); its .mlb and .cm are build files.
          Map.entry("sml", "standardml"),
          Map.entry("sig", "standardml"),
          Map.entry("fun", "standardml"),
          // Hardware designs (secworks/sha256 was "python" for its one model script). .v and .vh: coqNotVerilog.
          Map.entry("sv", "systemverilog"),
          Map.entry("svh", "systemverilog"),
          Map.entry("vhd", "vhdl"),
          Map.entry("vhdl", "vhdl"),
          Map.entry("ads", "ada"));
  // .h is left out on purpose: it is C and C++ alike, the .c or .cpp files decide.

  private Languages() {}

  /** The language of the repository at {@code root} whose (tracked) files are {@code files}. */
  static String detect(Path root, List<String> files) {
    Map<String, Integer> counts = count(files);
    prologNotPerl(root, files, counts);
    coqNotVerilog(root, files, counts);
    forthNotFsharp(root, files, counts);
    List<String> candidates = fromBuildFiles(root, counts);
    String best = null;
    for (String c : candidates) {
      if (best == null || counts.getOrDefault(c, 0) > counts.getOrDefault(best, 0)) {
        best = c;
      }
    }
    String top = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (top == null || ranksBefore(e.getKey(), e.getValue(), top, counts.get(top))) {
        top = e.getKey();
      }
    }
    // A build file whose language has no file here is not the project's: kgabis/parson is C with a
    // package.json (for clib) and no JavaScript at all.
    boolean empty = best != null && counts.getOrDefault(best, 0) == 0;
    return best != null && (!empty || top == null || top.equals("shell")) ? best : top;
  }

  /**
   * The most files first; on a tie, not shell (shell scripts are glue in most repositories: only
   * a repository of nothing else is "shell"), then by name. A comparison written out, not the
   * JDK's comparator combinators: those are serialisable lambdas, which class-data sharing cannot
   * archive, so each would be spun as a new class on every start.
   */
  private static boolean ranksBefore(String a, int countA, String b, int countB) {
    if (countA != countB) {
      return countA > countB;
    }
    boolean shellA = a.equals("shell");
    if (shellA != b.equals("shell")) {
      return !shellA;
    }
    return a.compareTo(b) < 0;
  }

  static Map<String, Integer> count(List<String> files) {
    Map<String, Integer> counts = new HashMap<>();
    for (String f : files) {
      int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
      int dot = f.lastIndexOf('.');
      // Gradle's Kotlin DSL scripts sit in plenty of Java projects: they say nothing of the code.
      if (dot > slash + 1 && !f.endsWith(".gradle.kts")) {
        String lang = BY_EXTENSION.get(f.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (lang != null) {
          counts.put(lang, counts.getOrDefault(lang, 0) + 1);
        }
      }
    }
    return counts;
  }

  /**
   * {@code .v} is Coq's and Verilog's: Coq's where a {@code _CoqProject} is at the root. xavierleroy/cdf-mech-sem (13 .v files
   * and the HTML of their documentation, with its scripts) read "javascript". Verilog's (with its {@code .vh} headers) where
   * the first .v file read opens a module or a compiler directive, which Coq's never do (its modules are {@code Module}).
   */
  private static void coqNotVerilog(Path root, List<String> files, Map<String, Integer> counts) {
    int v = (int) files.stream().filter(f -> f.endsWith(".v")).count();
    if (v == 0) {
      return;
    }
    if (Files.isRegularFile(root.resolve("_CoqProject"))) {
      counts.put("coq", v);
    } else if (VERILOG.matcher(head(root.resolve(files.stream().filter(f -> f.endsWith(".v")).findFirst().orElseThrow()))).find()) {
      counts.put("verilog", v + (int) files.stream().filter(f -> f.endsWith(".vh")).count());
    }
  }

  /** Verilog's own first words: {@code module}, {@code `timescale}, {@code `include}, {@code `default_nettype}... */
  private static final Pattern VERILOG = Pattern.compile("(?m)^\\s*(?:module|macromodule|primitive|`(?:timescale|include|define|default_nettype|ifndef|ifdef))\\b");

  /**
   * {@code .fs} is F#'s and Forth's (irdvo/ffl, 250 .fs files of Forth, read "fsharp"): Forth's where no F# project file is
   * at the root and most of the first .fs files read hold a line only Forth's can ({@link #FORTH}).
   */
  private static void forthNotFsharp(Path root, List<String> files, Map<String, Integer> counts) {
    Integer fs = counts.get("fsharp");
    if (fs == null || hasFileEndingWith(root, ".fsproj", ".sln") || !mostHold(root, files.stream().filter(f -> f.endsWith(".fs")).toList(), FORTH)) {
      return;
    }
    counts.remove("fsharp");
    counts.merge("forth", fs, Integer::sum);
  }

  /**
   * Forth's colon definition, line comment, file loaded ({@code include x.fs}, {@code require x.fs}) or test ({@code T{ 1 -> 1 }T})
   * at the start of a line: a test file may hold only the last two. F# has none of them ({@code //}, {@code let}, {@code open}).
   */
  private static final Pattern FORTH = Pattern.compile("(?m)^(?::[ \\t]+\\S|\\\\(?:[ \\t]|$)|(?i:include|require|needs)[ \\t]+\\S|[Tt]\\{\\s)");

  /** The first 16 KB of {@code file}, any bytes read as Latin-1; empty when it cannot be read. */
  private static String head(Path file) {
    try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      char[] head = new char[16_384];
      int n = in.read(head);
      return n > 0 ? new String(head, 0, n) : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** A Prolog directive at the start of a line, {@code :- module(subsumes, [...]).}: Perl has no such line. */
  private static final Pattern PROLOG_DIRECTIVE = Pattern.compile("(?m)^:-\\s*[a-z]");

  /**
   * {@code .pl} is Perl's and Prolog's. The files are Prolog's in an SWI-Prolog pack (a pack.pl
   * naming it) or when most of the first few read as Prolog (a line opening with a {@code :-}
   * directive); GeoffChurch/subsumes was "perl" before this.
   */
  private static void prologNotPerl(Path root, List<String> files, Map<String, Integer> counts) {
    List<String> pl = new ArrayList<>();
    for (String f : files) {
      if (f.toLowerCase(Locale.ROOT).endsWith(".pl")) {
        pl.add(f);
      }
    }
    if (pl.isEmpty() || !(dev.acr.verify.BuildTools.isPrologPack(root) || mostHold(root, pl, PROLOG_DIRECTIVE))) {
      return;
    }
    int perl = counts.getOrDefault("perl", 0) - pl.size();
    if (perl > 0) {
      counts.put("perl", perl);
    } else {
      counts.remove("perl");
    }
    counts.merge("prolog", pl.size(), Integer::sum);
  }

  /** Whether most of the first five of these files that can be read and hold something hold a match of {@code p} in their {@link #head}. */
  private static boolean mostHold(Path root, List<String> files, Pattern p) {
    int read = 0;
    int held = 0;
    for (String f : files) {
      if (read == 5) {
        break;
      }
      String text = head(root.resolve(f));
      if (text.isBlank()) {
        continue; // unreadable, or kper/fasm's empty output.fs, which its tests write: says nothing
      }
      read++;
      held += p.matcher(text).find() ? 1 : 0;
    }
    return read > 0 && held * 2 > read;
  }

  /** Languages the root's build files declare, in order of trust. */
  private static List<String> fromBuildFiles(Path root, Map<String, Integer> counts) {
    List<String> out = new ArrayList<>();
    Path jvmBuild =
        firstExisting(
            root, "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts");
    if (jvmBuild != null) {
      int kt = counts.getOrDefault("kotlin", 0);
      int java = counts.getOrDefault("java", 0);
      boolean kotlin =
          kt > java
              || (kt == 0 && java == 0
                  && (Files.isDirectory(root.resolve("src/main/kotlin"))
                      || mentionsKotlin(jvmBuild)));
      // A Scala or Groovy project built with Maven (scala-maven-plugin, GMavenPlus) or Gradle: its .scala or .groovy files
      // outnumber the others (spockframework/spock-example, all Spock specifications, was "java").
      int scala = counts.getOrDefault("scala", 0);
      int groovy = counts.getOrDefault("groovy", 0);
      out.add(scala > Math.max(kt, java) && scala >= groovy ? "scala" : groovy > Math.max(kt, java) ? "groovy"
          : kotlin ? "kotlin" : "java");
    }
    if (Files.isRegularFile(root.resolve("package.json"))) {
      boolean ts =
          Files.isRegularFile(root.resolve("tsconfig.json"))
              || counts.getOrDefault("typescript", 0) > counts.getOrDefault("javascript", 0);
      int js = counts.getOrDefault("javascript", 0);
      int coffee = counts.getOrDefault("coffeescript", 0);
      out.add(ts ? "typescript" : coffee > js ? "coffeescript" : "javascript");
    }
    if (firstExisting(
            root, "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "Pipfile")
        != null) {
      out.add("python");
    }
    addIf(out, root, "go.mod", "go");
    addIf(out, root, "Cargo.toml", "rust");
    if (hasFileEndingWith(root, ".csproj", ".sln")) {
      out.add("csharp");
    } else if (hasFileEndingWith(root, ".fsproj")) {
      out.add("fsharp");
    }
    addIf(out, root, "Gemfile", "ruby");
    addIf(out, root, "composer.json", "php");
    addIf(out, root, "Package.swift", "swift");
    addIf(out, root, "build.sbt", "scala");
    addIf(out, root, "mix.exs", "elixir");
    addIf(out, root, "dune-project", "ocaml");
    addIf(out, root, "_CoqProject", "coq");
    addIf(out, root, "elm.json", "elm");
    if (firstExisting(root, "cabal.project", "stack.yaml") != null || hasFileEndingWith(root, ".cabal")) {
      out.add("haskell");
    }
    addIf(out, root, "pubspec.yaml", "dart");
    addIf(out, root, "rebar.config", "erlang");
    if (firstExisting(root, "project.clj", "deps.edn") != null) {
      out.add("clojure");
    }
    if (hasFileEndingWith(root, ".nimble")) {
      out.add("nim");
    }
    if (firstExisting(root, "dub.json", "dub.sdl") != null) {
      out.add("d");
    }
    addIf(out, root, "shard.yml", "crystal");
    addIf(out, root, "fpm.toml", "fortran");
    addIf(out, root, "build.zig", "zig");
    addIf(out, root, "Project.toml", "julia");
    if (dev.acr.verify.BuildTools.isRacketPackage(root)) {
      out.add("racket");
    }
    if (dev.acr.verify.BuildTools.isRPackage(root)) {
      out.add("r");
    }
    if (dev.acr.verify.BuildTools.isPrologPack(root)) {
      out.add("prolog");
    }
    if (Files.isRegularFile(root.resolve("meson.build"))) {
      out.addAll(dev.acr.verify.MesonBuild.languages(root)); // not before: its patterns would compile at every start
    }
    return out;
  }

  private static void addIf(List<String> out, Path root, String file, String language) {
    if (Files.isRegularFile(root.resolve(file))) {
      out.add(language);
    }
  }

  private static Path firstExisting(Path root, String... names) {
    for (String n : names) {
      Path p = root.resolve(n);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static boolean mentionsKotlin(Path buildFile) {
    try {
      String text = Files.readString(buildFile);
      return text.contains("org.jetbrains.kotlin") || text.contains("kotlin(");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasFileEndingWith(Path root, String... suffixes) {
    return dev.acr.verify.PackageFolder.fileEndingWith(root, suffixes) != null;
  }
}
