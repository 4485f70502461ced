package dev.acr.memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * When two memory lines are the same attempt, for {@code acr memory import} and {@code compact}:
 * when every field except {@code prompt} is equal once parsed. Parsing first means key order,
 * whitespace, number spelling ({@code 0.10} or {@code 0.1}) and unknown fields do not matter;
 * leaving the prompt out means an export made with {@code --no-prompts} (or a run with
 * {@code --no-store-prompt}) still matches the original, whose {@code task} holds the prompt's
 * sha256 anyway. Run id, attempt number and route alone would not do: {@code acr bench import}
 * writes one run id and attempt 1 for a whole table.
 *
 * <p>The identity is the first 128 bits of the sha256 of the canonical line (the record without
 * its prompt, as {@link MemoryStore#toLine} writes it), so a set of a million takes tens of MB,
 * and an accidental collision (which would drop one record as a duplicate) is as likely as
 * guessing a random 128-bit number.
 */
public record RecordIdentity(long high, long low) {

  public static RecordIdentity of(MemoryRecord record) {
    byte[] canonical = MemoryStore.toLine(record.withoutPrompt()).getBytes(StandardCharsets.UTF_8);
    ByteBuffer digest = ByteBuffer.wrap(sha256().digest(canonical));
    return new RecordIdentity(digest.getLong(), digest.getLong());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
