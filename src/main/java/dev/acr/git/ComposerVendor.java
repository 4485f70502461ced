package dev.acr.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * An attempt's copy of the user's Composer {@code vendor/}: the third-party packages linked, the
 * autoloader itself copied. Composer's autoloader finds the project's own classes from {@code __DIR__}
 * ({@code vendor/composer/autoload_static.php} maps {@code Michelf\} to {@code __DIR__ . '/../..' . '/Michelf'}),
 * which PHP resolves through links: through one link to the user's {@code vendor/}, an attempt's
 * tests loaded the user's {@code Michelf/Markdown.php}, not the attempt's (michelf/php-markdown: a
 * stand-in that reverted the bug failed the same 11 tests as the bug). {@code vendor/bin}'s proxies
 * ({@code $GLOBALS['_composer_autoload_path'] = __DIR__ . '/..'.'/autoload.php'}) are copied too, so
 * {@code vendor/bin/phpunit} loads the attempt's autoloader.
 */
final class ComposerVendor {
  private ComposerVendor() {}

  /** What is copied, not linked: small files whose {@code __DIR__} must be the attempt's. */
  private static final Set<String> COPIED = Set.of("composer", "autoload.php", "bin");

  /** Whether {@code vendor} is one Composer installed: it holds Composer's autoloader. */
  static boolean isComposers(Path vendor) {
    return Files.isRegularFile(vendor.resolve("autoload.php")) && Files.isDirectory(vendor.resolve("composer"));
  }

  /** {@code to} as a folder of links to {@code from}'s packages, with Composer's own files copied. */
  static void overlay(Path from, Path to) throws IOException {
    Files.createDirectory(to);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      for (Path e : entries) {
        Path mirror = to.resolve(e.getFileName().toString());
        if (COPIED.contains(e.getFileName().toString())) {
          copy(e, mirror);
        } else {
          Files.createSymbolicLink(mirror, e);
        }
      }
    }
  }

  /** A copy of {@code from}: folders walked, files copied, links remade as written (bin/'s relative links into packages). */
  private static void copy(Path from, Path to) throws IOException {
    if (Files.isSymbolicLink(from)) {
      Files.createSymbolicLink(to, Files.readSymbolicLink(from));
    } else if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectory(to);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
        for (Path e : entries) {
          copy(e, to.resolve(e.getFileName().toString()));
        }
      }
    } else {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
