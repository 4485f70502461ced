package dev.acr.verify;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Racket finds the package under test by its collection name. A package's own files often
 * require it by that name (samth/fancy-app's main.scrbl: {@code (require (for-label fancy-app))}),
 * which resolves only when the package is installed, and then to the installed copy: the user's
 * tree after {@code raco pkg install --link}, never an attempt's worktree. Racket searches the
 * folders of {@code PLTCOLLECTS} before the installed packages, so a test command run with
 * {@code PLTCOLLECTS} naming the folder under test (for a {@code 'multi} package, whose subfolders
 * are its collections) or a folder that links the collection's name to it (for a package of one
 * collection) loads the files under test, installed or not. The trailing separator keeps Racket's
 * own collections.
 */
final class RacketCollections implements AutoCloseable {

  /** {@code (define collection "fancy-app")}, {@code (define collection 'multi)}. */
  private static final Pattern COLLECTION = Pattern.compile("\\(define\\s+collection\\s+(?:\"([^\"]+)\"|'multi\\b)");
  /** A test command that runs Racket. */
  private static final Pattern RUNS_RACKET = Pattern.compile("(?:^|[\\s;&|(])(?:raco|racket)(?:\\s|$)");

  private static final RacketCollections NONE = new RacketCollections(null, List.of());

  /** The folder of links made for this run (deleted by {@link #close}), or null. */
  private final Path links;
  private final List<String> entries;

  private RacketCollections(Path links, List<String> entries) {
    this.links = links;
    this.entries = List.copyOf(entries);
  }

  /**
   * The collections of the Racket package in {@code dir} (and of the packages in its immediate
   * subfolders: a repository of several packages) for a {@code command} that runs Racket; none for
   * any other command or folder, or when the links cannot be made (then Racket finds what is installed).
   */
  static RacketCollections of(String command, Path dir) {
    if (!RUNS_RACKET.matcher(command).find()) {
      return NONE;
    }
    Map<String, Path> named = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    collections(dir, named, entries);
    try (DirectoryStream<Path> subs = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path sub : subs) {
        collections(sub, named, entries);
      }
    } catch (IOException | UncheckedIOException e) {
      // An unreadable folder adds nothing: what the package's own info.rkt said still counts.
    }
    if (named.isEmpty()) {
      return new RacketCollections(null, entries);
    }
    Path links = null;
    try {
      links = Files.createTempDirectory("acr-racket-collects");
      for (Map.Entry<String, Path> e : named.entrySet()) {
        Files.createSymbolicLink(links.resolve(e.getKey()), e.getValue().toAbsolutePath());
      }
      entries.add(0, links.toString());
      return new RacketCollections(links, entries);
    } catch (IOException | UnsupportedOperationException e) {
      new RacketCollections(links, List.of()).close();
      return new RacketCollections(null, entries);
    }
  }

  /** What {@code dir}'s info.rkt makes a collection: itself under its name, or its subfolders ({@code 'multi}). */
  private static void collections(Path dir, Map<String, Path> named, List<String> entries) {
    Matcher m = COLLECTION.matcher(VerifyDetector.readOrEmpty(dir.resolve("info.rkt")));
    if (!m.find()) {
      return;
    }
    if (m.group(1) == null) {
      entries.add(dir.toAbsolutePath().toString());
    } else if (!m.group(1).contains("/")) {
      named.putIfAbsent(m.group(1), dir);
    }
  }

  /** {@code env} with the collections first on {@code PLTCOLLECTS}; {@code env} itself when there are none. */
  Map<String, String> environment(Map<String, String> env) {
    if (entries.isEmpty()) {
      return env;
    }
    Map<String, String> out = new HashMap<>(env);
    String old = env.get("PLTCOLLECTS");
    // Empty entries at either end stand for Racket's default collection folders.
    out.put("PLTCOLLECTS", String.join(File.pathSeparator, entries) + File.pathSeparator + (old == null ? "" : old));
    return out;
  }

  /** Removes the links made for this run (never what they point to). */
  @Override
  public void close() {
    if (links == null) {
      return;
    }
    try (DirectoryStream<Path> made = Files.newDirectoryStream(links)) {
      for (Path link : made) {
        Files.deleteIfExists(link);
      }
      Files.deleteIfExists(links);
    } catch (IOException e) {
      // A temporary folder of links left behind harms nothing.
    }
  }
}
