package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void knownAnswersFromFips180() {
    assertThat(hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void sameAsMessageDigestAcrossBlockBoundariesAndForAnyBytes() throws Exception {
    MessageDigest jca = MessageDigest.getInstance("SHA-256");
    Random random = new Random(17);
    // Every length up to four blocks, so each padding case (room for the length or not) is hit.
    for (int length = 0; length <= 4 * 64 + 1; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(Sha256.digest(message)).as("length %d", length).isEqualTo(jca.digest(message));
    }
    byte[] large = new byte[100_003];
    random.nextBytes(large);
    assertThat(Sha256.digest(large)).isEqualTo(jca.digest(large));
  }

  @Test
  void plannerHashesThePromptsUtf8() throws Exception {
    String prompt = "fix the parser — ünïcödé 🚀";
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(prompt.getBytes(StandardCharsets.UTF_8));
    assertThat(Planner.sha256(prompt)).isEqualTo(HexFormat.of().formatHex(expected));
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(Sha256.digest(s.getBytes(StandardCharsets.US_ASCII)));
  }
}
