package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {

  private static final Map<String, String> ENV =
      Map.of(
          "OPENAI_API_KEY", "sk-live-0123456789abcdef",
          "GITHUB_TOKEN", "ghp_tokenvalue42",
          "db_password", "hunter2hunter2",
          "MY_SECRET_THING", "s3cr3t-ünïcode-value",
          "SHORT_KEY", "abc",
          "HOME", "/home/someone-long-path");

  @Test
  void findsSecretLookingNamesOnly() {
    assertThat(Redactor.looksSecret("ANTHROPIC_API_KEY")).isTrue();
    assertThat(Redactor.looksSecret("gh_token")).isTrue();
    assertThat(Redactor.looksSecret("AWS_SECRET_ACCESS_KEY")).isTrue();
    assertThat(Redactor.looksSecret("PGPASSWORD")).isTrue();
    assertThat(Redactor.looksSecret("KEYBOARD")).isFalse();
    assertThat(Redactor.looksSecret("TOKENIZERS_PARALLELISM")).isFalse();
    assertThat(Redactor.looksSecret("HOME")).isFalse();
  }

  @Test
  void linesLoseEverySecretButKeepTheRest() {
    Redactor r = Redactor.forEnvironment(ENV);
    String line = "key=sk-live-0123456789abcdef tok=ghp_tokenvalue42 pw=hunter2hunter2 s=s3cr3t-ünïcode-value home=/home/someone-long-path abc";
    assertThat(r.line(line))
        .isEqualTo("key=[redacted OPENAI_API_KEY] tok=[redacted GITHUB_TOKEN] pw=[redacted db_password]"
            + " s=[redacted MY_SECRET_THING] home=/home/someone-long-path abc");
  }

  @Test
  void streamRedactsSecretsSplitAcrossWritesAtEveryOffset() throws Exception {
    Redactor r = Redactor.forEnvironment(ENV);
    byte[] text = ("a sk-live-0123456789abcdef b s3cr3t-ünïcode-value c ghp_tokenvalue42ghp_tokenvalue42 end")
        .getBytes(StandardCharsets.UTF_8);
    String expected = "a [redacted OPENAI_API_KEY] b [redacted MY_SECRET_THING] c [redacted GITHUB_TOKEN][redacted GITHUB_TOKEN] end";
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (OutputStream out = r.wrap(sink)) {
        int at = 0;
        while (at < text.length) {
          int n = Math.min(text.length - at, 1 + rng.nextInt(trial % 2 == 0 ? 3 : 40));
          out.write(text, at, n);
          at += n;
        }
      }
      assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
  }

  @Test
  void noSecretsMeansTheSameStream() {
    OutputStream sink = new ByteArrayOutputStream();
    assertThat(Redactor.forEnvironment(Map.of("HOME", "/root", "SHORT_TOKEN", "x")).wrap(sink)).isSameAs(sink);
  }

  @Test
  void theRunnerRedactsTheChildsOutputInFilesAndLines(@TempDir Path dir) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("ACR_TEST_API_KEY", "sk-planted-9f8e7d6c5b4a");
    List<String> lines = new ArrayList<>();
    ProcessOutcome o =
        new ProcessRunner()
            .run(ProcessSpec.builder(List.of("sh", "-c", "env; echo \"err $ACR_TEST_API_KEY\" >&2"), dir)
                .environment(env)
                .timeout(Duration.ofSeconds(20))
                .stdoutFile(dir.resolve("out.log"))
                .stderrFile(dir.resolve("err.log"))
                .stdoutLines(lines::add)
                .stderrLines(lines::add)
                .build());
    assertThat(o.exitCode()).isZero();
    String out = Files.readString(dir.resolve("out.log"));
    assertThat(out).contains("ACR_TEST_API_KEY=[redacted ACR_TEST_API_KEY]").doesNotContain("9f8e7d6c5b4a");
    assertThat(Files.readString(dir.resolve("err.log"))).isEqualTo("err [redacted ACR_TEST_API_KEY]\n");
    assertThat(String.join("\n", lines)).contains("[redacted ACR_TEST_API_KEY]").doesNotContain("9f8e7d6c5b4a");
  }
}
