package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfigPricesTest {
  @Test
  void eightBenchmarkModels() {
    assertThat(Prices.defaults()).hasSize(8);
    assertThat(Prices.forModel("claude-opus-4-6")).contains(new ModelPrice(5.0, 25.0));
    assertThat(Prices.forModel("qwen3-max")).contains(new ModelPrice(0.34, 1.38));
    assertThat(Prices.forModel("nope")).isEmpty();
    assertThat(Prices.forModel(null)).isEmpty();
  }

  @Test
  void costAndSpecFallback() {
    assertThat(new ModelPrice(2.5, 15.0).cost(1_000_000, 100_000)).isCloseTo(4.0, within(1e-12));
    assertThat(ModelSpec.of("gpt-5.4").price()).contains(new ModelPrice(2.5, 15.0));
    assertThat(new ModelSpec("gpt-5.4", null, 1.0, 2.0).price()).contains(new ModelPrice(1.0, 2.0));
    assertThat(ModelSpec.of("custom").price()).isEmpty();
  }
}
