package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a patch is about to touch in the user's tree, saved as they are (bytes, mode, link
 * target, or absence) so they can be put back exactly. Not {@code git apply -R}: that refuses
 * once anything (a test run, say) has touched those files, and knows nothing of the user's
 * uncommitted content the patch was applied on top of; a copy needs neither.
 */
public final class TreeBackup {
  private enum Kind { FILE, LINK, ABSENT }

  /** One saved path; {@code saved} is the copy of a file, {@code target} a link's target. */
  private record Entry(Path path, Kind kind, Path saved, Path target) {}

  private final Path root;
  private final Path dir;
  private final List<Entry> entries;

  private TreeBackup(Path root, Path dir, List<Entry> entries) {
    this.root = root;
    this.dir = dir;
    this.entries = List.copyOf(entries);
  }

  /** Where the copies are (file N of the list is named N). */
  public Path dir() {
    return dir;
  }

  /** Saves {@code files} (relative to {@code root}) into the new folder {@code dir}. */
  public static TreeBackup save(Path root, List<String> files, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = root.resolve(files.get(i));
      if (Files.isSymbolicLink(p)) {
        entries.add(new Entry(p, Kind.LINK, null, Files.readSymbolicLink(p)));
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Path saved = dir.resolve(Integer.toString(i));
        Files.copy(p, saved, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        entries.add(new Entry(p, Kind.FILE, saved, null));
      } else {
        entries.add(new Entry(p, Kind.ABSENT, null, null));
      }
    }
    return new TreeBackup(root, dir, entries);
  }

  /**
   * Puts every saved path back as it was and removes the folders the patch created, if they are
   * empty again. Goes on past a failure and throws afterwards, naming what could not be restored.
   */
  public void restore() throws IOException {
    List<String> failed = new ArrayList<>();
    for (Entry e : entries) {
      try {
        if (Files.isDirectory(e.path(), LinkOption.NOFOLLOW_LINKS)) {
          Trees.delete(e.path());
        }
        Files.deleteIfExists(e.path());
        switch (e.kind()) {
          case FILE -> {
            Files.createDirectories(e.path().getParent());
            Files.copy(e.saved(), e.path(), StandardCopyOption.COPY_ATTRIBUTES);
          }
          case LINK -> {
            Files.createDirectories(e.path().getParent());
            Files.createSymbolicLink(e.path(), e.target());
          }
          case ABSENT -> removeEmptyParents(e.path());
        }
      } catch (IOException ex) {
        failed.add(root.relativize(e.path()) + " (" + ex.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new IOException("could not restore " + String.join(", ", failed));
    }
  }

  /** Folders a new file needed, once empty: they were not there before either. */
  private void removeEmptyParents(Path file) throws IOException {
    for (Path d = file.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) || !isEmpty(d)) {
        return;
      }
      Files.delete(d);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }
}
