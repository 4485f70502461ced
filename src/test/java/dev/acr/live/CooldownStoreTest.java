package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.policy.Cooldown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooldownStoreTest {
  private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

  @Test
  void keepsOneEntryPerProviderTheLaterOneWinsAndExpiredOnesAreDropped(@TempDir Path home) throws Exception {
    CooldownStore store = new CooldownStore(home.resolve("cooldowns.json"));
    store.add(new Cooldown("openai", NOW.plus(Duration.ofMinutes(10)), "rate limit"), NOW);
    store.add(new Cooldown("openai", NOW.plus(Duration.ofHours(1)), "quota"), NOW);
    store.add(new Cooldown("openai", NOW.plus(Duration.ofMinutes(5)), "rate limit"), NOW);
    store.add(new Cooldown("anthropic", NOW.plus(Duration.ofMinutes(1)), "rate limit"), NOW);

    List<String> problems = new ArrayList<>();
    assertThat(store.active(NOW, problems)).extracting(Cooldown::provider, Cooldown::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("openai", "quota"),
            org.assertj.core.groups.Tuple.tuple("anthropic", "rate limit"));
    Instant later = NOW.plus(Duration.ofMinutes(2));
    store.add(new Cooldown("google", NOW.plus(Duration.ofMinutes(30)), "quota"), later);
    assertThat(store.active(later, problems)).extracting(Cooldown::provider).containsExactly("openai", "google");
    assertThat(Files.readString(home.resolve("cooldowns.json"))).doesNotContain("anthropic");
    assertThat(problems).isEmpty();
  }

  @Test
  void concurrentWritersKeepEveryProvidersEntry(@TempDir Path home) throws Exception {
    Path file = home.resolve("state").resolve("cooldowns.json");
    int writers = 8;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String provider = "provider-" + w;
        // Each writer has its own store object, as separate acr processes would.
        CooldownStore store = new CooldownStore(file);
        done.add(pool.submit(() -> {
          start.await();
          for (int r = 0; r < rounds; r++) {
            store.add(new Cooldown(provider, NOW.plus(Duration.ofMinutes(10 + r)), "rate limit"), NOW);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> problems = new ArrayList<>();
    List<Cooldown> active = new CooldownStore(file).active(NOW, problems);
    assertThat(problems).isEmpty();
    assertThat(active).hasSize(writers);
    assertThat(active).allSatisfy(c -> assertThat(c.until()).isEqualTo(NOW.plus(Duration.ofMinutes(10 + rounds - 1))));
  }

  @Test
  void anUnreadableFileReadsAsNoCooldownAndSaysWhy(@TempDir Path home) throws Exception {
    Path file = home.resolve("cooldowns.json");
    Files.writeString(file, "{\"something\": 1}");
    List<String> problems = new ArrayList<>();
    assertThat(new CooldownStore(file).active(NOW, problems)).isEmpty();
    assertThat(problems).singleElement().asString().contains("has no \"cooldowns\" list").contains("Delete the file");
  }
}
