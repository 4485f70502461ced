package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crystal and Racket, as crystal-community/toml.cr (Crystal 1.6) and samth/fancy-app (Racket 8.7,
 * raco test) printed them (docs/real-repos.md): the test command and package found from shard.yml
 * and info.rkt, the failing tests named without the folder they ran in, the summaries read, and
 * what cannot run told from a failing test.
 */
class CrystalRacketTest {

  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Optional<VerifyCommand> detect() {
    return VerifyDetector.detect(root, null);
  }

  private Optional<CannotRun.Why> cannotRun(String... lines) {
    return CannotRun.check(1, List.of(lines), root, root, "fix the failing test");
  }

  @Test
  void aShardWithSpecsRunsCrystalSpec() throws IOException {
    write("shard.yml", "name: toml\nversion: 0.8.1\n");
    assertThat(detect()).as("Crystal 1.6 passes a spec/ without spec files, printing nothing").isEmpty();
    write("spec/parser_spec.cr", "require \"./spec_helper\"\n");
    write("src/toml/parser.cr", "class TOML::Parser\nend\n");
    assertThat(detect()).contains(new VerifyCommand("crystal spec", "detected: shard.yml"));
    assertThat(PackageFolder.nearest(root, root.resolve("src/toml"))).isEqualTo(new PackageFolder(root, "shard.yml"));
  }

  @Test
  void aRacketPackageRunsRacoTest() throws IOException {
    write("scribblings/info.rkt", "#lang info\n(define scribblings '((\"a.scrbl\" ())))\n");
    assertThat(PackageFolder.nearest(root, root.resolve("scribblings")).marker())
        .as("a collection's info.rkt names no collection nor dependencies: no package").isNull();
    assertThat(detect()).isEmpty();
    write("info.rkt", "#lang info\n(define collection \"fancy-app\")\n(define deps '(\"base\"))\n");
    assertThat(detect()).contains(new VerifyCommand("raco test .", "detected: info.rkt"));
    assertThat(PackageFolder.nearest(root, root.resolve("scribblings"))).isEqualTo(new PackageFolder(root, "info.rkt"));
  }

  /** lexi-lambda/threading: no info.rkt at the top, a package in each of threading-lib, threading-doc, threading-test. */
  @Test
  void aRepositoryOfRacketPackagesRunsRacoTestOverThemAll() throws IOException {
    write("README.md", "threading\n");
    write("threading-test/info.rkt", "#lang info\n(define collection 'multi)\n(define build-deps '(\"threading-lib\"))\n");
    write("threading-lib/info.rkt", "#lang info\n(define collection 'multi)\n(define deps '(\"base\"))\n");
    write("threading-lib/threading/main.rkt", "#lang racket/base\n");
    assertThat(detect()).contains(new VerifyCommand("raco test .", "detected: threading-lib/info.rkt"));
    assertThat(PackageFolder.nearest(root, root.resolve("threading-lib/threading")))
        .isEqualTo(new PackageFolder(root.resolve("threading-lib"), "info.rkt"));
  }

  @Test
  void failingSpecsAndChecksAreNamedWithoutTheFolderTheyRanIn() {
    FailingTests crystal = new FailingTests(root);
    for (String line : List.of(
        "  1) TOML raises on invalid case '" + root + "/spec/cases/invalid/duplicate-keys.toml'",
        "     Failure/Error: expect_raises ParseException do",
        "246 examples, 2 failures, 0 errors, 0 pending",
        "crystal spec spec/cases_spec.cr:91 # TOML raises on invalid case '" + root + "/spec/cases/invalid/duplicate-keys.toml'",
        "crystal spec spec/parser_spec.cr:382 # TOML::Parser raises on parse \"a = 1\"")) {
      crystal.accept(line);
    }
    assertThat(crystal.names()).containsExactly("TOML raises on invalid case 'spec/cases/invalid/duplicate-keys.toml'",
        "TOML::Parser raises on parse \"a = 1\"");
    FailingTests rackunit = new FailingTests(root);
    for (String line : List.of("raco test: (submod \"./main.rkt\" test)", "--------------------", "FAILURE",
        "name:       check-equal?", "location:   main.rkt:38:2", "actual:     '(1 2 3 1 2 3)", "--------------------",
        "ERROR", "location:   main.rkt:36:2", "", "...6cefd1fe/1/main.rkt:28:19: arity mismatch;", "--------------------",
        "ERROR", "location:   " + root + "/tests/b.rkt:12:4", "--------------------", "2/7 test failures")) {
      rackunit.accept(line);
    }
    assertThat(rackunit.names()).containsExactly("main.rkt", "tests/b.rkt");
    FailingTests raised = new FailingTests(root);
    for (String line : List.of(root + "/threading-test/tests/threading/cond.rkt:14:9: cond~>: bad syntax", "  in: cond~>",
        "  location...:", "   threading-test/tests/threading/cond.rkt:14:9", "threading.scrbl: raco test: non-zero exit: 1")) {
      raised.accept(line);
    }
    assertThat(raised.names()).containsExactly("threading-test/tests/threading/cond.rkt", "threading.scrbl");
  }

  @Test
  void summariesSayWhetherTestsRan() {
    assertThat(NoTests.in(List.of("Finished in 12.41 milliseconds", "0 examples, 0 failures, 0 errors, 0 pending")))
        .contains("0 examples, 0 failures, 0 errors, 0 pending");
    assertThat(NoTests.in(List.of("246 examples, 2 failures, 0 errors, 0 pending"))).isEmpty();
    assertThat(NoTests.in(List.of("raco test: (submod \"./main.rkt\" test)", "7 tests passed"))).isEmpty();
    assertThat(NoTests.in(List.of("raco test: (submod \"./main.rkt\" test)", "1/7 test failures"))).isEmpty();
    assertThat(NoTests.in(List.of("raco test: \"./info.rkt\"", "raco test: \"./threading/main.rkt\"")))
        .as("modules without a rackunit check").contains("raco test counted no rackunit check");
    NoTests silent = new NoTests("crystal spec");
    assertThat(silent.result()).as("Crystal 1.6 without a spec file: no output, exit 0")
        .contains("crystal spec printed no summary: no spec file ran");
    NoTests counted = new NoTests("crystal spec");
    counted.accept("\u001b[32m246 examples, 0 failures, 0 errors, 0 pending\u001b[0m");
    assertThat(counted.result()).isEmpty();
    assertThat(new NoTests("make test").result()).as("silence says nothing of other commands").isEmpty();
    NoTests crystalError = new NoTests("crystal spec");
    crystalError.accept("Error: can't find file 'kemal'");
    assertThat(crystalError.result(1)).as("no summary because the specs did not compile: a failure").isEmpty();
    NoTests racoError = new NoTests("raco test .");
    racoError.accept("raco test: \"./threading-test/tests/threading/cond.rkt\"");
    racoError.accept("cond.rkt:14:9: cond~>: bad syntax");
    assertThat(racoError.result(1)).as("no count because a module raised: a failure").isEmpty();
    assertThat(racoError.result(0)).isPresent();
    // A "0 examples" of one run and a rackunit count of another: tests ran.
    assertThat(NoTests.in(List.of("0 examples, 0 failures, 0 errors, 0 pending", "3 tests passed"))).isEmpty();
  }

  @Test
  void aShardNotInstalledStopsTheRunAFileOfTheProjectDoesNot() throws IOException {
    write("shard.yml", "name: app\nversion: 0.1.0\ndependencies:\n  kemal:\n    github: kemalcr/kemal\n"
        + "development_dependencies:\n  ameba:\n    github: crystal-ameba/ameba\n    version: ~> 1.5.0\n");
    assertThat(cannotRun("In spec/app_spec.cr:2:1", " 2 | require \"kemal\"", "Error: can't find file 'kemal'",
        "If you're trying to require a shard:", "- Did you remember to run `shards install`?"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("shards install"));
    assertThat(cannotRun("Error: can't find file 'ameba/cli'")).map(CannotRun.Why::problem)
        .contains("the shard ameba that shard.yml depends on is not installed (no lib/ameba)");
    assertThat(cannotRun("Error: can't find file 'toml/lexer'")).as("not a dependency: the agent's to fix").isEmpty();
    write("shard.yml", "name: app\ndependencies:\n\n  db:\n    github: crystal-lang/crystal-db\n    version: ~> 0.11\n");
    assertThat(ToolchainNeeds.shardDependencies(root)).containsExactly("db");
    assertThat(cannotRun("Error: can't find file './helper'")).isEmpty();
  }

  @Test
  void aRacketPackageNotInstalledStopsTheRun() throws IOException {
    write("info.rkt", "#lang info\n(define collection \"pollen\")\n(define deps '(\"base\" (\"sugar\" #:version \"0.2\")"
        + " \"txexpr\"))\n(define build-deps '(\"rackunit-lib\"))\n");
    String[] missing = {"main.rkt:3:9: collection not found", "  for module path: sugar/list", "  collection: \"sugar\""};
    assertThat(cannotRun(missing)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("raco pkg install --auto sugar"));
    assertThat(cannotRun("  for module path: rackunit")).as("rackunit-lib holds rackunit").isPresent();
    assertThat(cannotRun("main.scrbl:3:21: collection not found", "  for module path: pollen"))
        .as("its own collection: RacketCollections makes it found, so what is missing is the agent's").isEmpty();
    assertThat(CannotRun.check(1, List.of(missing), root, root, "use sugar's list functions")).as("the prompt names it").isEmpty();
  }

  @Test
  void racoFindsThePackagesOwnCollectionInTheFolderUnderTest() throws IOException {
    write("info.rkt", "#lang info\n(define collection \"fancy-app\")\n");
    Map<String, String> env = Map.of("PATH", "/usr/bin");
    try (RacketCollections none = RacketCollections.of("crystal spec", root)) {
      assertThat(none.environment(env)).isSameAs(env);
    }
    Path links;
    try (RacketCollections racket = RacketCollections.of("raco test .", root)) {
      String collects = racket.environment(env).get("PLTCOLLECTS");
      assertThat(collects).as("Racket's own collections after ours").endsWith(":");
      links = Path.of(collects.split(":")[0]);
      assertThat(links.resolve("fancy-app")).isSymbolicLink();
      assertThat(Files.readSymbolicLink(links.resolve("fancy-app"))).isEqualTo(root.toAbsolutePath());
      assertThat(racket.environment(Map.of("PLTCOLLECTS", "/mine"))).containsEntry("PLTCOLLECTS", links + ":/mine");
    }
    assertThat(links).as("removed after the run").doesNotExist();
    assertThat(root.resolve("info.rkt")).exists();
  }

  @Test
  void aMultiCollectionRepositoryPutsItsPackagesFoldersFirst() throws IOException {
    write("info.rkt", "#lang info\n(define collection 'multi)\n");
    write("threading-lib/info.rkt", "#lang info\n(define collection 'multi)\n(define deps '(\"base\"))\n");
    write("threading-lib/threading/main.rkt", "#lang racket/base\n");
    write("docs/README", "not a package\n");
    try (RacketCollections racket = RacketCollections.of("raco test -x .", root)) {
      assertThat(racket.environment(Map.of()).get("PLTCOLLECTS"))
          .isEqualTo(root.toAbsolutePath() + ":" + root.resolve("threading-lib").toAbsolutePath() + ":");
    }
  }
}
