package dev.acr.memory;

import java.nio.file.Path;

/**
 * A separate acr-like process for the concurrency tests: appends {@code count} records of run
 * {@code runId} to a memory file through {@link MemoryStore}, as a live run would.
 */
public final class AppendProcess {
  private AppendProcess() {}

  public static void main(String[] args) throws Exception {
    MemoryStore store = new MemoryStore(Path.of(args[0]));
    int count = Integer.parseInt(args[2]);
    for (int i = 1; i <= count; i++) {
      store.append(MemoryStoreTest.record(args[1], i));
    }
  }
}
