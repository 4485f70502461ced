package dev.acr.context;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.RepoConfig;
import dev.acr.git.GitFixture;
import dev.acr.verify.VerifyCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoInspectorTest {

  @TempDir Path tmp;

  @BeforeEach
  void realPath() throws Exception {
    tmp = tmp.toRealPath();
  }

  @Test
  void cleanMavenRepository() throws Exception {
    Path repo =
        GitFixture.withCommit(
            tmp.resolve("repo"),
            Map.of("pom.xml", "<project/>", "src/main/java/A.java", "class A {}\n"));
    Files.createDirectories(repo.resolve("src/main"));

    RepoSignals s = RepoInspector.inspect(repo.resolve("src/main"), null);

    assertThat(s.root()).isEqualTo(repo);
    assertThat(s.git()).isTrue();
    assertThat(s.branch()).isEqualTo("main");
    assertThat(s.dirty()).isFalse();
    assertThat(s.changedFiles()).isZero();
    assertThat(s.language()).isEqualTo("java");
    assertThat(s.verify()).isEqualTo(new VerifyCommand("mvn -B test", "detected: pom.xml"));
  }

  @Test
  void aPackageFolderOfAMonorepoDecidesLanguageTestCommandAndWhereTheyRun() throws Exception {
    Path repo =
        GitFixture.withCommit(
            tmp.resolve("repo"),
            Map.of(
                "pyproject.toml", "[tool.pytest.ini_options]\n",
                "a.py", "a\n", "b.py", "b\n", "c.py", "c\n",
                "packages/web/package.json", "{\"scripts\": {\"test\": \"vitest run\"}}\n",
                "packages/web/tsconfig.json", "{}\n",
                "packages/web/src/app.ts", "export {}\n",
                "packages/web/.acr/config.json", "{}\n"));

    RepoSignals s = RepoInspector.inspect(repo.resolve("packages/web/src"), null);

    assertThat(s.root()).isEqualTo(repo);
    assertThat(s.packageDir()).isEqualTo(repo.resolve("packages/web"));
    assertThat(s.packagePath()).isEqualTo("packages/web");
    assertThat(s.packageMarker()).isEqualTo("package.json");
    assertThat(s.language()).isEqualTo("typescript");
    assertThat(s.verify()).isEqualTo(new VerifyCommand("npm test", "detected: package.json"));
    assertThat(s.repoConfig().file()).isEqualTo(repo.resolve("packages/web/.acr/config.json"));

    RepoSignals top = RepoInspector.inspect(repo, null);
    assertThat(top.packagePath()).isEmpty();
    assertThat(top.language()).isEqualTo("python");
    assertThat(top.verify().command()).isEqualTo("python3 -m pytest -q");
    assertThat(top.repoConfig()).isEqualTo(RepoConfig.NONE);
  }

  @Test
  void dirtyRepositoryCountsChangesWithoutWritingTheIndex() throws Exception {
    Path repo =
        GitFixture.withCommit(
            tmp.resolve("repo"), Map.of("a.py", "a\n", "b.py", "b\n", "c.py", "c\n"));
    write(repo, "a.py", "changed\n");
    git(repo, "mv", "b.py", "renamed.py");
    write(repo, "newdir/one.py", "1\n");
    write(repo, "newdir/two.py", "2\n");
    byte[] index = Files.readAllBytes(repo.resolve(".git/index"));

    RepoSignals s = RepoInspector.inspect(repo, "pytest -x");

    assertThat(s.dirty()).isTrue();
    assertThat(s.changedFiles()).isEqualTo(4);
    assertThat(s.language()).isEqualTo("python");
    assertThat(s.verify()).isEqualTo(new VerifyCommand("pytest -x", "--verify"));
    assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(index);
  }

  @Test
  void unignoredDependencyFoldersAreNotUncommittedChanges() throws Exception {
    Path repo =
        GitFixture.withCommit(
            tmp.resolve("repo"),
            Map.of("app.py", "a\n", "packages/web/package.json", "{}\n", "vendor/lib.py", "v\n"));
    for (int i = 0; i < 30; i++) {
      write(repo, ".venv/lib/python3.12/site-packages/pkg/m" + i + ".py", "\n");
      write(repo, "packages/web/node_modules/left-pad/f" + i + ".js", "\n");
    }
    write(repo, "app.py", "changed\n");
    write(repo, "notes/venv.md", "mine\n");
    // A committed vendor/ is source: a new file in it is the user's work.
    write(repo, "vendor/new.py", "n\n");

    RepoSignals s = RepoInspector.inspect(repo, null);

    assertThat(s.changedFiles()).isEqualTo(3);
    assertThat(RepoInspector.inspect(repo.resolve("packages/web"), null).changedFiles()).isEqualTo(3);
    // A folder merely named like one, that is not a real folder of installed packages, counts.
    Files.createSymbolicLink(repo.resolve("packages/node_modules"), repo.resolve("packages/web/node_modules"));
    assertThat(RepoInspector.inspect(repo, null).changedFiles()).isEqualTo(4);
  }

  @Test
  void detachedHeadHasNoBranchAndUnbornBranchHasItsName() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("main.go", "package main\n"));
    git(repo, "checkout", "-q", "--detach");
    assertThat(RepoInspector.inspect(repo, null).branch()).isNull();

    Path fresh = GitFixture.init(tmp.resolve("fresh"));
    write(fresh, "x.rb", "puts 1\n");
    RepoSignals s = RepoInspector.inspect(fresh, null);
    assertThat(s.branch()).isEqualTo("main");
    assertThat(s.changedFiles()).isEqualTo(1);
    assertThat(s.language()).isNull(); // nothing tracked yet, no build file
  }

  @Test
  void fromASubdirectoryOrItsGitDirectoryTheAnswerIsAboutTheWholeRepository() throws Exception {
    // git status and ls-files run in the directory given, alongside rev-parse: their answers must
    // still be the top level's, and outside a work tree they must not matter.
    Path repo =
        GitFixture.withCommit(
            tmp.resolve("repo"),
            Map.of("a.py", "a\n", "b.py", "b\n", "c.py", "c\n", "tools/gen/main.go", "package main\n"));
    write(repo, "a.py", "changed\n");
    write(repo, "docs/new.md", "new\n");

    RepoSignals top = RepoInspector.inspect(repo, null);
    RepoSignals sub = RepoInspector.inspect(repo.resolve("tools/gen"), null);

    assertThat(sub).isEqualTo(top);
    assertThat(sub.root()).isEqualTo(repo.toRealPath());
    assertThat(sub.changedFiles()).isEqualTo(2);
    assertThat(sub.language()).isEqualTo("python");
    RepoSignals inGitDir = RepoInspector.inspect(repo.resolve(".git"), null);
    assertThat(inGitDir.git()).isFalse();
    assertThat(inGitDir.root()).isEqualTo(repo.resolve(".git"));
  }

  @Test
  void outsideGitScansFilesButSkipsDependencies() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plain"));
    write(dir, "main.c", "int main(){}\n");
    write(dir, "util.c", "\n");
    write(dir, "util.h", "\n");
    write(dir, "x.h", "\n");
    for (int i = 0; i < 5; i++) {
      write(dir, "node_modules/lib/f" + i + ".js", "\n");
      write(dir, ".venv/f" + i + ".py", "\n");
    }

    RepoSignals s = RepoInspector.inspect(dir, null);

    assertThat(s.git()).isFalse();
    assertThat(s.root()).isEqualTo(dir);
    assertThat(s.branch()).isNull();
    assertThat(s.dirty()).isFalse();
    assertThat(s.language()).isEqualTo("c");
    assertThat(s.verify()).isNull();
  }

  @Test
  void buildFilesDecideTheLanguage() throws Exception {
    assertThat(languageOf(Map.of("package.json", "{}", "tsconfig.json", "{}"))).isEqualTo("typescript");
    assertThat(languageOf(Map.of("package.json", "{}", "index.js", ""))).isEqualTo("javascript");
    // Leonidas-from-XIV/node-xml2js: CoffeeScript in src/ and test/, the compiled JavaScript committed in lib/.
    assertThat(languageOf(Map.of("package.json", "{}", "Cakefile", "", "src/parser.coffee", "", "test/parser.test.coffee", "",
        "lib/parser.js", ""))).isEqualTo("coffeescript");
    assertThat(languageOf(Map.of("package.json", "{}", "src/a.coffee", "", "lib/a.js", "", "index.js", ""))).isEqualTo("javascript");
    // uenoB/short: Standard ML structures and a test driver, no build file.
    assertThat(languageOf(Map.of("word-patricia-map.sml", "", "tests/run.sml", "", "tests/run.mlb", "", "README.md", "")))
        .isEqualTo("standardml");
    assertThat(languageOf(Map.of("go.mod", "module x\n"))).isEqualTo("go");
    assertThat(languageOf(Map.of("Cargo.toml", "[package]\n"))).isEqualTo("rust");
    assertThat(languageOf(Map.of("App.csproj", "<Project/>"))).isEqualTo("csharp");
    assertThat(languageOf(Map.of("Gemfile", ""))).isEqualTo("ruby");
    assertThat(languageOf(Map.of("composer.json", "{}"))).isEqualTo("php");
    assertThat(languageOf(Map.of("dune-project", "(lang dune 2.3)\n", "src/base64.ml", ""))).isEqualTo("ocaml");
    assertThat(languageOf(Map.of("HUnit.cabal", "name: HUnit\n", "Setup.lhs", ""))).isEqualTo("haskell");
    assertThat(languageOf(Map.of("stack.yaml", "resolver: lts-20.26\n", "package.yaml", "name: hello\n", "bin/setup.sh", "")))
        .isEqualTo("haskell");
    assertThat(languageOf(Map.of("rebar.config", "{erl_opts, []}.\n", "Makefile", "all:\n"))).isEqualTo("erlang");
    assertThat(languageOf(Map.of("DESCRIPTION", "Package: praise\n", "NAMESPACE", ""))).isEqualTo("r");
    assertThat(languageOf(Map.of("setup.py", ""))).isEqualTo("python");
    assertThat(languageOf(Map.of("build.gradle.kts", "plugins { kotlin(\"jvm\") }\n")))
        .isEqualTo("kotlin");
    assertThat(
            languageOf(
                Map.of("build.gradle", "", "src/main/kotlin/A.kt", "", "C.kt", "", "B.java", "")))
        .isEqualTo("kotlin");
    assertThat(
            languageOf(
                Map.of("build.gradle.kts", "plugins { java }\n", "settings.gradle.kts", "",
                    "src/main/java/A.java", "")))
        .isEqualTo("java");
    assertThat(languageOf(Map.of("pom.xml", "<project/>"))).isEqualTo("java");
    // A Scala project built with Maven (scala-maven-plugin), with a Java file of its own; an sbt build's scripts.
    assertThat(languageOf(Map.of("pom.xml", "<project/>", "src/main/scala/A.scala", "", "src/main/scala/B.scala", "",
        "src/main/java/C.java", ""))).isEqualTo("scala");
    assertThat(languageOf(Map.of("build.sbt", "", "project/Deps.scala", "", "scripts/release.sc", ""))).isEqualTo("scala");
    // Groovy with GMavenPlus: spockframework/spock-example's Spock specifications and nothing else.
    assertThat(languageOf(Map.of("pom.xml", "<project/>", "src/test/groovy/StackSpec.groovy", "",
        "src/test/groovy/HelloSpockSpec.groovy", "", "src/main/java/C.java", ""))).isEqualTo("groovy");
  }

  @Test
  void sourceFilesBreakTiesBetweenBuildFiles() throws Exception {
    // A Django app with a package.json for its front-end assets.
    assertThat(
            languageOf(
                Map.of(
                    "package.json", "{}", "requirements.txt", "django\n", "app/views.py", "",
                    "app/models.py", "", "static/site.js", "")))
        .isEqualTo("python");
  }

  @Test
  void aBuildFileWithoutAnyFileOfItsLanguageDoesNotDecide() throws Exception {
    // kgabis/parson: a C library with a Makefile, and a package.json for clib.
    assertThat(languageOf(Map.of("package.json", "{\"src\": [\"parson.c\"]}", "Makefile", "test:\n\tcc -o t tests.c\n",
        "parson.c", "", "parson.h", "", "tests.c", "", "tests/test_1.txt", ""))).isEqualTo("c");
    // Shell scripts alone do not outvote the build file; nothing at all leaves it as it is.
    assertThat(languageOf(Map.of("package.json", "{}", "scripts/release.sh", ""))).isEqualTo("javascript");
    assertThat(languageOf(Map.of("package.json", "{}", "README.md", ""))).isEqualTo("javascript");
  }

  @Test
  void extensionsDecideWithoutBuildFiles() throws Exception {
    assertThat(languageOf(Map.of("a.cpp", "", "b.cc", "", "c.h", "", "d.h", "", "e.c", "")))
        .isEqualTo("cpp");
    assertThat(languageOf(Map.of("run.sh", "", "tool.py", ""))).isEqualTo("python");
    assertThat(Languages.count(List.of("README", ".bashrc", "dir.d/Makefile"))).isEmpty();
  }

  @Test
  void equalCountsGoToNotShellThenToTheFirstName() throws Exception {
    Path noBuildFiles = Files.createTempDirectory(tmp, "plain");
    assertThat(Languages.detect(noBuildFiles, List.of("b.rs", "a.go"))).isEqualTo("go");
    assertThat(Languages.detect(noBuildFiles, List.of("x.sh", "y.sh", "z.rb", "w.rb"))).isEqualTo("ruby");
    assertThat(Languages.detect(noBuildFiles, List.of("x.sh", "y.sh", "z.rb"))).isEqualTo("shell");
    assertThat(Languages.detect(noBuildFiles, List.of("a.py", "b.go", "c.py", "d.go", "e.go"))).isEqualTo("go");
    assertThat(Languages.detect(noBuildFiles, List.of("README"))).isNull();
    // bbrtj/pascal-tap: Free Pascal units and programs beside a makefile.
    assertThat(Languages.detect(noBuildFiles, List.of("makefile", "src/tap.pas", "t/tests.t.pas", "ex/fib.pas"))).isEqualTo("pascal");
    assertThat(Languages.detect(noBuildFiles, List.of("lib/Text/Table/Tiny.pm", "t/01-basic.t", "dist.ini"))).isEqualTo("perl");
    // rbenv/rbenv's shape: bats tests and bash hooks around extensionless scripts, one Ruby plugin.
    assertThat(Languages.detect(noBuildFiles, List.of("libexec/rbenv-exec", "test/exec.bats", "test/init.bats",
        "test/test_helper.bash", "rbenv.d/exec/gem-rehash/rubygems_plugin.rb"))).isEqualTo("shell");
    assertThat(Languages.detect(noBuildFiles, List.of("inspect.lua", "spec/inspect_spec.lua", "inspect-3.1.3-0.rockspec")))
        .isEqualTo("lua");
  }

  /** weavejester/medley (project.clj, .cljc sources), treeform/jsony, jmdavis/dxml and bef/qmon. */
  @Test
  void clojureNimDAndTclProjects() throws Exception {
    assertThat(languageOf(Map.of("project.clj", "(defproject m \"1\")\n", "deps.edn", "{}", "src/medley/core.cljc", "",
        "test/medley/core_test.cljc", "", "test/medley/test_runner.cljs", ""))).isEqualTo("clojure");
    assertThat(languageOf(Map.of("deps.edn", "{}", "src/a/core.clj", ""))).isEqualTo("clojure");
    assertThat(languageOf(Map.of("jsony.nimble", "srcDir = \"src\"\n", "src/jsony.nim", "", "tests/test_char.nim", "")))
        .isEqualTo("nim");
    assertThat(languageOf(Map.of("dub.json", "{\"name\": \"dxml\"}", "source/dxml/parser.d", "", "cov.sh", ""))).isEqualTo("d");
    assertThat(languageOf(Map.of("qmon.tcl", "", "lib/ini-parser.tcl", "", "test/run.tcl", "", "scripts/update.sh", "")))
        .isEqualTo("tcl");
  }

  /**
   * crystal-community/toml.cr and samth/fancy-app; an info.rkt that names no collection nor
   * dependencies is a collection's (scribblings/), not a Racket package's.
   */
  @Test
  void crystalAndRacketProjects() throws Exception {
    assertThat(languageOf(Map.of("shard.yml", "name: toml\n", "src/toml.cr", "", "spec/parser_spec.cr", "", "ci.sh", "")))
        .isEqualTo("crystal");
    assertThat(languageOf(Map.of("info.rkt", "#lang info\n(define collection \"fancy-app\")\n(define deps '(\"base\"))\n",
        "main.rkt", "", "main.scrbl", ""))).isEqualTo("racket");
    assertThat(languageOf(Map.of("info.rkt", "#lang info\n(define scribblings '((\"a.scrbl\")))\n", "a.rkt", "", "b.py", "", "c.py", "")))
        .as("no package there: the files decide").isEqualTo("python");
    assertThat(languageOf(Map.of("info.rkt", "#lang info\n(define collection 'multi)\n", "a/b.rkt", "", "b.py", "", "c.py", "")))
        .as("a package: its info.rkt decides").isEqualTo("racket");
  }

  /** timo/json_fast (lib/JSON/Fast.pm6 and t/*.t) was "unknown": Raku's module files were not counted. */
  @Test
  void rakuModulesAreRaku() throws Exception {
    assertThat(languageOf(Map.of("lib/JSON/Fast.pm6", "unit module JSON::Fast;\n", "t/01-parse.t", "use Test;\n",
        "META6.json", "{}\n"))).isEqualTo("raku");
  }

  /** Wilfred/ht.el (ht.el, test/*.el, a Makefile) was "unknown", magnars/s.el (with run-tests.sh and two .sh hooks) "shell". */
  @Test
  void emacsLispFilesAreEmacsLisp() throws Exception {
    assertThat(languageOf(Map.of("s.el", ";;; s.el\n", "dev/examples.el", "", "dev/ert.el", "", "dev/examples-to-tests.el", "",
        "dev/examples-to-docs.el", "", "dev/undercover-init.el", "", "run-tests.sh", "", "pre-commit.sh", "", "create-docs.sh", "",
        "ci.sh", ""))).isEqualTo("emacslisp");
  }

  /**
   * GeoffChurch/subsumes (pack.pl, prolog/*.pl, test/*.plt) was "perl": .pl is Perl's and Prolog's.
   * Without a pack.pl, .pl files that read as Prolog (simonharris/plunit_assert) are Prolog too.
   */
  @Test
  void prologPacksAndFilesAreNotPerl() throws Exception {
    assertThat(languageOf(Map.of("pack.pl", "name(subsumes).\nversion('0.6').\n", "prolog/subsumes.pl",
        ":- module(subsumes, []).\n", "prolog/guardedmap.pl", "guardedmap(_, _, _).\n", "test/subsumes.plt", "")))
        .isEqualTo("prolog");
    assertThat(languageOf(Map.of("plunit_assert.pl", ":- module(plunit_assert, []).\n", "docs.pl",
        ":- use_module(library(pldoc)).\n", "tests/test_pa.pl", ":- use_module('../plunit_assert').\n", "Makefile", "")))
        .isEqualTo("prolog");
    assertThat(languageOf(Map.of("tools/gen.pl", "#!/usr/bin/perl\nuse strict;\n", "tools/run.pl", "use warnings;\n",
        "lib/A.pm", "package A;\n"))).as("Perl's .pl").isEqualTo("perl");
    assertThat(languageOf(Map.of("pack.pl", "#!/usr/bin/perl\nprint 1;\n", "lib/A.pm", "package A;\n")))
        .as("a Perl script called pack.pl").isEqualTo("perl");
  }

  /** HiPhish/guile-msgpack (a makefile, msgpack/*.scm, test/*.scm) and lloda/guile-ffi-cblas were "language unknown". */
  @Test
  void guileFilesAreScheme() throws Exception {
    assertThat(languageOf(Map.of("makefile", "check:\n\tguile -L . test/a.scm\n", "msgpack.scm", "", "msgpack/pack.scm", "",
        "test/pack/boolean.scm", "", "doc/guile-msgpack.texi", ""))).isEqualTo("scheme");
    assertThat(languageOf(Map.of("mod/ffi/cblas.scm", "", "test/test-ffi-cblas.scm", "", "lib/srfi/64.sld", "", "build.sh", "")))
        .isEqualTo("scheme");
  }

  /** sharplispers/split-sequence and tokenrove/anaphora (an .asd, .lisp files, a README) were "language unknown". */
  @Test
  void asdfProjectsAreCommonLisp() throws Exception {
    assertThat(languageOf(Map.of("split-sequence.asd", "(defsystem :split-sequence)\n", "list.lisp", "", "vector.lisp", "",
        "tests.lisp", "", "README.md", "", "version.sexp", ""))).isEqualTo("commonlisp");
  }

  /** fortran-lang/test-drive was "python": a requirements.txt for its CI's meson and ninja, one .py helper, no Fortran counted. */
  @Test
  void fortranProjectsAreFortran() throws Exception {
    assertThat(languageOf(Map.of("requirements.txt", "meson\nninja\n", "config/install-mod.py", "", "CMakeLists.txt",
        "project(t LANGUAGES Fortran)\n", "fpm.toml", "name = \"t\"\n", "src/testdrive.F90", "", "test/main.f90", "",
        "test/test_check.F90", ""))).isEqualTo("fortran");
    assertThat(languageOf(Map.of("fpm.toml", "name = \"t\"\n", "README.md", ""))).as("the manifest alone").isEqualTo("fortran");
    assertThat(languageOf(Map.of("legacy/solver.f", "", "legacy/io.for", "", "run.sh", ""))).isEqualTo("fortran");
  }

  /**
   * A Meson project is the language its project() names: C with a Python generator and a requirements.txt
   * for its CI's meson stays C (without project()'s word it read python); a Vala application is vala.
   */
  @Test
  void mesonProjectsAreTheLanguagesTheirProjectNames() throws Exception {
    assertThat(languageOf(Map.of("meson.build", "project('lib', 'c')\n", "requirements.txt", "meson\nninja\n", "src/lib.c", "",
        "src/util.c", "", "gen/enums.py", ""))).isEqualTo("c");
    assertThat(languageOf(Map.of("meson.build", "project('app', 'vala', 'c')\n", "src/main.vala", "", "src/window.vala", "",
        "src/shim.c", "", "data/meson.build", ""))).isEqualTo("vala");
  }

  /**
   * JWambaugh/TJSON (Haxe: two .sh scripts beside its .hx files) and mmitch/cobol-build (COBOL programs built by make,
   * and shell scripts) read "shell": neither extension was counted (docs/real-repos-2026-12-06.md, sixth session).
   */
  @Test
  void haxeAndCobolFilesAreCounted() throws Exception {
    assertThat(languageOf(Map.of("test.hxml", "-main TestAll\n", "lib/tjson/TJSON.hx", "", "tests/TestAll.hx", "",
        "tests/TestParser.hx", "", "buildLib.sh", "", "runTests.sh", "", "tests/x.json", ""))).isEqualTo("haxe");
    assertThat(languageOf(Map.of("Makefile", "test:\n", "genmk.sh", "", "teststats.sh", "", "src/main/cobol/hello.cbl", "",
        "src/test/cobol/hello-test.cob", "", "src/main/copy/rec.cpy", ""))).isEqualTo("cobol");
  }

  /** elm-community/list-extra (elm.json, a package.json for its tools, no .js file) read "javascript". */
  @Test
  void elmPackagesAreElm() throws Exception {
    assertThat(languageOf(Map.of("elm.json", "{\"type\": \"package\"}\n", "package.json", "{}\n", "elm-tooling.json", "{}\n",
        "src/List/Extra.elm", "", "tests/Tests.elm", ""))).isEqualTo("elm");
  }

  /** xavierleroy/cdf-mech-sem read "javascript" (its docs' scripts): .v is Coq's where a _CoqProject is, else Verilog's too. */
  @Test
  void coqProjectsAreCoq() throws Exception {
    assertThat(languageOf(Map.of("_CoqProject", "-R . CDF\nIMP.v\n", "IMP.v", "", "Compil.v", "", "docs/coq2html.js", "",
        "docs/search.js", "", "docs/more.js", "", "Makefile", "include CoqMakefile\n"))).isEqualTo("coq");
    assertThat(languageOf(Map.of("rtl/alu.v", "", "rtl/top.v", "", "sim/tb.py", ""))).as("neither Coq's nor Verilog's").isEqualTo("python");
  }

  /** secworks/sha256 read "python" (its one model script): .v files that open a module are Verilog's; .sv and .vhd are their own. */
  @Test
  void hardwareDesignsAreVerilogSystemVerilogOrVhdl() throws Exception {
    String module = "//======\n// sha256_core.v\n//======\n`default_nettype none\n\nmodule sha256_core(input wire clk);\nendmodule\n";
    assertThat(languageOf(Map.of("src/rtl/core.v", module, "src/rtl/w_mem.v", module, "src/tb/tb_core.v", module,
        "src/model/sha256.py", "", "src/stream/pad.py", ""))).isEqualTo("verilog");
    assertThat(languageOf(Map.of("rtl/alu.sv", "", "rtl/top.sv", "", "sim/tb.py", ""))).isEqualTo("systemverilog");
    assertThat(languageOf(Map.of("rtl/alu.vhd", "", "rtl/top.vhdl", "", "sim/tb.py", ""))).isEqualTo("vhdl");
  }

  /** irdvo/ffl read "fsharp": its .fs files are Forth's, defining words and opening with Forth's comments. */
  @Test
  void forthIsNotFsharp() throws Exception {
    String forth = "\\ ====\n\\   b64 - base64\n\\ ====\n\ninclude ffl/config.fs\n\n: b64-encode ( c-addr u str -- )\n;\n";
    assertThat(languageOf(Map.of("ffl/b64.fs", forth, "ffl/crc.fs", forth, "test/b64_test.fs", forth, "engines/make.py", "")))
        .isEqualTo("forth");
    assertThat(languageOf(Map.of("output.fs", "", "src/bits.fs", ": bit ( n -- x ) 1 swap lshift ;\n", "tools/gen.py", "")))
        .as("kper/fasm: an empty output.fs first").isEqualTo("forth");
    String tests = "require lib/mathx.fs\nT{ 3 square -> 9 }T\n";
    assertThat(languageOf(Map.of("lib/mathx.fs", ": square dup * ;\n", "test/cube_test.fs", tests, "test/runtests.fs",
        "include tester.fs\ninclude cube_test.fs\nbye\n", "test/square_test.fs", tests, "tools/a.py", "", "tools/b.py", "")))
        .as("test files that hold only what they load and their tests").isEqualTo("forth");
    assertThat(languageOf(Map.of("src/forth16.fth", "", "src/lib.4th", "", "tools/gen.py", ""))).isEqualTo("forth");
    String fsharp = "module Calc\n\nlet add a b = a + b\n";
    assertThat(languageOf(Map.of("src/Calc.fs", fsharp, "src/Main.fs", fsharp, "tools/gen.py", ""))).isEqualTo("fsharp");
    assertThat(languageOf(Map.of("Calc.fsproj", "<Project/>\n", "src/Calc.fs", forth, "src/Main.fs", forth, "tools/gen.py", "")))
        .as("an F# project").isEqualTo("fsharp");
  }

  private String languageOf(Map<String, String> files) throws Exception {
    Path repo = GitFixture.withCommit(Files.createTempDirectory(tmp, "lang"), files);
    return RepoInspector.inspect(repo, null).language();
  }
}
