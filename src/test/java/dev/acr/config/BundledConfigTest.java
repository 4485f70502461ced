package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledConfigTest {

  @Test
  void givesWhatConfigLoaderGivesWhicheverThreadParsedIt() throws Exception {
    ToolsConfig expected = ConfigLoader.bundled();

    assertThat(new BundledConfig().get()).as("parsed by the caller").isEqualTo(expected);

    BundledConfig early = new BundledConfig();
    Thread t = new Thread(early);
    t.start();
    assertThat(early.get()).as("parsed ahead, or by whichever came first").isEqualTo(expected);
    t.join();
    assertThat(early.get()).as("asked again").isSameAs(early.get());
  }
}
