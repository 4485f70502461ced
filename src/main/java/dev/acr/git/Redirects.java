package dev.acr.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What still points an attempt's worktree at the user's tree, and how it is pointed at the
 * worktree instead, so that the attempt's tests exercise the attempt's files. Found once per run:
 *
 * <ul>
 *   <li>Absolute paths into the user's tree in the attempt's own files: a Go {@code replace
 *       ../lib} is relative and fine, but {@code replace example.com/lib => /home/me/repo/lib} in
 *       {@code go.mod} (or a {@code use} in {@code go.work}, a path dependency in {@code Cargo.toml},
 *       a local config file) builds the user's {@code lib}. Every text file of the snapshot that
 *       names the user's root is rewritten to name the worktree before the agent runs, and back
 *       before what the agent changed is captured, so the patch says what the user's tree needs.
 *       Rewriting the files, rather than e.g. {@code GOFLAGS=-modfile=}, works for every tool and
 *       every nested module, and the agent's own test runs see the worktree too.
 *   <li>Search paths in the environment ({@code PYTHONPATH}, {@code NODE_PATH}, {@code PATH}, ...)
 *       with entries in the user's tree: moved to the same place in the worktree, when it exists.
 *   <li>Python editable installs ({@link EditableInstalls}): their folders, in the worktree, go
 *       first on {@code PYTHONPATH}. Python searches PYTHONPATH before site-packages, where the
 *       {@code .pth} files and editable finders sit, so the worktree's package is imported first
 *       and its submodules follow from it. An environment variable, not an edited copy of the
 *       virtual environment: its scripts name the user's interpreter by absolute path, so a copy
 *       would still be bypassed, while every Python started in the attempt inherits the variable.
 * </ul>
 *
 * Node workspace links are handled where {@code node_modules} is linked ({@link DependencyLinks}).
 */
public final class Redirects {
  /** Variables that hold search paths, separated by {@link File#pathSeparator}. */
  static final List<String> PATH_VARS =
      List.of("PYTHONPATH", "NODE_PATH", "PATH", "PERL5LIB", "RUBYLIB", "CLASSPATH", "GOPATH");

  /** Files larger than this are data, not configuration naming the tree. */
  private static final long MAX_FILE = 1 << 20;

  private final Path root;
  private final List<String> pythonRoots;
  private final List<String> namingFiles;

  Redirects(Path root, List<String> pythonRoots, List<String> namingFiles) {
    this.root = root;
    this.pythonRoots = List.copyOf(pythonRoots);
    this.namingFiles = List.copyOf(namingFiles);
  }

  /** Finds the redirects of {@code snapshotCommit} of the repository at {@code root}. */
  static Redirects find(Path root, String snapshotCommit, List<String> deps, Map<String, String> env)
      throws GitException {
    // -I: text files only; -F: the root is a literal; a commit, so the user's files are not read.
    Git.Result r = Git.tryRun(root, Map.of(), "grep", "-I", "-l", "-z", "-F", "-e", root.toString(), snapshotCommit);
    List<String> files = new ArrayList<>();
    String prefix = snapshotCommit + ":";
    for (String name : r.ok() ? r.stdout().split("\0") : new String[0]) {
      if (name.startsWith(prefix)) {
        files.add(name.substring(prefix.length()));
      }
    }
    return new Redirects(root, EditableInstalls.importRoots(root, deps, env), files);
  }

  /** The files that named the user's root, for tests and diagnostics. */
  List<String> namingFiles() {
    return namingFiles;
  }

  /**
   * {@code base} with its search paths pointed at {@code wt}: entries in the user's tree moved to
   * the worktree where that folder exists there (an untracked tool folder stays the user's), and
   * the editable installs' folders first on {@code PYTHONPATH}.
   */
  public Map<String, String> environment(Path wt, Map<String, String> base) {
    Map<String, String> env = new HashMap<>(base);
    for (String var : PATH_VARS) {
      String v = env.get(var);
      if (v != null && !v.isEmpty()) {
        env.put(var, moved(v, wt));
      }
    }
    Set<String> python = new LinkedHashSet<>();
    for (String rel : pythonRoots) {
      Path inWt = wt.resolve(rel);
      if (Files.isDirectory(inWt)) {
        python.add(inWt.toString());
      }
    }
    if (!python.isEmpty()) {
      String old = env.get("PYTHONPATH");
      if (old != null && !old.isEmpty()) {
        python.addAll(List.of(old.split(File.pathSeparator)));
      }
      env.put("PYTHONPATH", String.join(File.pathSeparator, python));
    }
    return env;
  }

  private String moved(String pathList, Path wt) {
    List<String> out = new ArrayList<>();
    for (String entry : pathList.split(File.pathSeparator, -1)) {
      Path p = entry.isEmpty() ? null : Path.of(entry);
      if (p != null && p.isAbsolute() && p.normalize().startsWith(root)) {
        Path inWt = wt.resolve(root.relativize(p.normalize()));
        out.add(Files.exists(inWt) ? inWt.toString() : entry);
      } else {
        out.add(entry);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  /** Before the agent runs and before the tests: the files name the worktree. */
  void toWorktree(Path wt) throws GitException {
    rewrite(wt, root.toString(), wt.toString());
  }

  /** Before the change is captured: the files name the user's root again. */
  void toUser(Path wt) throws GitException {
    rewrite(wt, wt.toString(), root.toString());
  }

  private void rewrite(Path wt, String from, String to) throws GitException {
    // Bytes as Latin-1 characters, one for one, so a file in any encoding is written back byte
    // for byte; the paths are turned into the same form. The path as a whole: /repo must not
    // match the start of /repo-old.
    Pattern p = Pattern.compile(Pattern.quote(bytes(from)) + "(?![^/\\s\"'`,;:)\\]}>])");
    String replacement = Matcher.quoteReplacement(bytes(to));
    for (String rel : namingFiles) {
      Path f = wt.resolve(rel);
      try {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_FILE) {
          continue;
        }
        Matcher m = p.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        if (m.find()) {
          Files.write(f, m.replaceAll(replacement).getBytes(StandardCharsets.ISO_8859_1));
        }
      } catch (IOException e) {
        throw new GitException("cannot point " + f + " at " + to + ": " + e.getMessage(), e);
      }
    }
  }

  private static String bytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
