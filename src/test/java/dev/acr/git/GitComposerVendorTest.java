package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composer's vendor/ in an attempt's worktree (michelf/php-markdown, sweep4): its autoloader finds the project's classes
 * from {@code __DIR__}, which PHP resolves through links, so it must be the attempt's copy, not a link to the user's.
 */
class GitComposerVendorTest {

  @TempDir Path tmp;

  @Test
  void composersAutoloaderIsCopiedAndItsPackagesLinked() throws Exception {
    tmp = tmp.toRealPath();
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("composer.json", "{\"autoload\": {\"psr-4\": {\"Michelf\\\\\": \"Michelf/\"}}}\n",
        "Michelf/Markdown.php", "<?php\n", ".gitignore", "/vendor/\n"));
    write(repo, "vendor/autoload.php", "<?php\nrequire_once __DIR__ . '/composer/autoload_real.php';\n");
    write(repo, "vendor/composer/autoload_static.php", "<?php\n'Michelf\\\\' => array(0 => __DIR__ . '/../..' . '/Michelf'),\n");
    write(repo, "vendor/bin/phpunit", "<?php\n$GLOBALS['_composer_autoload_path'] = __DIR__ . '/..'.'/autoload.php';\n");
    write(repo, "vendor/phpunit/phpunit/phpunit", "<?php\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, tmp.resolve("runs/run-1/attempt-1/wt"));
    try {
      assertThat(Files.isSymbolicLink(wt.resolve("vendor"))).as("one link would load the user's classes").isFalse();
      for (String copied : new String[] {"vendor/autoload.php", "vendor/composer/autoload_static.php", "vendor/bin/phpunit"}) {
        assertThat(Files.isSymbolicLink(wt.resolve(copied))).as(copied).isFalse();
        assertThat(Files.readString(wt.resolve(copied))).isEqualTo(Files.readString(repo.resolve(copied)));
      }
      assertThat(wt.resolve("vendor/composer").toRealPath()).startsWith(wt.toRealPath());
      assertThat(Files.isSymbolicLink(wt.resolve("vendor/phpunit"))).as("a package: linked").isTrue();
      write(wt, "Michelf/Markdown.php", "<?php // fixed\n");
      assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).changedFiles()).containsExactly("Michelf/Markdown.php");
    } finally {
      iso.removeWorktree(wt);
    }
    assertThat(read(repo, "vendor/phpunit/phpunit/phpunit")).isEqualTo("<?php\n");
    assertThat(read(repo, "vendor/composer/autoload_static.php")).contains("__DIR__");
    assertThat(git(repo, "status", "--porcelain")).isEmpty();
  }

  /** A vendor/ no .gitignore names: the overlay's copied files are not the attempt's changes, and a Bundler vendor/ stays one link. */
  @Test
  void anUnignoredOverlayIsNoChangeAndBundlersVendorStaysALink() throws Exception {
    tmp = tmp.toRealPath();
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("composer.json", "{}\n", "src/A.php", "<?php\n",
        "ruby/Gemfile", "source 'https://rubygems.org'\n"));
    write(repo, "vendor/autoload.php", "<?php\n");
    write(repo, "vendor/composer/autoload_real.php", "<?php\n");
    write(repo, "vendor/psr/log/Log.php", "<?php\n");
    write(repo, "ruby/vendor/bundle/ruby/3.1.0/gems/x.rb", "x\n");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, tmp.resolve("runs/run-1/attempt-1/wt"));
    try {
      assertThat(Files.isSymbolicLink(wt.resolve("vendor"))).isFalse();
      assertThat(Files.isSymbolicLink(wt.resolve("ruby/vendor"))).as("not Composer's: one link").isTrue();
      write(wt, "src/A.php", "<?php // fixed\n");
      write(wt, "vendor/composer/autoload_real.php", "<?php // the attempt's own\n");
      assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).changedFiles()).containsExactly("src/A.php");
    } finally {
      iso.removeWorktree(wt);
    }
    assertThat(read(repo, "vendor/composer/autoload_real.php")).isEqualTo("<?php\n");
    assertThat(read(repo, "vendor/psr/log/Log.php")).isEqualTo("<?php\n");
    assertThat(read(repo, "ruby/vendor/bundle/ruby/3.1.0/gems/x.rb")).isEqualTo("x\n");
  }
}
