package dev.acr.memory;

import java.io.IOException;

/** Where the loop puts each attempt's record: the JSONL file, an in-memory list, the stats. */
public interface MemorySink {
  void append(MemoryRecord record) throws IOException;

  /** A sink that appends to each of the given sinks in order. */
  static MemorySink tee(MemorySink... sinks) {
    return record -> {
      for (MemorySink sink : sinks) {
        sink.append(record);
      }
    };
  }
}
