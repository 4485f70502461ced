package dev.acr.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether another process can take a kept worktree's lock: a second JVM on the test classpath,
 * since a lock of this process is invisible to this process's own tries.
 */
final class LockProbe {
  private LockProbe() {}

  /** Exits 0 when the lock of {@code args[0]} could be taken (and lets it go), 1 when not. */
  public static void main(String[] args) throws Exception {
    var lock = SlotLock.tryLock(Path.of(args[0]));
    lock.ifPresent(SlotLock::close);
    System.exit(lock.isPresent() ? 0 : 1);
  }

  static boolean canLock(Path lockFile) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockProbe.class.getName(), lockFile.toString()).inheritIO().start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("the lock probe did not finish");
    }
    return p.exitValue() == 0;
  }
}
