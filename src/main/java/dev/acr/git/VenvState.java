package dev.acr.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The installed files of a Python environment that an attempt shares with the user's tree, so that
 * what an agent installs there can be taken back. A worktree links the user's {@code .venv}
 * ({@link DependencyLinks}) and its agents run with it activated, so an agent's {@code pip install -e .}
 * or {@code uv sync} writes into the user's environment: the editable install then points at acr's
 * worktree, and the user's own {@code import} of their project breaks once that worktree is reset.
 *
 * <p>{@link #read} records every file of the environment's {@code site-packages} and {@code bin/}
 * (size and time; {@code __pycache__} left out: imports write those), and keeps the bytes of the
 * small files an install rewrites: install metadata ({@code *.dist-info}, {@code *.egg-info}), the
 * top level's {@code .pth} files, finder modules and {@code .egg-link}s, and console scripts.
 * {@link #restore} deletes what was added since, and writes back the kept files that were changed or
 * removed. A package's own files that were changed or removed cannot be written back (they were not
 * kept: that would be a copy of the environment); those are reported for the user to reinstall.
 */
public final class VenvState {
  /** The largest file whose bytes are kept: install metadata and scripts are far smaller. */
  static final long KEEP_MAX = 256 * 1024;

  private record Entry(long size, FileTime modified, byte[] bytes, Path link) {
    boolean sameAs(Entry o) {
      return size == o.size && modified.equals(o.modified) && java.util.Objects.equals(link, o.link);
    }
  }

  /**
   * What {@link #restore} did: the top-level entries of {@code site-packages} (and {@code bin/}
   * scripts) the attempt changed, and those of them it could not put back.
   */
  public record Restored(Path venv, List<String> changed, List<String> notRestored) {
    public boolean none() {
      return changed.isEmpty();
    }
  }

  private final Path venv;
  private final Map<String, Entry> files;
  private final Set<String> dirs;

  private VenvState(Path venv, Map<String, Entry> files, Set<String> dirs) {
    this.venv = venv;
    this.files = files;
    this.dirs = dirs;
  }

  public Path venv() {
    return venv;
  }

  /** The environment's files as they are now. */
  public static VenvState read(Path venv) throws IOException {
    return read(venv.toRealPath(), true); // site-packages are found by their real paths
  }

  /** {@code keep}: keep the small files' bytes (not needed to compare). */
  private static VenvState read(Path venv, boolean keep) throws IOException {
    Map<String, Entry> files = new HashMap<>();
    Set<String> dirs = new HashSet<>();
    for (Path root : roots(venv)) {
      walk(venv, root, root.getFileName().toString().equals("bin"), keep, files, dirs);
    }
    return new VenvState(venv, files, dirs);
  }

  /**
   * Puts the environment back as {@link #read} found it, as far as the kept bytes allow: files added
   * since are deleted (and folders added since), kept files changed or removed are written back.
   */
  public Restored restore() throws IOException {
    VenvState now = read(venv, false);
    Set<String> changed = new TreeSet<>();
    Set<String> notRestored = new TreeSet<>();
    for (Map.Entry<String, Entry> e : now.files.entrySet()) {
      if (!files.containsKey(e.getKey())) {
        Files.deleteIfExists(venv.resolve(e.getKey()));
        changed.add(entryName(e.getKey()));
      }
    }
    List<String> added = new ArrayList<>(now.dirs);
    added.removeAll(dirs);
    added.sort(Comparator.comparingInt(String::length).reversed()); // deepest first
    for (String d : added) {
      deleteTree(venv.resolve(d));
      changed.add(entryName(d));
    }
    for (Map.Entry<String, Entry> e : files.entrySet()) {
      Entry was = e.getValue();
      Entry is = now.files.get(e.getKey());
      if (is != null && is.sameAs(was)) {
        continue;
      }
      changed.add(entryName(e.getKey()));
      if (was.bytes == null && was.link == null) {
        notRestored.add(entryName(e.getKey()));
        continue;
      }
      Path p = venv.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.deleteIfExists(p);
      if (was.link != null) {
        Files.createSymbolicLink(p, was.link);
      } else {
        Files.write(p, was.bytes);
        Files.setLastModifiedTime(p, was.modified);
      }
    }
    return new Restored(venv, List.copyOf(changed), List.copyOf(notRestored));
  }

  /** {@code bin/} and each {@code lib/python3.X/site-packages} of {@code venv} (a real path). */
  private static List<Path> roots(Path venv) {
    List<Path> roots = new ArrayList<>();
    if (Files.isDirectory(venv.resolve("bin"), LinkOption.NOFOLLOW_LINKS)) {
      roots.add(venv.resolve("bin"));
    }
    roots.addAll(EditableInstalls.sitePackages(venv)); // real paths, once each (lib64 is often a link to lib)
    return roots;
  }

  private static void walk(Path venv, Path root, boolean flat, boolean keep, Map<String, Entry> files, Set<String> dirs)
      throws IOException {
    Files.walkFileTree(root, Set.of(), flat ? 1 : Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.getFileName().toString().equals("__pycache__")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (!dir.equals(root)) {
          dirs.add(key(venv, dir));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isDirectory()) {
          return FileVisitResult.CONTINUE; // a folder at bin/'s depth limit
        }
        String key = key(venv, file);
        Path link = attrs.isSymbolicLink() ? Files.readSymbolicLink(file) : null;
        boolean keepBytes = keep && link == null && attrs.size() <= KEEP_MAX && kept(root, file, flat);
        byte[] bytes = keepBytes ? Files.readAllBytes(file) : null;
        files.put(key, new Entry(attrs.size(), attrs.lastModifiedTime(), bytes, link));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // vanished while read: nothing to keep
      }
    });
  }

  /** Scripts, the top level's small files, and install metadata: what an install rewrites. */
  private static boolean kept(Path root, Path file, boolean flat) {
    if (flat || file.getParent().equals(root)) {
      return true;
    }
    for (Path part : root.relativize(file)) {
      String name = part.toString();
      if (name.endsWith(".dist-info") || name.endsWith(".egg-info")) {
        return true;
      }
    }
    return false;
  }

  private static String key(Path venv, Path p) {
    return venv.relativize(p).toString().replace('\\', '/');
  }

  /** What to call a changed path: its top-level entry of {@code site-packages}, or {@code bin/NAME}. */
  private static String entryName(String key) {
    String[] parts = key.split("/");
    if (parts[0].equals("bin")) {
      return key;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals("site-packages")) {
        return parts[i + 1];
      }
    }
    return key;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

}
