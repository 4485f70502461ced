package dev.acr.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who uses a kept worktree now: an OS file lock on the file beside it. The OS drops the lock when
 * its process dies, however it dies, so a worktree whose run crashed is free again with nothing to
 * check; a live run's worktree is never handed to another run.
 *
 * <p>The lock is the process's (POSIX {@code fcntl}): closing any channel on the file, even one
 * that failed to lock it, releases it. So a lock file this process already holds is never opened
 * a second time: {@link #HELD} is the process's own list of them. It is mutable static state on
 * purpose, as process-wide as the locks it guards (two pools in one process, e.g. the shell's
 * runs or a race's attempts, must not free each other's worktrees).
 */
final class SlotLock implements AutoCloseable {
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private SlotLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code file} (created when missing), or empty when another run, here or elsewhere, holds it. */
  static Optional<SlotLock> tryLock(Path file) throws GitException {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l != null) {
        return Optional.of(new SlotLock(key, ch, l));
      }
      ch.close();
      HELD.remove(key);
      return Optional.empty();
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(ch);
      HELD.remove(key);
      throw new GitException("cannot lock " + key + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
    HELD.remove(file);
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException e) {
      // nothing was locked through it, or the OS drops the lock with the descriptor anyway
    }
  }
}
