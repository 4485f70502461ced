package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acr.core.Route;
import org.junit.jupiter.api.Test;

class ConfigToolsConfigTest {
  private static ToolsConfig bundled() throws ConfigException {
    return ConfigLoader.bundled();
  }

  @Test
  void resolveRouteToolAndModelNames() throws Exception {
    ToolsConfig c = bundled();
    assertThat(c.resolve("codex:gpt-5.4")).containsExactly(new Route("codex", "gpt-5.4"));
    assertThat(c.resolve("claude-code"))
        .extracting(Route::name)
        .containsExactly("claude-code:claude-opus-4-6", "claude-code:claude-sonnet-4-6");
    assertThat(c.resolve("kimi-k2.5")).containsExactly(new Route("opencode", "kimi-k2.5"));
  }

  @Test
  void resolveUnknownNamesTheNameAndListsKnownOnes() throws Exception {
    ToolsConfig c = bundled();
    assertThatThrownBy(() -> c.resolve("gemini"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown tool or route 'gemini'")
        .hasMessageContaining("codex:gpt-5.4")
        .hasMessageContaining("claude-code");
    assertThatThrownBy(() -> c.resolve("codex:gpt-4"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown route 'codex:gpt-4'")
        .hasMessageContaining("gpt-5.4");
    assertThatThrownBy(() -> c.resolve("nope:x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown tool 'nope'");
  }

  @Test
  void resolveDisabledToolIsAnError() throws Exception {
    ToolsConfig c =
        ConfigLoader.parse(
            "{\"tools\": [{\"name\": \"a\", \"enabled\": false, \"command\": [\"a\"]}, {\"name\": \"b\", \"command\": [\"b\"]}]}",
            "x.json");
    assertThatThrownBy(() -> c.resolve("a")).hasMessageContaining("tool 'a' is disabled");
    assertThat(c.resolve("b")).containsExactly(new Route("b", null));
  }

  @Test
  void modelAndRouteForModel() throws Exception {
    ToolsConfig c = bundled();
    assertThat(c.routeForModel("gpt-5.4")).contains(new Route("codex", "gpt-5.4"));
    assertThat(c.routeForModel("qwen3-max")).contains(new Route("opencode", "Qwen3-Max"));
    assertThat(c.routeForModel("gpt-9")).isEmpty();
    assertThat(c.model(new Route("opencode", "MiniMax-M2.7")).orElseThrow().arg()).isEqualTo("minimax/MiniMax-M2.7");
    assertThat(c.model(new Route("opencode", null))).isEmpty();
    assertThat(c.price(new Route("codex", "gpt-5.4"))).contains(new ModelPrice(2.5, 15.0));
  }

  @Test
  void ruleMatchingIsWholeWordCaseInsensitiveFirstRuleWins() throws Exception {
    ToolsConfig c = ConfigLoader.parse(ConfigLoaderTest.DEMO, "demo.json");
    assertThat(c.ruleMatches("Please EXPLAIN this function")).containsExactly(new Route("claude-code", null));
    assertThat(c.ruleMatches("explain why the test fails")).containsExactly(new Route("codex", null));
    assertThat(c.ruleMatches("open the file")).containsExactly(new Route("opencode", null));
    // whole words only: "opener", "repository", "attest" do not match
    assertThat(c.ruleMatches("the opener of the repository should attest")).isEmpty();
    assertThat(c.ruleMatches("git-based workflow")).containsExactly(new Route("codex", null));
    assertThat(c.ruleMatches("")).isEmpty();
  }

  @Test
  void ruleWithModelOrRouteNarrowsToOneRoute() throws Exception {
    ToolsConfig c =
        ConfigLoader.parse(
            """
            {"tools": [{"name": "t", "command": ["t", "{model}"], "models": ["m1", "m2"]},
                       {"name": "off", "enabled": false, "command": ["o"]}],
             "routes": [{"tool": "off", "keywords": ["docs"]},
                        {"route": "t:m2", "keywords": ["unit test"]},
                        {"tool": "t", "model": "m1", "keywords": ["docs"]},
                        {"tool": "t", "keywords": ["any"]}]}
            """,
            "x.json");
    assertThat(c.ruleMatches("write a Unit  Test")).isEmpty();
    assertThat(c.ruleMatches("write a unit test.")).containsExactly(new Route("t", "m2"));
    assertThat(c.ruleMatches("update docs")).containsExactly(new Route("t", "m1"));
    assertThat(c.ruleMatches("any thing")).containsExactly(new Route("t", "m1"), new Route("t", "m2"));
  }
}
