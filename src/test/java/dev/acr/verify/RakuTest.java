package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raku distributions, as timo/json_fast (META6.json, dist.ini, lib/JSON/Fast.pm6, t/*.t) and Rakudo
 * 2022.12 with Debian's prove printed them (docs/real-repos-2026-12-06.md, sweep4): Perl's
 * {@code prove -lr t} ran its Raku tests through perl, which parsed none of them ("Tests=0"), and the
 * baseline read that as tests failing before a fix.
 */
class RakuTest {

  private static final String META6 = "{\"name\": \"JSON::Fast\", \"depends\": [\"JSON::Class\"], \"test-depends\": [\"Test\"],"
      + " \"provides\": {\"JSON::Fast\": \"lib/JSON/Fast.pm6\"}}\n";

  @TempDir Path root;

  @Test
  void aDistributionsTestsRunThroughRakuNotPerl() throws IOException {
    write(root, "dist.ini", "name = JSON-Fast\n");
    write(root, "lib/JSON/Fast.pm6", "unit module JSON::Fast;\n");
    write(root, "t/01-parse.t", "use v6;\nuse Test;\nok 1;\ndone-testing;\n");
    assertThat(VerifyDetector.detect(root, null)).as("a .pm6 module under lib/ is Raku's")
        .contains(new VerifyCommand("RAKULIB=lib prove -e raku -r t", "detected: lib/*.rakumod and t/"));
    write(root, "META6.json", META6);
    assertThat(VerifyDetector.detect(root, null))
        .contains(new VerifyCommand("RAKULIB=. prove -e raku -r t", "detected: META6.json and t/"));
    assertThat(PackageFolder.nearest(root, root.resolve("lib/JSON"))).isEqualTo(new PackageFolder(root, "dist.ini"));
  }

  @Test
  void rakutestFilesAreNamedToProve() throws IOException {
    write(root, "META6.json", META6);
    write(root, "t/basic.rakutest", "use Test;\nok 1;\ndone-testing;\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command)
        .contains("RAKULIB=. prove -e raku -r --ext .t --ext .rakutest t");
    assertThat(PackageFolder.nearest(root, root.resolve("t"))).isEqualTo(new PackageFolder(root, "META6.json"));
  }

  @Test
  void aPerlDistributionStaysPerls() throws IOException {
    write(root, "dist.ini", "name = Try-Tiny\n");
    write(root, "lib/Try/Tiny.pm", "package Try::Tiny;\n1;\n");
    write(root, "t/basic.t", "use Test::More;\nok 1;\ndone_testing;\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).contains("prove -lr t");
  }

  @Test
  void rakuMissingOrAModuleMETA6NamesMissingStopsTheRun() throws IOException {
    write(root, "META6.json", META6);
    Optional<CannotRun.Why> noRaku = CannotRun.check(2, List.of("Files=0, Tests=0,  0 wallclock secs", "Result: NOTESTS",
        "Could not execute (raku t/01-parse.t): open3: exec of raku t/01-parse.t failed: No such file or directory at"
            + " /usr/share/perl/5.36/TAP/Parser/Iterator/Process.pm line 165."), root, root, "fix the failing parse test");
    assertThat(noRaku).map(CannotRun.Why::problem).contains("raku: not found");
    assertThat(noRaku).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("rakudo"));
    List<String> missing = List.of("===SORRY!=== Error while compiling t/01-parse.t", "Could not find JSON::Class in:",
        "    /root/.raku", "t/01-parse.t .. Dubious, test returned 1");
    assertThat(CannotRun.check(1, missing, root, root, "fix the failing parse test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("zef install --deps-only ."));
    // jonathanstowe/META6 names its dependency with Raku's adverbs.
    write(root, "META6.json", "{\"depends\": [\"JSON::Class:ver<0.0.20+>:auth<zef:jonathanstowe>:api<1.0>\"]}\n");
    assertThat(CannotRun.check(1, List.of("Could not find JSON::Class in:"), root, root, "fix it")).isPresent();
    assertThat(CannotRun.check(1, List.of("Could not find JSON in:"), root, root, "fix it")).as("JSON::Class is not JSON").isEmpty();
    List<String> own = List.of("Could not find JSON::Fast::Helpers in:", "    /root/.raku");
    assertThat(CannotRun.check(1, own, root, root, "fix the failing parse test")).as("the project's own module: a failing test").isEmpty();
  }
}
