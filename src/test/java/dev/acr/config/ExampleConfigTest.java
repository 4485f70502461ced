package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.Route;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/config.md's complete example, examples/stand-in-agents/tools.json, loads and means what it says. */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("examples/stand-in-agents/tools.json");

  @Test
  void theCompleteExampleLoadsWithEveryField() throws Exception {
    ToolsConfig c = ConfigLoader.load(EXAMPLE);
    assertThat(c.lambda()).isEqualTo(0.1);
    assertThat(c.storePrompts()).isTrue();
    assertThat(c.routes()).extracting(Route::name).containsExactly("fixer:gpt-5.4", "breaker:kimi-k2.5");
    ToolSpec fixer = c.tool("fixer").orElseThrow();
    assertThat(fixer.promptMode()).isEqualTo(PromptMode.STDIN);
    assertThat(fixer.usageFormat()).isEqualTo(ToolSpec.USAGE_CLAUDE_JSON);
    assertThat(fixer.commandPrefixEnv()).isEqualTo("ACROUTER_FIXER_PREFIX");
    assertThat(fixer.checkedVersions()).containsExactly("1.0.0");
    assertThat(c.price(new Route("fixer", "gpt-5.4"))).isPresent();
    assertThat(c.tool("switched-off").orElseThrow().enabled()).isFalse();
    assertThat(c.ruleMatches("fix the broken parser")).containsExactly(new Route("fixer", "gpt-5.4"));
    assertThat(c.ruleMatches("make a mess")).containsExactly(new Route("breaker", "kimi-k2.5"));
  }
}
