package dev.acr.memory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one lock every writer of a memory file holds: appends, imports and compaction. It is an
 * exclusive OS lock on a companion file {@code <memory>.lock} next to the memory's real path, not
 * on the memory file itself, because compaction replaces the memory file by renaming a new one
 * over it: a writer that had opened and was waiting to lock the old file would append to an
 * unlinked file once it got the lock, and its record would be lost. The lock file is never
 * replaced, and writers open the memory file only once they hold the lock, so they always write to
 * the current file. Readers take no lock; they see either the old file or the new one, whole.
 * Other small state files replaced the same way ($ACR_HOME/cooldowns.json) take it too.
 */
public final class MemoryLock {

  /** Work done while holding the lock. */
  @FunctionalInterface
  public interface Body<T> {
    T run() throws IOException;
  }

  /**
   * OS file locks are held per process: threads of one JVM must take turns first, or the second
   * lock() throws OverlappingFileLockException instead of waiting.
   */
  private static final Object IN_PROCESS = new Object();

  private MemoryLock() {}

  /** Runs {@code body} holding the lock of {@code memory}; creates the directory its path names (0700) if missing. */
  public static <T> T hold(Path memory, Body<T> body) throws IOException {
    // Memory must be written also after an interrupt (an interrupted attempt is still recorded),
    // but NIO channels refuse to work on an interrupted thread: hold the interrupt back meanwhile.
    boolean interrupted = Thread.interrupted();
    try {
      synchronized (IN_PROCESS) {
        // The directory the memory path names is created (a first run); a symlink's target
        // directory is not: a link into a directory that is gone stays an error.
        Path dir = memory.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path lockFile = lockFile(memory);
        boolean created = !Files.exists(lockFile);
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          if (created) {
            Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-------"));
          }
          return body.run();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * {@code <memory>.lock} beside the file the memory path really names, so a symlinked memory and
   * its target share one lock.
   */
  static Path lockFile(Path memory) throws IOException {
    Path real = realPath(memory);
    return real.resolveSibling(real.getFileName() + ".lock");
  }

  /**
   * The memory file's real path. A file not there yet (a first run, or a symlink to a file not
   * created yet) is named by its directory's real path and its name, so every writer agrees.
   */
  static Path realPath(Path memory) throws IOException {
    Path p = memory.toAbsolutePath().normalize();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    try {
      return p.toRealPath();
    } catch (NoSuchFileException e) {
      try {
        return p.getParent().toRealPath().resolve(p.getFileName());
      } catch (NoSuchFileException e2) {
        return p;
      }
    }
  }
}
